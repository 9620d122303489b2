package org.phitheta.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {

    private static final List<String> TEN = IdxReader.DIGIT_CLASS_NAMES;

    @TempDir
    Path dir;

    private void assertSynthetic(ImageDataset ds, int n, int rows, int cols, int[] labels) {
        assertEquals(n, ds.size());
        assertEquals(rows, ds.rows());
        assertEquals(cols, ds.cols());
        assertEquals(1, ds.channels());
        assertEquals(rows * cols, ds.inputSize());
        assertArrayEquals(labels, ds.labels());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rows * cols; j++) {
                // raw pixel bytes become exact floats 0..255
                assertEquals(TestFiles.pixel(i, j), ds.feature(i, j), 0f, "pixel (" + i + "," + j + ")");
            }
        }
    }

    @Test
    void roundTripPlainFiles() throws IOException {
        int[] labels = {3, 1, 4, 1, 5, 9, 2};
        Path img = TestFiles.write(dir.resolve("x-images-idx3-ubyte"), TestFiles.idxImages(7, 5, 3));
        Path lab = TestFiles.write(dir.resolve("x-labels-idx1-ubyte"), TestFiles.idxLabels(labels));
        ImageDataset ds = IdxReader.read(img, lab, TEN, "synthetic");
        assertSynthetic(ds, 7, 5, 3, labels);
        assertEquals("synthetic", ds.name());
    }

    @Test
    void roundTripGzipFilesLargerThanOneChunk() throws IOException {
        // 200 images of 28 x 28 = 156,800 pixel bytes: more than the 64 KiB read chunk, so chunk borders are crossed
        int[] labels = TestFiles.cyclicLabels(200, 10);
        Path img = TestFiles.write(dir.resolve("a-images-idx3-ubyte.gz"), TestFiles.gzip(TestFiles.idxImages(200, 28, 28)));
        Path lab = TestFiles.write(dir.resolve("a-labels-idx1-ubyte.gz"), TestFiles.gzip(TestFiles.idxLabels(labels)));
        assertSynthetic(IdxReader.read(img, lab, TEN, "a"), 200, 28, 28, labels);
    }

    @Test
    void gzipIsDetectedByMagicBytesNotByName() throws IOException {
        int[] labels = {0, 1, 2};
        // gzip content under a plain name, plain content under a .gz name
        Path img = TestFiles.write(dir.resolve("images.raw"), TestFiles.gzip(TestFiles.idxImages(3, 2, 2)));
        Path lab = TestFiles.write(dir.resolve("labels.gz"), TestFiles.idxLabels(labels));
        assertSynthetic(IdxReader.read(img, lab, TEN, "swapped"), 3, 2, 2, labels);
    }

    @Test
    void readsSplitFromDirectoryPreferringGzThenPlain() throws IOException {
        TestFiles.write(dir.resolve("t10k-images-idx3-ubyte"), TestFiles.idxImages(4, 2, 2));
        TestFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), TestFiles.gzip(TestFiles.idxLabels(new int[]{9, 8, 7, 6})));
        ImageDataset ds = IdxReader.read(dir, Split.TEST, TEN, "mnist");
        assertEquals("mnist/test", ds.name());
        assertArrayEquals(new int[]{9, 8, 7, 6}, ds.labels());
        assertEquals(4, ds.size());
    }

    @Test
    void wrongMagicNumberIsNamed() throws IOException {
        // a labels file given as images
        Path img = TestFiles.write(dir.resolve("train-images-idx3-ubyte.gz"),
                TestFiles.gzip(TestFiles.idxLabels(new int[]{1, 2})));
        Path lab = TestFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"),
                TestFiles.gzip(TestFiles.idxLabels(new int[]{1, 2})));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(img, lab, TEN, "x"));
        assertEquals("train-images-idx3-ubyte.gz: wrong magic number 0x00000801, expected 0x00000803 (IDX images)",
                e.getMessage());
        assertEquals("train-images-idx3-ubyte.gz", e.file());
    }

    @Test
    void wrongLabelsMagicIsNamed() throws IOException {
        Path lab = TestFiles.write(dir.resolve("l"), TestFiles.idxLabels(0x00000803, new int[]{1}));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.readLabels(lab));
        assertEquals("l: wrong magic number 0x00000803, expected 0x00000801 (IDX labels)", e.getMessage());
    }

    @Test
    void truncatedPlainImagesFileSaysExpectedAndActualBytes() throws IOException {
        byte[] full = TestFiles.idxImages(3, 4, 4); // 16 + 48 bytes
        Path img = TestFiles.write(dir.resolve("img"), Arrays.copyOf(full, full.length - 5));
        Path lab = TestFiles.write(dir.resolve("lab"), TestFiles.idxLabels(new int[]{0, 1, 2}));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(img, lab, TEN, "x"));
        assertEquals("img: truncated: expected 64 bytes (16-byte header + 3 images x 4 x 4), file has 59", e.getMessage());
    }

    @Test
    void truncatedGzipContentSaysExpectedAndActualBytes() throws IOException {
        byte[] full = TestFiles.idxImages(3, 4, 4);
        Path img = TestFiles.write(dir.resolve("img.gz"), TestFiles.gzip(Arrays.copyOf(full, full.length - 5)));
        Path lab = TestFiles.write(dir.resolve("lab"), TestFiles.idxLabels(new int[]{0, 1, 2}));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(img, lab, TEN, "x"));
        assertEquals("img.gz: truncated: expected 48 bytes of pixel data after the 16-byte header (3 images x 4 x 4), got 43",
                e.getMessage());
    }

    @Test
    void cutGzipStreamIsAFormatError() throws IOException {
        byte[] gz = TestFiles.gzip(TestFiles.idxImages(50, 28, 28));
        Path img = TestFiles.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        Path lab = TestFiles.write(dir.resolve("lab"), TestFiles.idxLabels(TestFiles.cyclicLabels(50, 10)));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(img, lab, TEN, "x"));
        assertTrue(e.getMessage().startsWith("cut.gz: truncated gzip stream"), e.getMessage());
    }

    @Test
    void tooShortForHeader() throws IOException {
        Path lab = TestFiles.write(dir.resolve("tiny"), new byte[]{0, 0, 8, 1, 0});
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.readLabels(lab));
        assertEquals("tiny: truncated: expected a 8-byte IDX labels header, file has 5 bytes", e.getMessage());
    }

    @Test
    void extraBytesAreReported() throws IOException {
        byte[] full = TestFiles.idxLabels(new int[]{1, 2});
        Path lab = TestFiles.write(dir.resolve("long.gz"), TestFiles.gzip(Arrays.copyOf(full, full.length + 1)));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.readLabels(lab));
        assertEquals("long.gz: too long: extra bytes after the 2 labels declared in the header", e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path img = TestFiles.write(dir.resolve("i.gz"), TestFiles.gzip(TestFiles.idxImages(3, 2, 2)));
        Path lab = TestFiles.write(dir.resolve("l.gz"), TestFiles.gzip(TestFiles.idxLabels(new int[]{0, 1})));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(img, lab, TEN, "x"));
        assertEquals("i.gz: has 3 images but l.gz has 2 labels", e.getMessage());
    }

    @Test
    void labelOutOfRangeIsNamedWithIndex() throws IOException {
        Path img = TestFiles.write(dir.resolve("i"), TestFiles.idxImages(3, 2, 2));
        Path lab = TestFiles.write(dir.resolve("l"), TestFiles.idxLabels(new int[]{0, 12, 1}));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(img, lab, TEN, "x"));
        assertEquals("l: label 12 at index 1 is out of range [0, 10)", e.getMessage());
    }

    @Test
    void missingDirectoryAndFileAreNamed() {
        Path nowhere = dir.resolve("nowhere");
        DatasetNotFoundException e1 = assertThrows(DatasetNotFoundException.class,
                () -> IdxReader.read(nowhere, Split.TRAIN, TEN, "x"));
        assertEquals("directory not found; looked for: " + nowhere, e1.getMessage());
        DatasetNotFoundException e2 = assertThrows(DatasetNotFoundException.class,
                () -> IdxReader.read(dir, Split.TRAIN, TEN, "x"));
        assertEquals(List.of(dir.resolve("train-images-idx3-ubyte.gz").toString(),
                dir.resolve("train-images-idx3-ubyte").toString()), e2.lookedFor());
        assertTrue(e2.getMessage().startsWith("train-images-idx3-ubyte not found; looked for: "), e2.getMessage());
        DatasetNotFoundException e3 = assertThrows(DatasetNotFoundException.class,
                () -> IdxReader.readLabels(dir.resolve("absent.gz")));
        assertTrue(e3.getMessage().contains("absent.gz"), e3.getMessage());
    }
}
