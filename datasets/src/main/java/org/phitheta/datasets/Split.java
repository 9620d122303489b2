package org.phitheta.datasets;

/** The two standard splits of an image classification data set. */
public enum Split {
    /** The training split (Fashion-MNIST / MNIST file prefix {@code train}, CIFAR-10 {@code data_batch_1..5.bin}). */
    TRAIN("train"),
    /** The test split (Fashion-MNIST / MNIST file prefix {@code t10k}, CIFAR-10 {@code test_batch.bin}). */
    TEST("t10k");

    private final String idxPrefix;

    Split(String idxPrefix) {
        this.idxPrefix = idxPrefix;
    }

    /** @return the IDX file prefix used by MNIST and Fashion-MNIST ({@code train} or {@code t10k}) */
    public String idxPrefix() {
        return idxPrefix;
    }

    /** @return the IDX images file name, {@code <prefix>-images-idx3-ubyte} (without {@code .gz}) */
    public String idxImagesName() {
        return idxPrefix + "-images-idx3-ubyte";
    }

    /** @return the IDX labels file name, {@code <prefix>-labels-idx1-ubyte} (without {@code .gz}) */
    public String idxLabelsName() {
        return idxPrefix + "-labels-idx1-ubyte";
    }
}
