package org.phitheta.datasets.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phitheta.datasets.FashionMnist;
import org.phitheta.datasets.ImageDataset;
import org.phitheta.datasets.Split;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MakeFashionMnistSubsetTest {

    @TempDir
    Path tmp;

    private static void writeIdx(Path file, int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        out.flush();
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(b.toByteArray());
        }
    }

    /** n images of 2 x 2 whose every pixel is the image index; labels (i * 3) mod 10 (class c first at i = 7c mod 10). */
    private static void writeFull(Path dir, String prefix, int n) throws IOException {
        byte[] labels = new byte[n];
        byte[] pixels = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) ((i * 3) % 10);
            java.util.Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) i);
        }
        writeIdx(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), 0x801, new int[]{n}, labels);
        writeIdx(dir.resolve(prefix + "-images-idx3-ubyte.gz"), 0x803, new int[]{n, 2, 2}, pixels);
    }

    @Test
    void keepsTheFirstImagesOfEachClassInFileOrderDeterministically() throws Exception {
        Path full = tmp.resolve("full");
        Path out = tmp.resolve("out");
        Files.createDirectories(full);
        writeFull(full, "train", 50);
        writeFull(full, "t10k", 30);
        MakeFashionMnistSubset.main(new String[]{full.toString(), out.toString(), "3", "2"});
        FashionMnist sub = FashionMnist.fromDirectory(out);
        ImageDataset train = sub.load(Split.TRAIN);
        ImageDataset test = sub.load(Split.TEST);
        // classes repeat every 10 images, so the first 3 of each class are images 0..29, the first 2 are 0..19
        assertEquals(30, train.size());
        assertEquals(20, test.size());
        for (int k = 0; k < 30; k++) {
            assertEquals(k, train.feature(k, 3), 0f, "file order kept");
            assertEquals((k * 3) % 10, train.label(k));
        }
        byte[] first = Files.readAllBytes(out.resolve("train-images-idx3-ubyte.gz"));
        MakeFashionMnistSubset.make(full, out, Split.TRAIN, 3);
        assertArrayEquals(first, Files.readAllBytes(out.resolve("train-images-idx3-ubyte.gz")), "byte-identical rerun");
        try (var files = Files.list(out)) {
            assertEquals(4, files.count(), "no temporary files left behind");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MakeFashionMnistSubset.make(full, out, Split.TEST, 4));
        assertEquals(full.resolve("t10k-labels-idx1-ubyte.gz") + ": class 0 has only 3 images, 4 wanted", e.getMessage());
    }
}
