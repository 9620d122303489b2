package org.phitheta.datasets;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small synthetic IDX and CIFAR-10 files for tests, independently of the code under test. */
final class TestFiles {

    private TestFiles() {
    }

    /** Pixel value of image i at position j in the synthetic sets: distinct per (i, j) modulo 256. */
    static int pixel(int i, int j) {
        return (i * 31 + j * 7 + 3) & 0xFF;
    }

    static byte[] idxImages(int magic, int n, int rows, int cols) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(n);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rows * cols; j++) {
                out.writeByte(pixel(i, j));
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] idxImages(int n, int rows, int cols) throws IOException {
        return idxImages(0x00000803, n, rows, cols);
    }

    static byte[] idxLabels(int magic, int[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(labels.length);
        for (int l : labels) {
            out.writeByte(l);
        }
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] idxLabels(int[] labels) throws IOException {
        return idxLabels(0x00000801, labels);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, data);
        return file;
    }

    /** Labels 0, 1, ..., numClasses-1, 0, 1, ... */
    static int[] cyclicLabels(int n, int numClasses) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = i % numClasses;
        }
        return l;
    }

    /** Writes a complete synthetic Fashion-MNIST-like directory (gzip'd, 4 x 4 images). */
    static void writeIdxDirectory(Path dir, int nTrain, int nTest) throws IOException {
        write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(nTrain, 4, 4)));
        write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idxLabels(cyclicLabels(nTrain, 10))));
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idxImages(nTest, 4, 4)));
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idxLabels(cyclicLabels(nTest, 10))));
    }

    /** CIFAR-10 records: label = labels[i], red plane 10 + i, green plane = position mod 256, blue = 255 - i. */
    static byte[] cifar(int[] labels) {
        byte[] b = new byte[labels.length * 3073];
        for (int i = 0; i < labels.length; i++) {
            int base = i * 3073;
            b[base] = (byte) labels[i];
            for (int p = 0; p < 1024; p++) {
                b[base + 1 + p] = (byte) (10 + i);
                b[base + 1 + 1024 + p] = (byte) p;
                b[base + 1 + 2048 + p] = (byte) (255 - i);
            }
        }
        return b;
    }
}
