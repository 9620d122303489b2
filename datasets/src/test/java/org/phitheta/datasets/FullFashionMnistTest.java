package org.phitheta.datasets;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads the full Fashion-MNIST from the Debian package; skipped where {@code dataset-fashion-mnist} is absent. */
class FullFashionMnistTest {

    @Test
    void debianPackageHolds60000And10000ImagesBalancedAndContainsTheSubset() throws IOException {
        assumeTrue(IdxReader.hasAllFiles(Path.of(FashionMnist.DEBIAN_DIRECTORY_NAME)),
                "Debian package dataset-fashion-mnist is not installed (no IDX files in "
                        + FashionMnist.DEBIAN_DIRECTORY_NAME + "); install it with apt-get install dataset-fashion-mnist");
        FashionMnist fm = FashionMnist.debianPackage();
        assertEquals(FashionMnist.Source.DEBIAN_PACKAGE, fm.source());
        ImageDataset train = fm.train();
        ImageDataset test = fm.test();
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertEquals(784, train.inputSize());
        int[] six = new int[10];
        int[] one = new int[10];
        Arrays.fill(six, 6000);
        Arrays.fill(one, 1000);
        assertArrayEquals(six, train.classCounts());
        assertArrayEquals(one, test.classCounts());

        // the bundled subset is the first 600 / 100 of each class in file order, unchanged
        for (Split split : Split.values()) {
            ImageDataset full = split == Split.TRAIN ? train : test;
            ImageDataset sub = FashionMnist.bundledSubset().load(split);
            int perClass = split == Split.TRAIN ? 600 : 100;
            int[] taken = new int[10];
            int k = 0;
            for (int i = 0; i < full.size(); i++) {
                int c = full.label(i);
                if (taken[c]++ < perClass) {
                    assertEquals(c, sub.label(k), split + " subset label " + k);
                    for (int j = 0; j < 784; j += 13) {
                        assertEquals(full.feature(i, j), sub.feature(k, j), 0f, split + " subset image " + k);
                    }
                    k++;
                }
            }
            assertEquals(sub.size(), k);
        }
    }
}
