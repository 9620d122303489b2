package org.phitheta.datasets.tools;

import org.phitheta.datasets.FashionMnist;
import org.phitheta.datasets.IdxImageStream;
import org.phitheta.datasets.IdxReader;
import org.phitheta.datasets.Split;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the bundled, class-balanced Fashion-MNIST subset from the full IDX files: for each split, the first k images
 * of each class in file order (k = 600 for train, 100 for test by default), kept in file order, written as gzip'd IDX
 * files with the same names as the originals. Output is deterministic (gzip level 9, header time stamp 0), so the same
 * input gives byte-identical files; each file is written to a temporary file in the output directory, then moved into
 * place atomically.
 *
 * <p>Usage: {@code MakeFashionMnistSubset <fullDir> <outDir> [trainPerClass [testPerClass]]}, e.g.
 * <pre>
 * java -cp datasets/target/classes org.phitheta.datasets.tools.MakeFashionMnistSubset \
 *     /usr/share/datasets/fashion-mnist datasets/src/main/resources/org/phitheta/datasets/fashion-mnist-subset
 * </pre>
 * (needs no library beyond the JDK).
 */
public final class MakeFashionMnistSubset {

    private MakeFashionMnistSubset() {
    }

    /**
     * @param args fullDir outDir [trainPerClass [testPerClass]]
     * @throws Exception on any error (bad arguments, missing or malformed input, write failure)
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: MakeFashionMnistSubset <fullDir> <outDir> [trainPerClass [testPerClass]]");
            System.exit(2);
        }
        Path fullDir = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        int trainPerClass = args.length > 2 ? Integer.parseInt(args[2]) : FashionMnist.SUBSET_TRAIN_PER_CLASS;
        int testPerClass = args.length > 3 ? Integer.parseInt(args[3]) : FashionMnist.SUBSET_TEST_PER_CLASS;
        Files.createDirectories(outDir);
        make(fullDir, outDir, Split.TRAIN, trainPerClass);
        make(fullDir, outDir, Split.TEST, testPerClass);
    }

    /**
     * Writes the subset of one split.
     *
     * @param fullDir  directory of the full IDX files
     * @param outDir   output directory (must exist)
     * @param split    the split
     * @param perClass images per class, &ge; 1
     */
    public static void make(Path fullDir, Path outDir, Split split, int perClass) throws IOException {
        if (perClass < 1) {
            throw new IllegalArgumentException("perClass must be >= 1 (got " + perClass + ")");
        }
        int numClasses = FashionMnist.CLASS_NAMES.size();
        Path labelsIn = IdxReader.findFile(fullDir, split.idxLabelsName());
        Path imagesIn = IdxReader.findFile(fullDir, split.idxImagesName());
        int[] labels = IdxReader.readLabels(labelsIn);
        boolean[] keep = new boolean[labels.length];
        int[] taken = new int[numClasses];
        int kept = 0;
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c >= numClasses) {
                throw new IllegalArgumentException(labelsIn + ": label " + c + " at index " + i + " is out of range");
            }
            if (taken[c] < perClass) {
                taken[c]++;
                keep[i] = true;
                kept++;
            }
        }
        for (int c = 0; c < numClasses; c++) {
            if (taken[c] < perClass) {
                throw new IllegalArgumentException(labelsIn + ": class " + c + " has only " + taken[c]
                        + " images, " + perClass + " wanted");
            }
        }
        int keptTotal = kept;
        Path labelsOut = outDir.resolve(split.idxLabelsName() + ".gz");
        writeAtomically(labelsOut, out -> {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(keptTotal);
            for (int i = 0; i < labels.length; i++) {
                if (keep[i]) {
                    out.writeByte(labels[i]);
                }
            }
        });
        Path imagesOut = outDir.resolve(split.idxImagesName() + ".gz");
        try (IdxImageStream images = IdxImageStream.open(imagesIn)) {
            if (images.count() != labels.length) {
                throw new IllegalArgumentException(imagesIn + " has " + images.count() + " images but " + labelsIn
                        + " has " + labels.length + " labels");
            }
            byte[] pixels = new byte[images.imageSize()];
            writeAtomically(imagesOut, out -> {
                out.writeInt(IdxReader.IMAGES_MAGIC);
                out.writeInt(keptTotal);
                out.writeInt(images.rows());
                out.writeInt(images.cols());
                for (int i = 0; i < labels.length; i++) {
                    images.readImage(pixels, 0);
                    if (keep[i]) {
                        out.write(pixels);
                    }
                }
            });
            images.checkEnd();
        }
        System.out.printf("%s: %d images (%d per class) -> %s (%d bytes, sha256 %s), %s (%d bytes, sha256 %s)%n",
                split, keptTotal, perClass, imagesOut.getFileName(), Files.size(imagesOut), sha256(imagesOut),
                labelsOut.getFileName(), Files.size(labelsOut), sha256(labelsOut));
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Body body) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new MaxGzipOutputStream(Files.newOutputStream(tmp)), 1 << 16))) {
                body.write(out);
            }
            makeWorldReadable(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** createTempFile makes owner-only files; the outputs are ordinary data files (rw-r--r--) where POSIX applies. */
    private static void makeWorldReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: leave the defaults
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** GZIPOutputStream at the best compression level; the JDK writes a header with time stamp 0. */
    private static final class MaxGzipOutputStream extends GZIPOutputStream {
        MaxGzipOutputStream(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
