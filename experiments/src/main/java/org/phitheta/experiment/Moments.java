package org.phitheta.experiment;

/**
 * Sample moments of a float sample in double precision (two passes: mean, then central moments): mean, variance
 * (divisor n - 1), skewness m3 / m2^1.5 and excess kurtosis m4 / m2^2 - 3 (population forms of the central moments,
 * as in most Monte-Carlo work; the bias of these forms is O(1/n)).
 */
public final class Moments {

    private final long n;
    private final double mean;
    private final double variance;
    private final double skewness;
    private final double excessKurtosis;

    private Moments(long n, double mean, double variance, double skewness, double excessKurtosis) {
        this.n = n;
        this.mean = mean;
        this.variance = variance;
        this.skewness = skewness;
        this.excessKurtosis = excessKurtosis;
    }

    /**
     * @param x the sample (at least 2 values)
     * @return its moments
     */
    public static Moments of(float[] x) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 values (got " + n + ")");
        }
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (float v : x) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        double variance = m2 / (n - 1);
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double skew = m2 > 0 ? m3 / Math.pow(m2, 1.5) : Double.NaN;
        double kurt = m2 > 0 ? m4 / (m2 * m2) - 3.0 : Double.NaN;
        return new Moments(n, mean, variance, skew, kurt);
    }

    public long count() {
        return n;
    }

    public double mean() {
        return mean;
    }

    public double variance() {
        return variance;
    }

    public double sd() {
        return Math.sqrt(variance);
    }

    public double skewness() {
        return skewness;
    }

    public double excessKurtosis() {
        return excessKurtosis;
    }
}
