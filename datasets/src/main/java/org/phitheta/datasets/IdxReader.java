package org.phitheta.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads MNIST-style IDX files (MNIST, Fashion-MNIST, KMNIST, ...): images {@code *-images-idx3-ubyte} with magic
 * 0x00000803 and a header (count, rows, cols), labels {@code *-labels-idx1-ubyte} with magic 0x00000801 and a header
 * (count); every header field is a big-endian int32, every datum an unsigned byte. Files may be plain or gzip; gzip
 * is recognised by its magic bytes (0x1f 0x8b), not by the name.
 *
 * <p>Images are streamed straight into the float array of the returned {@link ImageDataset} (raw values 0..255), with
 * no whole-file copy. Errors name the file and what is wrong ({@link DatasetFormatException}) or what was looked for
 * ({@link DatasetNotFoundException}).
 */
public final class IdxReader {

    /** Magic number of IDX images (unsigned bytes, 3 dimensions). */
    public static final int IMAGES_MAGIC = IdxImageStream.IMAGES_MAGIC;
    /** Magic number of IDX labels (unsigned bytes, 1 dimension). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Class names of MNIST: the digits "0" to "9". */
    public static final List<String> DIGIT_CLASS_NAMES =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private IdxReader() {
    }

    /**
     * Reads one split from a directory holding {@code <prefix>-images-idx3-ubyte[.gz]} and
     * {@code <prefix>-labels-idx1-ubyte[.gz]} (prefix {@code train} or {@code t10k}); for each, the {@code .gz} name is
     * tried first, then the plain name.
     *
     * @param dir         the directory
     * @param split       which split
     * @param classNames  class names indexed by label; labels must be in [0, classNames.size())
     * @param datasetName a short name, e.g. {@code "fashion-mnist"}; the result is named {@code datasetName/train}
     * @return the images (raw values 0..255) and labels
     * @throws DatasetNotFoundException if the directory or a file is missing
     * @throws DatasetFormatException   if a file is malformed or the two files disagree
     */
    public static ImageDataset read(Path dir, Split split, List<String> classNames, String datasetName)
            throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(datasetName, "datasetName");
        Path images = findFile(dir, split.idxImagesName());
        Path labels = findFile(dir, split.idxLabelsName());
        return read(images, labels, classNames, datasetName + "/" + split.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Reads a pair of IDX images and labels files.
     *
     * @param images     the images file (IDX3, plain or gzip)
     * @param labels     the labels file (IDX1, plain or gzip)
     * @param classNames class names indexed by label; labels must be in [0, classNames.size())
     * @param name       the name of the result
     * @return the images (raw values 0..255) and labels
     */
    public static ImageDataset read(Path images, Path labels, List<String> classNames, String name)
            throws IOException {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        requireClassNames(classNames);
        Objects.requireNonNull(name, "name");
        int[] y = readLabels(labels);
        checkLabelRange(y, classNames.size(), labels.getFileName().toString());
        try (IdxImageStream stream = IdxImageStream.open(images)) {
            return readImagesFor(stream, y, labels.getFileName().toString(), classNames, name);
        }
    }

    /** Same as {@link #read(Path, Path, List, String)} for streams, e.g. class-path resources; closes them. */
    static ImageDataset read(InputStream images, String imagesName, InputStream labels, String labelsName,
                             List<String> classNames, String name) throws IOException {
        requireClassNames(classNames);
        int[] y;
        try (InputStream in = labels) {
            y = readLabels(DataStreams.decode(in, labelsName, -1), labelsName);
        } catch (IOException | RuntimeException e) {
            images.close();
            throw e;
        }
        checkLabelRange(y, classNames.size(), labelsName);
        try (IdxImageStream stream = IdxImageStream.open(images, imagesName)) {
            return readImagesFor(stream, y, labelsName, classNames, name);
        }
    }

    private static ImageDataset readImagesFor(IdxImageStream stream, int[] y, String labelsName,
                                              List<String> classNames, String name) throws IOException {
        if (stream.count() != y.length) {
            throw new DatasetFormatException(stream.name(), "has " + stream.count() + " images but " + labelsName
                    + " has " + y.length + " labels");
        }
        float[] x = new float[stream.count() * stream.imageSize()];
        stream.readImages(x, 0, stream.count());
        stream.checkEnd();
        return ImageDataset.owning(name, x, y, stream.rows(), stream.cols(), 1, classNames);
    }

    /**
     * Reads an IDX1 labels file (plain or gzip).
     *
     * @param file the file
     * @return the labels, each in 0..255 (no range check against a class count)
     */
    public static int[] readLabels(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        DataStreams.Opened opened = DataStreams.open(file);
        try (InputStream in = opened.in) {
            return readLabels(opened, file.getFileName().toString());
        }
    }

    private static int[] readLabels(DataStreams.Opened opened, String name) throws IOException {
        InputStream in = opened.in;
        int[] header = readHeader(in, name, LABELS_MAGIC, "IDX labels", 1);
        int n = header[0];
        if (opened.length >= 0 && opened.length != 8L + n) {
            String what = opened.length < 8L + n ? "truncated" : "too long";
            throw new DatasetFormatException(name, what + ": expected " + (8L + n) + " bytes (8-byte header + " + n
                    + " labels), file has " + opened.length);
        }
        byte[] raw = new byte[n];
        int got = DataStreams.readUpTo(in, raw, 0, n, name);
        if (got < n) {
            throw new DatasetFormatException(name, "truncated: expected " + n + " label bytes after the 8-byte header, got "
                    + got);
        }
        if (DataStreams.hasMore(in, name)) {
            throw new DatasetFormatException(name, "too long: extra bytes after the " + n
                    + " labels declared in the header");
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = raw[i] & 0xFF;
        }
        return labels;
    }

    /**
     * Reads an IDX header: the magic number, then {@code dims} big-endian int32 sizes.
     *
     * @return the sizes; the first (the item count) is checked to be &ge; 0
     */
    static int[] readHeader(InputStream in, String name, int expectedMagic, String kind, int dims) throws IOException {
        int headerBytes = 4 + 4 * dims;
        byte[] h = new byte[headerBytes];
        int got = DataStreams.readUpTo(in, h, 0, headerBytes, name);
        if (got >= 4) {
            checkMagic(name, be32(h, 0), expectedMagic, kind);
        }
        if (got < headerBytes) {
            throw new DatasetFormatException(name, "truncated: expected a " + headerBytes + "-byte " + kind
                    + " header, file has " + got + " bytes");
        }
        int[] sizes = new int[dims];
        for (int d = 0; d < dims; d++) {
            sizes[d] = be32(h, 4 + 4 * d);
        }
        if (sizes[0] < 0) {
            throw new DatasetFormatException(name, "header declares a negative item count " + sizes[0]);
        }
        return sizes;
    }

    private static void checkMagic(String name, int magic, int expected, String kind) throws DatasetFormatException {
        if (magic != expected) {
            throw new DatasetFormatException(name, String.format("wrong magic number 0x%08x, expected 0x%08x (%s)",
                    magic, expected, kind));
        }
    }

    private static int be32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    private static void checkLabelRange(int[] labels, int numClasses, String name) throws DatasetFormatException {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= numClasses) {
                throw new DatasetFormatException(name, "label " + labels[i] + " at index " + i
                        + " is out of range [0, " + numClasses + ")");
            }
        }
    }

    private static void requireClassNames(List<String> classNames) {
        Objects.requireNonNull(classNames, "classNames");
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("at least one class name is required");
        }
    }

    /**
     * Finds {@code baseName.gz} or {@code baseName} in a directory.
     *
     * @return the first that is a regular file
     * @throws DatasetNotFoundException naming the directory, or both candidate files
     */
    public static Path findFile(Path dir, String baseName) throws DatasetNotFoundException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetNotFoundException("directory", List.of(dir.toString()));
        }
        List<String> tried = new ArrayList<>();
        for (String candidate : new String[]{baseName + ".gz", baseName}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
            tried.add(p.toString());
        }
        throw new DatasetNotFoundException(baseName, tried);
    }

    /** @return true if the directory holds both files (plain or .gz) of both splits */
    static boolean hasAllFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        for (Split s : Split.values()) {
            for (String base : new String[]{s.idxImagesName(), s.idxLabelsName()}) {
                if (!Files.isRegularFile(dir.resolve(base + ".gz")) && !Files.isRegularFile(dir.resolve(base))) {
                    return false;
                }
            }
        }
        return true;
    }
}
