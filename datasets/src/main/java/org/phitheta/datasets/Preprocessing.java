package org.phitheta.datasets;

import java.io.Serializable;
import java.util.Objects;

/**
 * Immutable choice of input pre-processing steps, applied in this order when enabled:
 * <ol>
 * <li><b>scale to [0, 1]</b>: x / pixelMax (pixelMax = 255 for 8-bit images);</li>
 * <li><b>standardise per feature</b>: (x - mean_j) / std_j, with mean_j and the population standard deviation std_j of
 *     feature j computed on the <em>training split only</em> (after step 1) by {@link #fit(ImageDataset)}, then applied
 *     unchanged to any split. A feature that is constant on the training split (std_j = 0, e.g. an always-black
 *     corner pixel) gets std_j = 1, so it maps to exactly 0 on the training split and to x - mean_j elsewhere, never
 *     to NaN or infinity;</li>
 * <li><b>unit mean square</b>: each input vector x (one row, dimension n) is multiplied by sqrt(n) / ||x||_2, so that
 *     ||x||^2 / n = 1. An all-zero row (or a row with a non-finite value) cannot be scaled; it raises an
 *     {@link IllegalArgumentException} naming the row, it never produces NaN.</li>
 * </ol>
 * Statistics are computed in double precision; the transformation itself runs as ND4J ops on the features'
 * data type (float for the readers of this module).
 *
 * <p>Typical use:
 * <pre>{@code
 * FittedPreprocessing pre = Preprocessing.builder().scaleToUnitInterval(true).standardize(true).build().fit(train);
 * ImageDataset trainP = pre.apply(train), testP = pre.apply(test);   // or iterator.setPreProcessor(pre)
 * }</pre>
 */
public final class Preprocessing implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No pre-processing: raw pixel values. */
    public static final Preprocessing NONE = builder().build();
    /** Pixels scaled to [0, 1] only. */
    public static final Preprocessing UNIT_INTERVAL = builder().scaleToUnitInterval(true).build();

    private final boolean scaleToUnitInterval;
    private final double pixelMax;
    private final boolean standardize;
    private final boolean unitMeanSquare;

    private Preprocessing(Builder b) {
        if (!(b.pixelMax > 0) || Double.isInfinite(b.pixelMax)) {
            throw new IllegalArgumentException("pixelMax must be finite and > 0 (got " + b.pixelMax + ")");
        }
        this.scaleToUnitInterval = b.scaleToUnitInterval;
        this.pixelMax = b.pixelMax;
        this.standardize = b.standardize;
        this.unitMeanSquare = b.unitMeanSquare;
    }

    /** @return a new builder with every step disabled and pixelMax = 255 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether pixels are divided by {@link #pixelMax()} */
    public boolean scaleToUnitInterval() {
        return scaleToUnitInterval;
    }

    /** @return the divisor of the [0, 1] scaling (255 by default) */
    public double pixelMax() {
        return pixelMax;
    }

    /** @return whether features are standardised with training-split statistics */
    public boolean standardize() {
        return standardize;
    }

    /** @return whether each row is scaled to mean square 1 */
    public boolean unitMeanSquare() {
        return unitMeanSquare;
    }

    /**
     * Fits the statistics the enabled steps need on the training split (only standardisation needs any).
     *
     * @param train the training split; its features are read, not modified
     * @return the fitted, immutable pre-processing, applicable to any split of the same input size
     */
    public FittedPreprocessing fit(ImageDataset train) {
        Objects.requireNonNull(train, "train");
        if (!standardize) {
            return new FittedPreprocessing(this, train.inputSize(), null, null);
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException(train.name() + ": cannot fit standardisation on an empty data set");
        }
        int n = train.size();
        int d = train.inputSize();
        float[] x = train.featuresShared();
        double[] sum = new double[d];
        float[] min = new float[d];
        float[] max = new float[d];
        System.arraycopy(x, 0, min, 0, d);
        System.arraycopy(x, 0, max, 0, d);
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                float v = x[row + j];
                sum[j] += v;
                if (v < min[j]) {
                    min[j] = v;
                } else if (v > max[j]) {
                    max[j] = v;
                }
            }
        }
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = sum[j] / n;
        }
        double[] ss = new double[d];
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double dev = x[row + j] - mean[j];
                ss[j] += dev * dev;
            }
        }
        double scale = scaleToUnitInterval ? pixelMax : 1.0;
        float[] meanOut = new float[d];
        float[] stdOut = new float[d];
        for (int j = 0; j < d; j++) {
            if (min[j] == max[j]) {
                meanOut[j] = (float) (min[j] / scale);
                stdOut[j] = 1f;
            } else {
                meanOut[j] = (float) (mean[j] / scale);
                stdOut[j] = (float) (Math.sqrt(ss[j] / n) / scale);
                if (!(stdOut[j] > 0) || !Float.isFinite(stdOut[j])) {
                    throw new IllegalArgumentException(train.name() + ": feature " + j
                            + " has a standard deviation that is not a positive finite float: " + ss[j] / n);
                }
            }
        }
        return new FittedPreprocessing(this, d, meanOut, stdOut);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Preprocessing)) {
            return false;
        }
        Preprocessing p = (Preprocessing) o;
        return scaleToUnitInterval == p.scaleToUnitInterval && Double.compare(pixelMax, p.pixelMax) == 0
                && standardize == p.standardize && unitMeanSquare == p.unitMeanSquare;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scaleToUnitInterval, pixelMax, standardize, unitMeanSquare);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Preprocessing[");
        String sep = "";
        if (scaleToUnitInterval) {
            s.append("x/").append(pixelMax);
            sep = ", ";
        }
        if (standardize) {
            s.append(sep).append("standardize(train stats)");
            sep = ", ";
        }
        if (unitMeanSquare) {
            s.append(sep).append("||x||^2/n=1");
            sep = ", ";
        }
        if (sep.isEmpty()) {
            s.append("none");
        }
        return s.append(']').toString();
    }

    /** Builder for {@link Preprocessing}; every step is off by default. */
    public static final class Builder {
        private boolean scaleToUnitInterval;
        private double pixelMax = 255.0;
        private boolean standardize;
        private boolean unitMeanSquare;

        private Builder() {
        }

        /** @param on whether to divide pixels by pixelMax */
        public Builder scaleToUnitInterval(boolean on) {
            this.scaleToUnitInterval = on;
            return this;
        }

        /** @param pixelMax the largest pixel value, finite and &gt; 0 (default 255) */
        public Builder pixelMax(double pixelMax) {
            this.pixelMax = pixelMax;
            return this;
        }

        /** @param on whether to standardise per feature with training-split statistics */
        public Builder standardize(boolean on) {
            this.standardize = on;
            return this;
        }

        /** @param on whether to scale each row to ||x||^2 / n = 1 */
        public Builder unitMeanSquare(boolean on) {
            this.unitMeanSquare = on;
            return this;
        }

        /** @return the configuration */
        public Preprocessing build() {
            return new Preprocessing(this);
        }
    }
}
