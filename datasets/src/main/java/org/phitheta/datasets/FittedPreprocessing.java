package org.phitheta.datasets;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Preprocessing} with its training-split statistics: immutable, serialisable, and usable as a DL4J
 * {@link DataSetPreProcessor} on an iterator (it transforms each batch's features in place) or on a whole
 * {@link ImageDataset} with {@link #apply(ImageDataset)}. See {@link Preprocessing} for the steps and their order.
 */
public final class FittedPreprocessing implements DataSetPreProcessor {

    private static final long serialVersionUID = 1L;

    private final Preprocessing config;
    private final int inputSize;
    private final float[] mean;
    private final float[] std;

    FittedPreprocessing(Preprocessing config, int inputSize, float[] mean, float[] std) {
        this.config = Objects.requireNonNull(config, "config");
        if (inputSize < 1) {
            throw new IllegalArgumentException("inputSize must be >= 1 (got " + inputSize + ")");
        }
        if (config.standardize() && (mean == null || std == null || mean.length != inputSize
                || std.length != inputSize)) {
            throw new IllegalArgumentException("standardisation needs mean and std of length " + inputSize);
        }
        this.inputSize = inputSize;
        this.mean = mean;
        this.std = std;
    }

    /** @return the configuration this was fitted from */
    public Preprocessing config() {
        return config;
    }

    /** @return the input dimension this was fitted for */
    public int inputSize() {
        return inputSize;
    }

    /** @return a copy of the per-feature training means (after [0, 1] scaling if enabled), if standardising */
    public Optional<float[]> mean() {
        return Optional.ofNullable(mean).map(float[]::clone);
    }

    /** @return a copy of the per-feature training standard deviations, 1 for constant features, if standardising */
    public Optional<float[]> std() {
        return Optional.ofNullable(std).map(float[]::clone);
    }

    /**
     * The standardisation step as a DL4J normalizer (e.g. to save it with {@code NormalizerSerializer}), built from
     * the same statistics. Note that DL4J's own {@code NormalizerStandardize.fit} would clamp the std of a constant
     * feature to 1e-5 rather than set it to 1; this one has std = 1 there.
     *
     * @return a new, fitted normalizer, if standardising
     */
    public Optional<NormalizerStandardize> toNormalizerStandardize() {
        if (mean == null) {
            return Optional.empty();
        }
        return Optional.of(new NormalizerStandardize(Nd4j.createFromArray(mean.clone()).reshape(1, inputSize),
                Nd4j.createFromArray(std.clone()).reshape(1, inputSize)));
    }

    /**
     * Transforms a feature matrix in place.
     *
     * @param features [batch, inputSize()], float or double
     * @return the same array
     * @throws IllegalArgumentException if the shape is wrong, or (with unit mean square) a row is all zeros or not
     *                                  finite
     */
    public INDArray transform(INDArray features) {
        Objects.requireNonNull(features, "features");
        if (features.rank() != 2 || features.size(1) != inputSize) {
            throw new IllegalArgumentException("features must have shape [batch, " + inputSize + "], got "
                    + java.util.Arrays.toString(features.shape()));
        }
        if (config.scaleToUnitInterval()) {
            features.divi(config.pixelMax());
        }
        if (mean != null) {
            features.subiRowVector(Nd4j.createFromArray(mean).castTo(features.dataType()));
            features.diviRowVector(Nd4j.createFromArray(std).castTo(features.dataType()));
        }
        if (config.unitMeanSquare()) {
            scaleRowsToUnitMeanSquare(features);
        }
        return features;
    }

    private void scaleRowsToUnitMeanSquare(INDArray features) {
        long rows = features.size(0);
        if (rows == 0) {
            return;
        }
        // norms in double: a float reduction over 784..3072 terms would cost ~1e-6 relative error
        double[] norms = features.castTo(DataType.DOUBLE).norm2(1).toDoubleVector();
        double sqrtN = Math.sqrt(inputSize);
        for (int i = 0; i < norms.length; i++) {
            if (!(norms[i] > 0) || Double.isInfinite(norms[i])) {
                throw new IllegalArgumentException("row " + i + " has ||x||_2 = " + norms[i]
                        + (norms[i] == 0 ? " (all zeros)" : "") + ": cannot scale it to ||x||^2/n = 1");
            }
            norms[i] = sqrtN / norms[i];
        }
        features.muliColumnVector(Nd4j.createFromArray(norms).castTo(features.dataType()).reshape(rows, 1));
    }

    /** Transforms the features of a DL4J batch in place (labels untouched). */
    @Override
    public void preProcess(DataSet dataSet) {
        transform(dataSet.getFeatures());
    }

    /**
     * @param data a split with inputSize() features (any split: statistics stay those of the training split)
     * @return a new data set with transformed features, same labels
     * @throws IllegalArgumentException as {@link #transform(INDArray)}, naming the data set
     */
    public ImageDataset apply(ImageDataset data) {
        Objects.requireNonNull(data, "data");
        if (data.inputSize() != inputSize) {
            throw new IllegalArgumentException(data.name() + ": input size " + data.inputSize()
                    + " differs from the " + inputSize + " this pre-processing was fitted on");
        }
        if (data.size() == 0) {
            return data;
        }
        INDArray f = data.features();
        try {
            transform(f);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(data.name() + ": " + e.getMessage(), e);
        }
        return data.withFeaturesOwning(f.reshape(f.length()).toFloatVector());
    }

    @Override
    public String toString() {
        return "Fitted" + config + "(inputSize=" + inputSize + ")";
    }
}
