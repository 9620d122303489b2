package org.phitheta.experiment;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal CDF Phi, fast: cubic Hermite interpolation of a table of Phi and its derivative (the density)
 * on [-9, 9] with step 1/256; outside, 0 or 1 (Phi(-9) ~ 1e-19). The interpolation error is below 1e-12, far below
 * anything a Monte-Carlo KS statistic can resolve, and one call costs a few nanoseconds instead of the microsecond of
 * {@link Erf#erfc}, which matters when every one of 10^8 samples needs Phi.
 */
public final class NormalCdf {

    private static final double LIMIT = 9.0;
    private static final int PER_UNIT = 256;
    private static final double STEP = 1.0 / PER_UNIT;
    private static final int POINTS = (int) (2 * LIMIT * PER_UNIT) + 1;
    private static final double[] CDF = new double[POINTS];
    private static final double[] PDF_STEP = new double[POINTS];

    static {
        for (int i = 0; i < POINTS; i++) {
            double x = -LIMIT + i * STEP;
            CDF[i] = 0.5 * Erf.erfc(-x / Math.sqrt(2));
            PDF_STEP[i] = STEP * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
        }
    }

    private NormalCdf() {
    }

    /**
     * @param x any number
     * @return Phi(x) = P(N(0,1) &le; x), NaN for NaN
     */
    public static double cdf(double x) {
        if (!(x > -LIMIT)) {
            return Double.isNaN(x) ? Double.NaN : 0.0;
        }
        if (x >= LIMIT) {
            return 1.0;
        }
        double pos = (x + LIMIT) * PER_UNIT;
        int i = (int) pos;
        if (i >= POINTS - 1) {
            return 1.0;
        }
        double t = pos - i;
        double t2 = t * t;
        double t3 = t2 * t;
        double h00 = 2 * t3 - 3 * t2 + 1;
        double h10 = t3 - 2 * t2 + t;
        double h01 = -2 * t3 + 3 * t2;
        double h11 = t3 - t2;
        return h00 * CDF[i] + h10 * PDF_STEP[i] + h01 * CDF[i + 1] + h11 * PDF_STEP[i + 1];
    }
}
