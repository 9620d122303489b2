package org.phitheta.fitting;

import org.junit.jupiter.api.Test;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.distribution.QThetaDensity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every gradient the fitter takes from SameDiff, checked against central finite differences of the same graph's
 * forward pass, in double precision. Tolerance: relative 1e-6 of the gradient's largest component; central
 * differences with step 1e-5 have truncation error ~1e-10 relative and rounding error ~1e-16 / 1e-5 = 1e-11
 * relative, so 1e-6 leaves ample room while catching any wrong backpropagation (such as the broadcast-division bug,
 * which is off by orders of magnitude).
 */
class SameDiffGradientTest {

    private static final double STEP = 1e-5;

    @Test
    void densityLossGradientMatchesFiniteDifferences() {
        for (double theta : new double[]{2.05, 3.37, 25}) {
            DensityFitter fitter = new DensityFitter(theta);
            DensityGraph graph = new DensityGraph(fitter.quadrature(), fitter.box());
            double[] start = DensityFitter.startingPoint(theta);
            double[] u = fitter.box().unconstrained(start[0] * 1.1, start[1] * 0.95, start[2] * 1.05);
            for (double power : new double[]{1, 16}) {
                double scale = 0.01;
                DensityGraph.Evaluation e = graph.evaluate(u, scale, power);
                double[] numeric = new double[3];
                for (int i = 0; i < 3; i++) {
                    double[] up = u.clone();
                    double[] down = u.clone();
                    up[i] += STEP;
                    down[i] -= STEP;
                    numeric[i] = (graph.loss(up, scale, power) - graph.loss(down, scale, power)) / (2 * STEP);
                }
                assertClose(numeric, e.gradient, "theta=" + theta + ", p=" + power);
            }
        }
    }

    @Test
    void densityGraphComputesTheSameResidualsAsJava() {
        // the SameDiff graph and the Java quadrature share nodes and kernel: they must agree to rounding (1e-13)
        double theta = 3.37;
        DensityFitter fitter = new DensityFitter(theta);
        DensityGraph graph = new DensityGraph(fitter.quadrature(), fitter.box());
        double[] u = {0.3, -0.2, 0.4};
        double[] natural = fitter.box().natural(u);
        double[] java = new double[fitter.quadrature().z.length];
        fitter.quadrature().residuals(natural[0], natural[1], natural[2], java);
        double[] sd = graph.evaluate(u, 0.01, 1).residuals;
        for (int k = 0; k < java.length; k++) {
            assertEquals(java[k], sd[k], 1e-13, "z index " + k);
        }
    }

    @Test
    void leastSquaresGradientMatchesFiniteDifferences() {
        double theta = 3.37;
        QThetaDensity density = new QThetaDensity(theta, 3.0, 1.33, 0.62);
        for (PhiThetaVariant variant : PhiThetaVariant.values()) {
            ClosedFormModel model = new ClosedFormModel(theta, variant);
            InverseTransformGrid grid = InverseTransformGrid.tabulate(density, variant, 6.0, 0.05);
            LeastSquaresGraph graph = new LeastSquaresGraph(model, grid);
            LeastSquaresFitter java = new LeastSquaresFitter(model, grid);
            double[] q = variant == PhiThetaVariant.ODD ? new double[]{0.2, -0.1, 0.3, -0.5, 1.1, -0.4}
                    : new double[]{-1.0, 0.5, -0.8, -1.2, -0.3, 0.6, 1.3};
            double[] gradient = new double[q.length];
            double loss = graph.evaluate(q, gradient);
            // the graph's loss is the Java loss (same formula in other coordinates of the same numbers)
            assertEquals(java.loss(q), loss, 1e-12 * Math.max(1, loss), variant.label());
            double[] numeric = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                double[] up = q.clone();
                double[] down = q.clone();
                up[i] += STEP;
                down[i] -= STEP;
                numeric[i] = (graph.loss(up) - graph.loss(down)) / (2 * STEP);
            }
            assertClose(numeric, gradient, variant.label());
        }
    }

    private static void assertClose(double[] numeric, double[] analytic, String what) {
        double scale = 0;
        for (double v : numeric) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, "degenerate gradient for " + what);
        for (int i = 0; i < numeric.length; i++) {
            assertEquals(numeric[i], analytic[i], 1e-6 * scale, what + ", component " + i);
        }
    }
}
