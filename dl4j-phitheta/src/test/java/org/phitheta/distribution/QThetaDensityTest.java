package org.phitheta.distribution;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.exception.OutOfRangeException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QThetaDensityTest {

    /** The published step-1 fit for theta = 3 (alpha, lambda1, lambda2); gamma follows from normalisation. */
    private static final QThetaDensity PUBLISHED_3 = new QThetaDensity(3.0, 3.1008801111257136, 1.3137284532100453,
            0.6056752106133148);

    private static double integrate(java.util.function.DoubleUnaryOperator f, double a, double b) {
        // adaptive Gauss-Legendre to 1e-13: the reference for the closed forms
        return new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-14).integrate(100_000, f::applyAsDouble, a, b);
    }

    @Test
    void normalisedByConstruction() {
        // S(0) = 1 exactly, and the density integrates to 1 (quadrature accurate to ~1e-12; the tail beyond 12 is
        // below exp(-(12/1.31)^3.1) ~ 1e-400)
        assertEquals(1.0, PUBLISHED_3.survival(0.0), 0.0);
        double mass = integrate(PUBLISHED_3::density, 0, 1) + integrate(PUBLISHED_3::density, 1, 12);
        assertEquals(1.0, mass, 1e-11);
        assertEquals(1 - 0.6056752106133148 * QThetaDensity.densityAtZero(3.0)
                * org.apache.commons.math3.special.Gamma.gamma(1 + 1 / Theta.thetaPrime(3.0)), PUBLISHED_3.getGamma(), 1e-15);
    }

    @Test
    void survivalAndCdfMatchTheIntegralOfTheDensity() {
        for (double y : new double[]{0.01, 0.3, 0.6, 1.0, 1.7, 2.5}) {
            double tail = integrate(PUBLISHED_3::density, y, 12);
            // closed forms vs adaptive quadrature: agreement to 1e-11 (quadrature tolerance)
            assertEquals(tail, PUBLISHED_3.survival(y), 1e-11, "S(" + y + ")");
            assertEquals(1 - tail, PUBLISHED_3.cumulativeProbability(y), 1e-11, "F(" + y + ")");
        }
    }

    @Test
    void densityAtZeroIsTheExactValue() {
        // alpha > 1: the first term vanishes at 0, so g(0) = sqrt(2/pi) / Gamma(1 - 1/theta) (MATH.md)
        assertEquals(Math.sqrt(2 / Math.PI) / org.apache.commons.math3.special.Gamma.gamma(1 - 1 / 3.0),
                PUBLISHED_3.density(0.0), 1e-15);
    }

    @Test
    void inverseSurvivalKeepsRelativePrecisionInBothTails() {
        for (double q : new double[]{1e-15, 1e-8, 0.01, 0.3, 0.5, 0.9, 1 - 1e-6}) {
            double y = PUBLISHED_3.inverseSurvival(q);
            // relative error 1e-12: the solver works on ln S, so even q = 1e-15 comes back to ~13 digits
            assertEquals(1.0, PUBLISHED_3.survival(y) / q, 1e-12, "q=" + q);
        }
        for (double p : new double[]{1e-14, 1e-9, 1e-3, 0.2}) {
            double y = PUBLISHED_3.inverseCumulativeProbability(p);
            assertEquals(1.0, PUBLISHED_3.cumulativeProbability(y) / p, 1e-12, "p=" + p);
        }
        // near 0, F(y) ~ c0 y: the quantile of a tiny p is tiny and exact, not 0
        double y = PUBLISHED_3.inverseCumulativeProbability(1e-14);
        assertEquals(1e-14 / QThetaDensity.densityAtZero(3.0), y, 1e-20);
        assertEquals(0.0, PUBLISHED_3.inverseSurvival(1.0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, PUBLISHED_3.inverseSurvival(0.0), 0.0);
    }

    @Test
    void momentsMatchQuadrature() {
        for (double s : new double[]{1, 2, 4}) {
            double numeric = integrate(y -> Math.pow(y, s) * PUBLISHED_3.density(y), 0, 12);
            assertEquals(numeric, PUBLISHED_3.absoluteMoment(s), 1e-10, "s=" + s);
        }
        assertEquals(PUBLISHED_3.absoluteMoment(2) - Math.pow(PUBLISHED_3.absoluteMoment(1), 2),
                PUBLISHED_3.getNumericalVariance(), 1e-14);
    }

    @Test
    void singularFirstTermIsAllowed() {
        // alpha < 1: infinite density at 0, still a proper law
        QThetaDensity d = new QThetaDensity(4.0, 0.7, 1.0, 0.5);
        assertEquals(Double.POSITIVE_INFINITY, d.density(0.0));
        assertEquals(1.0, d.survival(0.0), 0.0);
        double y = d.inverseSurvival(0.25);
        assertEquals(0.25, d.survival(y), 1e-14);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> new QThetaDensity(2.0, 3, 1.3, 0.6));
        assertThrows(IllegalArgumentException.class, () -> new QThetaDensity(Double.NaN, 3, 1.3, 0.6));
        assertThrows(IllegalArgumentException.class, () -> new QThetaDensity(3.0, -1, 1.3, 0.6));
        // lambda2 above the bound would make gamma negative (a negative first term)
        double max = QThetaDensity.maxLambda2(3.0);
        assertThrows(OutOfRangeException.class, () -> new QThetaDensity(3.0, 3, 1.3, 1.01 * max));
        assertEquals(0.0, new QThetaDensity(3.0, 3, 1.3, max).getGamma(), 1e-15);
        assertThrows(OutOfRangeException.class, () -> PUBLISHED_3.inverseSurvival(1.5));
    }

    @Test
    void samplesFollowTheLaw() {
        // inverse transform sampling through the cdf; 20,000 draws: the mean is within 4 standard errors
        QThetaDensity d = new QThetaDensity(new org.apache.commons.math3.random.Well19937c(7), 3.0, 3.1008801111257136,
                1.3137284532100453, 0.6056752106133148);
        double[] s = d.sample(20_000);
        double mean = java.util.Arrays.stream(s).average().orElseThrow();
        double se = Math.sqrt(d.getNumericalVariance() / s.length);
        assertTrue(Math.abs(mean - d.getNumericalMean()) < 4 * se, "mean " + mean + " vs " + d.getNumericalMean());
    }
}
