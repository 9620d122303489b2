package org.phitheta.experiment;

import java.util.Arrays;

/**
 * Exact one-sample Kolmogorov-Smirnov statistics against normal laws, for Monte-Carlo samples.
 *
 * <p>The statistic is sup_x |F_n(x) - F(x)| with F_n the empirical CDF, computed exactly on the sorted sample
 * (ties included: a repeated value, e.g. the atom at 0 of a ReLU network, makes one jump of F_n); F is evaluated with
 * {@link NormalCdf}. Under the null hypothesis the statistic of an i.i.d. sample of size n has mean about
 * 0.87/sqrt(n) and exceeds 1.36/sqrt(n) with probability 5%, 1.63/sqrt(n) with probability 1%.
 */
public final class Ks {

    /** Kolmogorov 1% critical value: P(sqrt(n) D_n &gt; 1.628) ~ 0.01 for large n. */
    public static final double CRITICAL_1_PERCENT = 1.628;
    /** Kolmogorov 5% critical value. */
    public static final double CRITICAL_5_PERCENT = 1.358;

    private Ks() {
    }

    /**
     * KS distance of a sample to N(mean, sd^2); sorts the sample in place.
     *
     * @param sample values (sorted in place); NaN values make the result NaN
     * @param mean   mean of the reference normal
     * @param sd     standard deviation of the reference normal, &gt; 0
     * @return the statistic in [0, 1]
     */
    public static double toNormal(float[] sample, double mean, double sd) {
        Arrays.sort(sample);
        return toNormalSorted(sample, mean, sd);
    }

    /**
     * KS distance of a sorted sample to N(mean, sd^2).
     *
     * @param sorted ascending values
     * @param mean   reference mean
     * @param sd     reference standard deviation, &gt; 0
     * @return the statistic
     */
    public static double toNormalSorted(float[] sorted, double mean, double sd) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty sample");
        }
        if (!(sd > 0) || Double.isInfinite(sd)) {
            // a constant sample against a degenerate "normal" at its own value: a point mass is at distance 1/2 from
            // any continuous law centred on it; report that, and NaN for a meaningless scale
            return sd == 0 ? 0.5 : Double.NaN;
        }
        if (Float.isNaN(sorted[n - 1]) || Float.isNaN(sorted[0])) {
            return Double.NaN;
        }
        double inv = 1.0 / sd;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = NormalCdf.cdf((sorted[i] - mean) * inv);
            double above = (i + 1.0) / n - f;
            double below = f - (double) i / n;
            if (above > d) {
                d = above;
            }
            if (below > d) {
                d = below;
            }
        }
        return d;
    }

    /**
     * @param n sample size
     * @return the 1% critical value 1.63/sqrt(n) of the statistic for an i.i.d. sample of the reference law
     */
    public static double noiseBound1Percent(long n) {
        return CRITICAL_1_PERCENT / Math.sqrt(n);
    }
}
