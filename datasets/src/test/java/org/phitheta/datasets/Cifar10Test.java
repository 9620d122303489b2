package org.phitheta.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Cifar10Test {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsChannelMajorLayout() throws IOException {
        int[] labels = {6, 9, 0};
        Path f = TestFiles.write(dir.resolve("test_batch.bin"), TestFiles.cifar(labels));
        ImageDataset ds = Cifar10.read(List.of(f), "c");
        assertEquals(3, ds.size());
        assertEquals(32, ds.rows());
        assertEquals(32, ds.cols());
        assertEquals(3, ds.channels());
        assertEquals(3072, ds.inputSize());
        assertArrayEquals(labels, ds.labels());
        assertEquals(Cifar10.CLASS_NAMES, ds.classNames());
        assertEquals("truck", ds.classNames().get(9));
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 1024; p++) {
                assertEquals(10 + i, ds.feature(i, p), 0f);             // red plane
                assertEquals(p & 0xFF, ds.feature(i, 1024 + p), 0f);    // green plane
                assertEquals(255 - i, ds.feature(i, 2048 + p), 0f);     // blue plane
            }
        }
        // NCHW reshape: channel 1 (green), row 2, col 5 is position 2 * 32 + 5 of the green plane
        INDArray nchw = ds.features().reshape(3, 3, 32, 32);
        assertEquals((2 * 32 + 5) & 0xFF, nchw.getFloat(1, 1, 2, 5), 0f);
    }

    @Test
    void trainSplitConcatenatesFiveBatchesInOrderFromArchiveSubdirectory() throws IOException {
        Path batches = dir.resolve(Cifar10.ARCHIVE_DIRECTORY);
        for (int b = 1; b <= 5; b++) {
            TestFiles.write(batches.resolve("data_batch_" + b + ".bin"), TestFiles.cifar(new int[]{b, b - 1}));
        }
        TestFiles.write(batches.resolve("test_batch.bin"), TestFiles.cifar(new int[]{7}));
        ImageDataset train = Cifar10.load(dir, Split.TRAIN);
        assertArrayEquals(new int[]{1, 0, 2, 1, 3, 2, 4, 3, 5, 4}, train.labels());
        assertEquals("cifar-10/train", train.name());
        ImageDataset test = Cifar10.load(batches, Split.TEST);
        assertArrayEquals(new int[]{7}, test.labels());
        assertEquals(batches, Cifar10.locate(null, Map.of("PHITHETA_DATA", dir.toString())::get));
    }

    @Test
    void gzipBatchIsRead() throws IOException {
        int[] labels = TestFiles.cyclicLabels(40, 10); // 40 records: more than one 32-record read chunk
        Path f = TestFiles.write(dir.resolve("data_batch_1.bin"), TestFiles.gzip(TestFiles.cifar(labels)));
        ImageDataset ds = Cifar10.read(List.of(f), "gz");
        assertArrayEquals(labels, ds.labels());
        assertEquals(255 - 39, ds.feature(39, 3000), 0f);
    }

    @Test
    void lengthNotAMultipleOfRecordIsNamed() throws IOException {
        byte[] data = TestFiles.cifar(new int[]{1, 2});
        Path f = TestFiles.write(dir.resolve("data_batch_3.bin"), Arrays.copyOf(data, data.length - 10));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Cifar10.read(List.of(f), "x"));
        assertEquals("data_batch_3.bin: length 6136 bytes is not a multiple of the 3073-byte record "
                + "(1 label byte + 3072 pixel bytes): 1 whole records and 3063 bytes left over", e.getMessage());
        Path g = TestFiles.write(dir.resolve("b.bin.gz"), TestFiles.gzip(Arrays.copyOf(data, data.length + 1)));
        DatasetFormatException e2 = assertThrows(DatasetFormatException.class, () -> Cifar10.read(List.of(g), "x"));
        assertEquals("b.bin.gz: length 6147 bytes is not a multiple of the 3073-byte record "
                + "(1 label byte + 3072 pixel bytes): 2 whole records and 1 bytes left over", e2.getMessage());
    }

    @Test
    void labelOutOfRangeIsNamedWithRecord() throws IOException {
        Path f = TestFiles.write(dir.resolve("test_batch.bin"), TestFiles.cifar(new int[]{0, 1, 10}));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Cifar10.read(List.of(f), "x"));
        assertEquals("test_batch.bin: label 10 in record 2 is out of range [0, 10)", e.getMessage());
    }

    @Test
    void missingBatchFileIsNamed() throws IOException {
        TestFiles.write(dir.resolve("data_batch_1.bin"), TestFiles.cifar(new int[]{1}));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> Cifar10.load(dir, Split.TRAIN));
        assertEquals("CIFAR-10 batch file data_batch_2.bin not found; looked for: " + dir.resolve("data_batch_2.bin"),
                e.getMessage());
        DatasetNotFoundException e2 = assertThrows(DatasetNotFoundException.class,
                () -> Cifar10.locate(null, name -> null));
        assertEquals(List.of("no directory given and $PHITHETA_DATA not set"), e2.lookedFor());
    }
}
