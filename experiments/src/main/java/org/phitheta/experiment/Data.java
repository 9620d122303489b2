package org.phitheta.experiment;

import org.phitheta.datasets.DatasetNotFoundException;
import org.phitheta.datasets.FashionMnist;
import org.phitheta.datasets.ImageDataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the experiments' Fashion-MNIST comes from: {@code subset} (default: the class-balanced 6,000 + 1,000 images
 * bundled with the datasets module, reproducible everywhere), {@code full} ({@code $PHITHETA_DATA} or the Debian
 * package {@code dataset-fashion-mnist}; an error if neither holds the full set) or a directory.
 */
public final class Data {

    private Data() {
    }

    /**
     * Resolves the source without reading it.
     *
     * @param spec "subset", "full" or a directory
     * @return the source
     * @throws IllegalArgumentException with a clear message if it cannot be found
     */
    public static FashionMnist resolve(String spec) {
        String s = spec == null ? "subset" : spec.trim();
        try {
            if (s.isEmpty() || s.equalsIgnoreCase("subset")) {
                return FashionMnist.bundledSubset();
            }
            if (s.equalsIgnoreCase("full")) {
                FashionMnist fm = FashionMnist.resolve();
                if (!fm.isFull()) {
                    throw new IllegalArgumentException("--data full: the full Fashion-MNIST is not installed (apt-get "
                            + "install " + FashionMnist.DEBIAN_PACKAGE + ", or set $" + FashionMnist.ENVIRONMENT_VARIABLE
                            + ", or give --data DIR)");
                }
                return fm;
            }
            Path dir = Path.of(s);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--data must be subset, full or a directory (no directory " + s + ")");
            }
            return FashionMnist.fromDirectory(dir);
        } catch (DatasetNotFoundException e) {
            throw new IllegalArgumentException("--data " + s + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param fm a source
     * @return its test split
     */
    public static ImageDataset test(FashionMnist fm) {
        try {
            return fm.test();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fm.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param fm a source
     * @return its training split
     */
    public static ImageDataset train(FashionMnist fm) {
        try {
            return fm.train();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fm.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The fixed image input of the depth study: test image {@code index}, scaled so that ||x||^2 / 784 = 1.
     *
     * @param fm    source
     * @param index test image index
     * @return the input
     */
    public static DepthStudy.Input image(FashionMnist fm, int index) {
        ImageDataset test = test(fm);
        float[] x = new float[test.inputSize()];
        test.copyFeatures(index, x, 0);
        return DepthStudy.Input.image("image", x);
    }
}
