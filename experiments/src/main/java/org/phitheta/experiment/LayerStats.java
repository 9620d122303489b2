package org.phitheta.experiment;

/**
 * Statistics of one layer's pre-activations: KS distance to N(0,1), KS distance to the normal with the sample's own
 * mean and sd (shape only), and the first four moments.
 */
public final class LayerStats {

    final long count;
    final double ks;
    final double ksFitted;
    final double mean;
    final double variance;
    final double skewness;
    final double excessKurtosis;

    LayerStats(long count, double ks, double ksFitted, double mean, double variance, double skewness,
               double excessKurtosis) {
        this.count = count;
        this.ks = ks;
        this.ksFitted = ksFitted;
        this.mean = mean;
        this.variance = variance;
        this.skewness = skewness;
        this.excessKurtosis = excessKurtosis;
    }

    /**
     * Computes the statistics; sorts the sample in place.
     *
     * @param sample pre-activations
     * @return the statistics
     */
    public static LayerStats of(float[] sample) {
        Moments m = Moments.of(sample);
        java.util.Arrays.sort(sample);
        double ks = Ks.toNormalSorted(sample, 0, 1);
        double ksFitted = Ks.toNormalSorted(sample, m.mean(), m.sd());
        return new LayerStats(m.count(), ks, ksFitted, m.mean(), m.variance(), m.skewness(), m.excessKurtosis());
    }

    public long count() {
        return count;
    }

    /** @return KS distance to N(0, 1) */
    public double ks() {
        return ks;
    }

    /** @return KS distance to N(mean, sd^2) with the sample's mean and sd */
    public double ksFitted() {
        return ksFitted;
    }

    public double mean() {
        return mean;
    }

    public double variance() {
        return variance;
    }

    public double skewness() {
        return skewness;
    }

    public double excessKurtosis() {
        return excessKurtosis;
    }
}
