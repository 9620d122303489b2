package org.phitheta.datasets;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, labelled set of images held as a flat {@code float} matrix of shape [n, rows * cols * channels]
 * (row-major, one image per row) and an {@code int} label per image.
 *
 * <p>Pixel layout within a row is the one of the source file: for MNIST and Fashion-MNIST (1 channel) the 28 x 28
 * pixels row by row; for CIFAR-10 channel-major, the 1024 red pixels, then 1024 green, then 1024 blue, each plane row
 * by row, so that {@code features().reshape(n, channels, rows, cols)} is in DL4J's NCHW layout. Values are whatever
 * the reader or a {@link FittedPreprocessing} put there: the readers give raw pixel intensities 0..255 as floats.
 *
 * <p>Immutability: the arrays are private; the {@link Builder} copies what it is given and every accessor that
 * returns an array or an {@link INDArray} returns a fresh copy that the caller owns. Readers in this package hand over
 * freshly read arrays without a second copy.
 *
 * <p>Checks (in the constructor): rows, cols, channels &ge; 1; the features length is n * rows * cols * channels with
 * n the number of labels; at least one class name, none null; every label in [0, number of classes).
 */
public final class ImageDataset {

    private final String name;
    private final float[] features;
    private final int[] labels;
    private final int rows;
    private final int cols;
    private final int channels;
    private final List<String> classNames;

    private ImageDataset(String name, float[] features, int[] labels, int rows, int cols, int channels,
                         List<String> classNames) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(classNames, "classNames");
        if (rows < 1 || cols < 1 || channels < 1) {
            throw new IllegalArgumentException(name + ": rows, cols and channels must be >= 1 (got rows=" + rows
                    + ", cols=" + cols + ", channels=" + channels + ")");
        }
        long dim = (long) rows * cols * channels;
        if (dim * labels.length != features.length) {
            throw new IllegalArgumentException(name + ": features has " + features.length + " values, expected "
                    + labels.length + " images x " + dim + " = " + dim * labels.length);
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException(name + ": at least one class name is required");
        }
        List<String> names = List.copyOf(classNames); // rejects null entries
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= names.size()) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " at index " + i
                        + " is out of range [0, " + names.size() + ")");
            }
        }
        this.name = name;
        this.features = features;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
        this.channels = channels;
        this.classNames = names;
    }

    /** Takes ownership of the arrays (no copy): for readers in this package only. */
    static ImageDataset owning(String name, float[] features, int[] labels, int rows, int cols, int channels,
                               List<String> classNames) {
        return new ImageDataset(name, features, labels, rows, cols, channels, classNames);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a short name saying what this is, e.g. {@code "fashion-mnist/train"} */
    public String name() {
        return name;
    }

    /** @return the number of images n */
    public int size() {
        return labels.length;
    }

    /** @return image height in pixels */
    public int rows() {
        return rows;
    }

    /** @return image width in pixels */
    public int cols() {
        return cols;
    }

    /** @return number of channels (1 for MNIST-like, 3 for CIFAR-10) */
    public int channels() {
        return channels;
    }

    /** @return the input dimension rows * cols * channels (784 for Fashion-MNIST, 3072 for CIFAR-10) */
    public int inputSize() {
        return rows * cols * channels;
    }

    /** @return the number of classes, i.e. the number of class names */
    public int numClasses() {
        return classNames.size();
    }

    /** @return the class names, indexed by label (unmodifiable) */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * @param i image index in [0, n)
     * @return the label of image i
     */
    public int label(int i) {
        Objects.checkIndex(i, labels.length);
        return labels[i];
    }

    /** @return a copy of the labels */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * @param i image index in [0, n)
     * @param j feature index in [0, inputSize())
     * @return feature j of image i
     */
    public float feature(int i, int j) {
        Objects.checkIndex(i, labels.length);
        Objects.checkIndex(j, inputSize());
        return features[i * inputSize() + j];
    }

    /** @return a copy of the features, row-major [n, inputSize()] */
    public float[] featuresArray() {
        return features.clone();
    }

    /**
     * Copies the features of one image into {@code dst}, without allocating.
     *
     * @param i      image index in [0, n)
     * @param dst    destination
     * @param offset where in {@code dst} the inputSize() values go
     */
    public void copyFeatures(int i, float[] dst, int offset) {
        Objects.checkIndex(i, labels.length);
        int d = inputSize();
        System.arraycopy(features, i * d, dst, offset, d);
    }

    /** @return a new float INDArray of shape [n, inputSize()], 'c' order, owned by the caller */
    public INDArray features() {
        return Nd4j.create(features, new long[]{labels.length, inputSize()}, 'c');
    }

    /** @return a new float INDArray of shape [n, numClasses()], one-hot encoded labels */
    public INDArray oneHotLabels() {
        return oneHot(labels, 0, labels.length, numClasses());
    }

    /** @return the whole set as one DL4J DataSet (features and one-hot labels, both new arrays) */
    public DataSet toDataSet() {
        return new DataSet(features(), oneHotLabels());
    }

    /** @return how many images each class has, indexed by label */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * @param indices image indices, each in [0, n); repetitions allowed
     * @return a new data set with those images, in that order
     */
    public ImageDataset select(int[] indices) {
        Objects.requireNonNull(indices, "indices");
        int d = inputSize();
        float[] f = new float[indices.length * d];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = Objects.checkIndex(indices[k], labels.length);
            System.arraycopy(features, i * d, f, k * d, d);
            l[k] = labels[i];
        }
        return new ImageDataset(name, f, l, rows, cols, channels, classNames);
    }

    /** @return the features array itself, not a copy: for this package only, never to be modified */
    float[] featuresShared() {
        return features;
    }

    /**
     * @param newFeatures features of the same shape, ownership passes to the new data set
     * @return a data set with the same labels and geometry and these features
     */
    ImageDataset withFeaturesOwning(float[] newFeatures) {
        return new ImageDataset(name, newFeatures, labels, rows, cols, channels, classNames);
    }

    /**
     * @param batchSize images per batch, &ge; 1
     * @return an iterator over this set in file order, one-hot labels, no pre-processor
     */
    public ImageDataSetIterator iterator(int batchSize) {
        return new ImageDataSetIterator(this, batchSize, false, 0L);
    }

    /**
     * @param batchSize images per batch, &ge; 1
     * @param seed      the shuffling seed
     * @return an iterator that visits the set in a new seeded random order each epoch (see {@link ImageDataSetIterator})
     */
    public ImageDataSetIterator shuffledIterator(int batchSize, long seed) {
        return new ImageDataSetIterator(this, batchSize, true, seed);
    }

    static INDArray oneHot(int[] labels, int from, int count, int numClasses) {
        float[] oh = new float[count * numClasses];
        for (int k = 0; k < count; k++) {
            oh[k * numClasses + labels[from + k]] = 1f;
        }
        return Nd4j.create(oh, new long[]{count, numClasses}, 'c');
    }

    @Override
    public String toString() {
        return name + " [" + size() + " images, " + rows + "x" + cols + "x" + channels + ", " + numClasses()
                + " classes]";
    }

    /** Builder for {@link ImageDataset}; the arrays given to it are copied when {@link #build()} runs. */
    public static final class Builder {
        private String name = "images";
        private float[] features;
        private int[] labels;
        private int rows;
        private int cols;
        private int channels = 1;
        private List<String> classNames;

        private Builder() {
        }

        /** @param name a short descriptive name (default {@code "images"}) */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** @param features row-major [n, rows * cols * channels] */
        public Builder features(float[] features) {
            this.features = features;
            return this;
        }

        /** @param labels one label per image, each in [0, number of class names) */
        public Builder labels(int[] labels) {
            this.labels = labels;
            return this;
        }

        /**
         * @param rows     image height in pixels
         * @param cols     image width in pixels
         * @param channels number of channels (default 1)
         */
        public Builder geometry(int rows, int cols, int channels) {
            this.rows = rows;
            this.cols = cols;
            this.channels = channels;
            return this;
        }

        /** @param classNames class names indexed by label */
        public Builder classNames(List<String> classNames) {
            this.classNames = classNames;
            return this;
        }

        /** @return the data set, after the checks described on {@link ImageDataset} */
        public ImageDataset build() {
            Objects.requireNonNull(features, "features");
            Objects.requireNonNull(labels, "labels");
            return new ImageDataset(name, features.clone(), labels.clone(), rows, cols, channels, classNames);
        }
    }
}
