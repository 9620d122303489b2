package org.phitheta.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FashionMnistTest {

    @TempDir
    Path tmp;

    @Test
    void bundledSubsetHas600And100ImagesPerClass() throws IOException {
        FashionMnist fm = FashionMnist.bundledSubset();
        assertEquals(FashionMnist.Source.BUNDLED_SUBSET, fm.source());
        assertFalse(fm.isFull());
        assertTrue(fm.directory().isEmpty());
        ImageDataset train = fm.train();
        ImageDataset test = fm.test();
        assertEquals(6000, train.size());
        assertEquals(1000, test.size());
        int[] six = new int[10];
        int[] one = new int[10];
        java.util.Arrays.fill(six, 600);
        java.util.Arrays.fill(one, 100);
        assertArrayEquals(six, train.classCounts());
        assertArrayEquals(one, test.classCounts());
        assertEquals(784, train.inputSize());
        assertEquals(28, train.rows());
        assertEquals("Ankle boot", train.classNames().get(9));
        assertEquals("fashion-mnist-subset/train", train.name());
        // the first image of the Fashion-MNIST training set is an ankle boot (label 9), of the test set too
        assertEquals(9, train.label(0));
        assertEquals(9, test.label(0));
        float max = 0;
        for (int j = 0; j < 784; j++) {
            max = Math.max(max, train.feature(0, j));
        }
        assertTrue(max > 200f && max <= 255f, "raw pixel scale, got max " + max);
    }

    @Test
    void licenseIsBundledNextToTheSubset() throws IOException {
        try (InputStream in = FashionMnist.class.getResourceAsStream(FashionMnist.SUBSET_RESOURCE_DIRECTORY + "LICENSE")) {
            assertNotNull(in);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("Zalando SE") && text.contains("MIT License"));
        }
    }

    private FashionMnist.Resolver isolated() {
        return FashionMnist.resolver().environment(name -> null).debianDirectory(tmp.resolve("no-debian"));
    }

    @Test
    void resolutionOrderExplicitThenEnvironmentThenDebianThenBundled() throws IOException {
        Path explicit = tmp.resolve("explicit");
        Path envRoot = tmp.resolve("env");
        Path debian = tmp.resolve("debian");
        TestFiles.writeIdxDirectory(explicit, 20, 10);
        TestFiles.writeIdxDirectory(envRoot.resolve("fashion-mnist"), 30, 10);
        TestFiles.writeIdxDirectory(debian, 40, 10);
        Map<String, String> env = Map.of("PHITHETA_DATA", envRoot.toString());

        FashionMnist a = FashionMnist.resolver().directory(explicit).environment(env::get).debianDirectory(debian)
                .resolve();
        assertEquals(FashionMnist.Source.EXPLICIT_DIRECTORY, a.source());
        assertEquals(explicit, a.directory().orElseThrow());
        assertEquals(20, a.train().size());

        FashionMnist b = FashionMnist.resolver().environment(env::get).debianDirectory(debian).resolve();
        assertEquals(FashionMnist.Source.ENVIRONMENT_VARIABLE, b.source());
        assertEquals(envRoot.resolve("fashion-mnist"), b.directory().orElseThrow());
        assertEquals(30, b.train().size());
        assertTrue(b.describe().startsWith("Fashion-MNIST from $PHITHETA_DATA: "), b.describe());

        FashionMnist c = FashionMnist.resolver().environment(name -> "  ").debianDirectory(debian).resolve();
        assertEquals(FashionMnist.Source.DEBIAN_PACKAGE, c.source(), "a blank variable counts as unset");
        assertEquals(40, c.train().size());
        assertEquals("fashion-mnist/train", c.train().name());

        FashionMnist d = isolated().resolve();
        assertEquals(FashionMnist.Source.BUNDLED_SUBSET, d.source());
        assertTrue(d.describe().contains("bundled subset"), d.describe());
    }

    @Test
    void explicitDirectoryWithoutDataIsAnErrorNotAFallThrough() throws IOException {
        Path empty = tmp.resolve("empty");
        java.nio.file.Files.createDirectories(empty);
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> isolated().directory(empty).resolve());
        assertTrue(e.getMessage().startsWith("Fashion-MNIST in explicit directory " + empty + " not found; looked for: "),
                e.getMessage());
        assertEquals(2, e.lookedFor().size());
        assertTrue(e.lookedFor().get(0).contains("fashion-mnist"));
    }

    @Test
    void environmentVariablePointingNowhereIsAnError() {
        Path wrong = tmp.resolve("wrong");
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> isolated().environment(Map.of("PHITHETA_DATA", wrong.toString())::get).resolve());
        assertTrue(e.getMessage().startsWith("Fashion-MNIST in $PHITHETA_DATA=" + wrong + " not found"), e.getMessage());
    }

    @Test
    void nothingFoundWithoutBundledFallbackIsAnError() {
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> isolated().allowBundled(false).resolve());
        assertTrue(e.getMessage().contains("bundled subset not allowed"), e.getMessage());
    }

    @Test
    void incompleteDirectoryIsNotPicked() throws IOException {
        Path debian = tmp.resolve("partial");
        TestFiles.writeIdxDirectory(debian, 5, 5);
        java.nio.file.Files.delete(debian.resolve("t10k-labels-idx1-ubyte.gz"));
        assertEquals(FashionMnist.Source.BUNDLED_SUBSET,
                FashionMnist.resolver().environment(name -> null).debianDirectory(debian).resolve().source());
    }
}
