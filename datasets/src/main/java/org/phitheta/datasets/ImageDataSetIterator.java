package org.phitheta.datasets;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;

/**
 * A DL4J {@link DataSetIterator} over an {@link ImageDataset}: features [batch, inputSize] float, labels one-hot
 * [batch, numClasses] float. The last batch of an epoch holds the remaining images (it may be smaller).
 *
 * <p>Order: file order without shuffling. With shuffling, epoch e (counting from 0) visits the images in a permutation
 * that depends only on (seed, e): a Fisher-Yates shuffle of 0..n-1 driven by {@code new Random(seed + e * K)} with a
 * fixed odd constant K; {@code java.util.Random} is specified bit-for-bit, so the order is the same on every JVM.
 * {@link #reset()} starts the next epoch, except on an iterator that has not yet returned a batch of the current
 * epoch, where it changes nothing (DL4J calls reset() before fitting and evaluating; this keeps epoch 0 from being
 * skipped).
 *
 * <p>A {@link DataSetPreProcessor} (e.g. a {@link FittedPreprocessing}) set with {@link #setPreProcessor} is applied to
 * each batch. Not thread-safe.
 */
public class ImageDataSetIterator implements DataSetIterator {

    private static final long serialVersionUID = 1L;
    private static final long EPOCH_STRIDE = 0x9E3779B97F4A7C15L;

    private final ImageDataset data;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private int[] order;
    private int epoch;
    private int cursor;
    private DataSetPreProcessor preProcessor;

    /**
     * @param data      the images; not null, not empty
     * @param batchSize images per batch, &ge; 1
     * @param shuffle   whether to visit the images in a seeded random order, new each epoch
     * @param seed      the seed (ignored without shuffling)
     */
    public ImageDataSetIterator(ImageDataset data, int batchSize, boolean shuffle, long seed) {
        Objects.requireNonNull(data, "data");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1 (got " + batchSize + ")");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException(data.name() + ": cannot iterate over an empty data set");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.order = permutation(0);
    }

    private int[] permutation(int e) {
        int n = data.size();
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        if (shuffle) {
            Random rng = new Random(seed + e * EPOCH_STRIDE);
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
        }
        return p;
    }

    /** @return the data set this iterates over */
    public ImageDataset dataset() {
        return data;
    }

    /** @return the number of images per epoch */
    public int totalExamples() {
        return data.size();
    }

    /** @return the current epoch, counting from 0 */
    public int epoch() {
        return epoch;
    }

    /** @return a copy of the order in which the current epoch visits the images */
    public int[] currentOrder() {
        return order.clone();
    }

    /** @return the number of batches per epoch, ceil(n / batchSize) */
    public int batchesPerEpoch() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    @Override
    public boolean hasNext() {
        return cursor < data.size();
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (num < 1) {
            throw new IllegalArgumentException("num must be >= 1 (got " + num + ")");
        }
        if (!hasNext()) {
            throw new NoSuchElementException(data.name() + ": epoch " + epoch + " is over; call reset()");
        }
        int k = Math.min(num, data.size() - cursor);
        int d = data.inputSize();
        int c = data.numClasses();
        float[] x = new float[k * d];
        float[] y = new float[k * c];
        for (int i = 0; i < k; i++) {
            int idx = order[cursor + i];
            data.copyFeatures(idx, x, i * d);
            y[i * c + data.label(idx)] = 1f;
        }
        cursor += k;
        INDArray features = Nd4j.create(x, new long[]{k, d}, 'c');
        INDArray labels = Nd4j.create(y, new long[]{k, c}, 'c');
        DataSet ds = new DataSet(features, labels);
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public int inputColumns() {
        return data.inputSize();
    }

    @Override
    public int totalOutcomes() {
        return data.numClasses();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public void reset() {
        if (cursor > 0) {
            epoch++;
            order = permutation(epoch);
            cursor = 0;
        }
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return data.classNames();
    }
}
