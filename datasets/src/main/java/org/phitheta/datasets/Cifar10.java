package org.phitheta.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads the CIFAR-10 binary version ({@code cifar-10-batches-bin}: {@code data_batch_1.bin} .. {@code data_batch_5.bin}
 * for training, {@code test_batch.bin} for test). Each file is a sequence of 3073-byte records: one label byte (0..9)
 * then 3072 pixel bytes, channel-major: the 1024 red values of the 32 x 32 image row by row, then the 1024 green, then
 * the 1024 blue. That order is kept, so a row of the result reshaped to [3, 32, 32] is in DL4J's CHW layout.
 *
 * <p>Files are streamed record by record straight into the float array of the result (raw values 0..255). Plain files
 * are checked up front to be a whole number of records; gzip files (recognised by their magic bytes) as they are read.
 */
public final class Cifar10 {

    /** Class names, indexed by label, as in {@code batches.meta.txt}. */
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");
    /** Image height and width. */
    public static final int SIZE = 32;
    /** Number of colour channels. */
    public static final int CHANNELS = 3;
    /** Bytes per record: 1 label byte + 3 x 32 x 32 pixel bytes. */
    public static final int RECORD_BYTES = 1 + CHANNELS * SIZE * SIZE;
    /** Name of the directory in the official archive. */
    public static final String ARCHIVE_DIRECTORY = "cifar-10-batches-bin";

    private static final int PIXELS = CHANNELS * SIZE * SIZE;
    private static final int RECORDS_PER_CHUNK = 32;

    private Cifar10() {
    }

    /**
     * Loads a split from a directory that holds the batch files, or whose {@value #ARCHIVE_DIRECTORY} subdirectory
     * does.
     *
     * @param dir   the directory
     * @param split {@link Split#TRAIN} (data_batch_1..5.bin, 50,000 images) or {@link Split#TEST} (test_batch.bin,
     *              10,000 images)
     * @return the images (raw values 0..255, CHW order within a row) and labels
     * @throws DatasetNotFoundException if the directory or a batch file is missing
     */
    public static ImageDataset load(Path dir, Split split) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(split, "split");
        Path batches = batchDirectory(dir);
        List<Path> files = new ArrayList<>();
        for (String f : fileNames(split)) {
            Path p = batches.resolve(f);
            if (!Files.isRegularFile(p)) {
                throw new DatasetNotFoundException("CIFAR-10 batch file " + f, List.of(p.toString()));
            }
            files.add(p);
        }
        return read(files, "cifar-10/" + split.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Finds the CIFAR-10 directory: {@code explicitDir} if not null, else {@code $PHITHETA_DATA/cifar-10-batches-bin}
     * or {@code $PHITHETA_DATA} if that variable is set and holds the files. There is no bundled or Debian copy.
     *
     * @param explicitDir a directory given by the user, or null
     * @return the directory holding the batch files
     * @throws DatasetNotFoundException naming every place that was tried
     */
    public static Path locate(Path explicitDir) throws DatasetNotFoundException {
        return locate(explicitDir, System::getenv);
    }

    static Path locate(Path explicitDir, Function<String, String> env) throws DatasetNotFoundException {
        List<Path> candidates = new ArrayList<>();
        if (explicitDir != null) {
            candidates.add(explicitDir);
            candidates.add(explicitDir.resolve(ARCHIVE_DIRECTORY));
        } else {
            String root = env.apply(FashionMnist.ENVIRONMENT_VARIABLE);
            if (root != null && !root.isBlank()) {
                candidates.add(Path.of(root).resolve(ARCHIVE_DIRECTORY));
                candidates.add(Path.of(root));
            }
        }
        List<String> tried = new ArrayList<>();
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("test_batch.bin")) && Files.isRegularFile(c.resolve("data_batch_1.bin"))) {
                return c;
            }
            tried.add(c.resolve("{data_batch_1..5,test_batch}.bin").toString());
        }
        if (tried.isEmpty()) {
            tried.add("no directory given and $" + FashionMnist.ENVIRONMENT_VARIABLE + " not set");
        }
        throw new DatasetNotFoundException("CIFAR-10 binary batches", tried);
    }

    private static Path batchDirectory(Path dir) throws DatasetNotFoundException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetNotFoundException("CIFAR-10 directory", List.of(dir.toString()));
        }
        Path sub = dir.resolve(ARCHIVE_DIRECTORY);
        return Files.isDirectory(sub) && !Files.isRegularFile(dir.resolve("test_batch.bin")) ? sub : dir;
    }

    private static List<String> fileNames(Split split) {
        if (split == Split.TEST) {
            return List.of("test_batch.bin");
        }
        return List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin");
    }

    /**
     * Reads and concatenates CIFAR-10 binary files, in the given order.
     *
     * @param files the files (plain or gzip), at least one
     * @param name  the name of the result
     * @return the images (raw values 0..255, CHW order within a row) and labels
     * @throws DatasetFormatException if a file is not a whole number of records or has a label outside 0..9
     */
    public static ImageDataset read(List<Path> files, String name) throws IOException {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(name, "name");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one CIFAR-10 file is required");
        }
        List<DataStreams.Opened> opened = new ArrayList<>();
        try {
            long knownRecords = 0;
            boolean allKnown = true;
            for (Path f : files) {
                DataStreams.Opened o = DataStreams.open(f);
                opened.add(o);
                if (o.length >= 0) {
                    checkWholeRecords(f.getFileName().toString(), o.length);
                    knownRecords += o.length / RECORD_BYTES;
                } else {
                    allKnown = false;
                }
            }
            int capacity = (int) Math.min(knownRecords + (allKnown ? 0 : 10_000), Integer.MAX_VALUE / PIXELS);
            Buffers buf = new Buffers(capacity);
            for (int i = 0; i < files.size(); i++) {
                readRecords(opened.get(i).in, files.get(i).getFileName().toString(), buf);
            }
            float[] x = buf.x.length == buf.n * PIXELS ? buf.x : Arrays.copyOf(buf.x, buf.n * PIXELS);
            int[] y = buf.y.length == buf.n ? buf.y : Arrays.copyOf(buf.y, buf.n);
            return ImageDataset.owning(name, x, y, SIZE, SIZE, CHANNELS, CLASS_NAMES);
        } finally {
            for (DataStreams.Opened o : opened) {
                o.in.close();
            }
        }
    }

    private static void checkWholeRecords(String name, long length) throws DatasetFormatException {
        if (length % RECORD_BYTES != 0) {
            throw new DatasetFormatException(name, "length " + length + " bytes is not a multiple of the "
                    + RECORD_BYTES + "-byte record (1 label byte + 3072 pixel bytes): " + length / RECORD_BYTES
                    + " whole records and " + length % RECORD_BYTES + " bytes left over");
        }
    }

    /** Growable output arrays; allocated at the exact size (never grown or copied) when all files are plain. */
    private static final class Buffers {
        float[] x;
        int[] y;
        int n;

        Buffers(int capacity) {
            x = new float[capacity * PIXELS];
            y = new int[capacity];
        }

        void ensure(int records) {
            if (records > y.length) {
                int cap = (int) Math.min(Math.max(records, 2L * y.length), Integer.MAX_VALUE / PIXELS);
                if (cap < records) {
                    throw new IllegalStateException("too many CIFAR-10 records for one Java array: " + records);
                }
                x = Arrays.copyOf(x, cap * PIXELS);
                y = Arrays.copyOf(y, cap);
            }
        }
    }

    private static void readRecords(InputStream in, String name, Buffers buf) throws IOException {
        byte[] chunk = new byte[RECORDS_PER_CHUNK * RECORD_BYTES];
        long recordIndex = 0;
        while (true) {
            int got = DataStreams.readUpTo(in, chunk, 0, chunk.length, name);
            int records = got / RECORD_BYTES;
            if (got % RECORD_BYTES != 0) {
                long total = recordIndex * RECORD_BYTES + got;
                throw new DatasetFormatException(name, "length " + total + " bytes is not a multiple of the "
                        + RECORD_BYTES + "-byte record (1 label byte + 3072 pixel bytes): " + total / RECORD_BYTES
                        + " whole records and " + total % RECORD_BYTES + " bytes left over");
            }
            buf.ensure(buf.n + records);
            for (int r = 0; r < records; r++) {
                int base = r * RECORD_BYTES;
                int label = chunk[base] & 0xFF;
                if (label >= CLASS_NAMES.size()) {
                    throw new DatasetFormatException(name, "label " + label + " in record " + (recordIndex + r)
                            + " is out of range [0, " + CLASS_NAMES.size() + ")");
                }
                buf.y[buf.n] = label;
                float[] x = buf.x;
                int out = buf.n * PIXELS;
                for (int j = 1; j <= PIXELS; j++) {
                    x[out + j - 1] = chunk[base + j] & 0xFF;
                }
                buf.n++;
            }
            recordIndex += records;
            if (got < chunk.length) {
                return;
            }
        }
    }
}
