package org.phitheta.fitting;

import org.apache.commons.math3.util.FastMath;
import org.phitheta.distribution.QThetaDensity;
import org.phitheta.distribution.Theta;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Step 1 of the fit: the density g of |Y| (family {@link QThetaDensity}) such that W |Y| matches |N(0, 1)|, by
 * minimising the sup-norm sup_z |P(|W Y| &gt; z) - erfc(z / sqrt 2)| on z in (0, 5].
 *
 * <p>Adam in SameDiff on the smooth L^2p surrogate of the sup-norm ({@link DensityGraph}), p annealed 1, 4, 16, 64
 * over the iterations; then a few steps of the Java minimax solver ({@link MinimaxSolver}) on the sup-norm itself,
 * with a finite-difference Jacobian through the same quadrature (three parameters). The start interpolates, in
 * 1/theta, the step-1 fits published with the paper (theta from 2.05 to 10; clamped outside).
 */
final class DensityFitter {

    /** Published step-1 fits (Wolinski and Arbel, public code): theta, alpha, lambda1, lambda2. */
    private static final double[][] PUBLISHED = {
            {2.05, 4.377195786556912, 1.2275481490683111, 0.5657491096716325},
            {2.10, 4.206110237270113, 1.2380134347144942, 0.5737370048149409},
            {2.20, 3.99503360858956, 1.2543956605782531, 0.5845802641851386},
            {2.50, 3.5426159158811084, 1.2888113231691578, 0.6021336657826264},
            {3.00, 3.1008801111257136, 1.3137284532100453, 0.6056752106133148},
            {4.00, 2.7190302377878774, 1.3275888477522049, 0.6078009409636492},
            {5.00, 2.619400114595525, 1.3488631297454499, 0.6420807442302982},
            {6.00, 2.528322292939226, 1.3499434007972662, 0.6487498572232953},
            {7.00, 2.46139591039409, 1.3455730544867732, 0.6484943913418983},
            {8.00, 2.418152220870851, 1.3421402918334002, 0.6494910644896172},
            {9.00, 2.389117750071594, 1.3401710462822372, 0.6520354341526198},
            {10.0, 2.3564277910244407, 1.3328800840336503, 0.6465083796092411}};

    private static final double[] POWERS = {1, 4, 16, 64};

    /** Result of step 1. */
    static final class Result {
        final QThetaDensity density;
        /** sup_k |S(z_k) - erfc(z_k / sqrt 2)| on the step-1 grid. */
        final double supError;
        final int adamIterations;
        final int polishIterations;

        Result(QThetaDensity density, double supError, int adamIterations, int polishIterations) {
            this.density = density;
            this.supError = supError;
            this.adamIterations = adamIterations;
            this.polishIterations = polishIterations;
        }
    }

    private final double theta;
    private final double[] start;
    private final DensityBox box;
    private final DensityQuadrature quadrature;

    DensityFitter(double theta) {
        this.theta = Theta.requireValid(theta);
        this.start = startingPoint(theta);
        this.box = new DensityBox(theta, start[2]);
        this.quadrature = new DensityQuadrature(theta, DensityQuadrature.standardZ(), box.lambda2Min, box.lambda2Max, 1);
    }

    DensityBox box() {
        return box;
    }

    DensityQuadrature quadrature() {
        return quadrature;
    }

    /**
     * @param theta weight shape
     * @return (alpha, lambda1, lambda2) interpolated in 1/theta from the published fits
     */
    static double[] startingPoint(double theta) {
        double inv = 1 / theta;
        double[] out = new double[3];
        int n = PUBLISHED.length;
        if (inv >= 1 / PUBLISHED[0][0]) {
            System.arraycopy(PUBLISHED[0], 1, out, 0, 3);
            return out;
        }
        if (inv <= 1 / PUBLISHED[n - 1][0]) {
            System.arraycopy(PUBLISHED[n - 1], 1, out, 0, 3);
            return out;
        }
        for (int i = 0; i < n - 1; i++) {
            double a = 1 / PUBLISHED[i][0];
            double b = 1 / PUBLISHED[i + 1][0];
            if (inv <= a && inv >= b) {
                double w = (a - inv) / (a - b);
                for (int j = 0; j < 3; j++) {
                    out[j] = (1 - w) * PUBLISHED[i][j + 1] + w * PUBLISHED[i + 1][j + 1];
                }
                return out;
            }
        }
        throw new AssertionError("unreachable");
    }

    /**
     * @param adamIterations   Adam steps in SameDiff (0 skips them)
     * @param polishIterations minimax steps in Java (0 skips them)
     * @param learningRate     Adam step size
     * @param progress         receives the fraction done
     * @param cancelled        polled between iterations
     * @return the fitted density
     */
    Result fit(int adamIterations, int polishIterations, double learningRate, DoubleConsumer progress,
               BooleanSupplier cancelled) {
        double[] u = box.unconstrained(start[0], start[1], start[2]);
        double[] best = u.clone();
        double bestSup = supError(u);
        int done = 0;
        if (adamIterations > 0) {
            DensityGraph graph = new DensityGraph(quadrature, box);
            double[] m = new double[3];
            double[] v = new double[3];
            double beta1 = 0.9;
            double beta2 = 0.999;
            double scale = bestSup;
            for (int it = 0; it < adamIterations && !cancelled.getAsBoolean(); it++) {
                double power = POWERS[FastMath.min(POWERS.length - 1, it * POWERS.length / adamIterations)];
                DensityGraph.Evaluation e = graph.evaluate(u, scale, power);
                double sup = MinimaxSolver.maxAbs(e.residuals);
                if (!Double.isFinite(sup) || !finite(e.gradient)) {
                    // divergence: go back to the best point, with a smaller step
                    u = best.clone();
                    learningRate /= 4;
                    m = new double[3];
                    v = new double[3];
                    continue;
                }
                if (sup < bestSup) {
                    bestSup = sup;
                    best = u.clone();
                }
                scale = sup;
                double lr = learningRate * FastMath.sqrt(1 - FastMath.pow(beta2, it + 1)) / (1 - FastMath.pow(beta1, it + 1));
                for (int i = 0; i < 3; i++) {
                    double g = e.gradient[i] / scale;   // the loss is proportional to the scale: normalise
                    m[i] = beta1 * m[i] + (1 - beta1) * g;
                    v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                    u[i] -= lr * m[i] / (FastMath.sqrt(v[i]) + 1e-12);
                }
                done = it + 1;
                progress.accept(0.7 * done / adamIterations);
            }
            double last = supError(u);
            if (last < bestSup) {
                bestSup = last;
                best = u.clone();
            }
        }
        double[] natural = box.natural(best);
        int polishDone = 0;
        if (polishIterations > 0 && !cancelled.getAsBoolean()) {
            ResidualFunction residuals = new PolishResiduals();
            double[] q = {natural[0], FastMath.log(natural[1]), FastMath.log(natural[2])};
            MinimaxSolver.Result r = new MinimaxSolver(residuals, box.polishLower(), box.polishUpper())
                    .initialRadius(0.1).minRadius(1e-9).minimize(q, polishIterations, cancelled);
            polishDone = r.iterations;
            if (r.value < bestSup) {
                bestSup = r.value;
                natural = new double[]{r.point[0], FastMath.exp(r.point[1]), FastMath.exp(r.point[2])};
            }
        }
        progress.accept(1.0);
        QThetaDensity density = new QThetaDensity(theta, natural[0], natural[1], natural[2]);
        return new Result(density, bestSup, done, polishDone);
    }

    private double supError(double[] u) {
        double[] n = box.natural(u);
        double[] r = new double[quadrature.z.length];
        quadrature.residuals(n[0], n[1], n[2], r);
        return MinimaxSolver.maxAbs(r);
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Residuals in (alpha, ln lambda1, ln lambda2) with a central-difference Jacobian. */
    private final class PolishResiduals implements ResidualFunction {
        @Override
        public int size() {
            return quadrature.z.length;
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public void evaluate(double[] q, double[] residual, double[] jacobian) {
            quadrature.residuals(q[0], FastMath.exp(q[1]), FastMath.exp(q[2]), residual);
            if (jacobian == null) {
                return;
            }
            double[] plus = new double[residual.length];
            double[] minus = new double[residual.length];
            for (int j = 0; j < 3; j++) {
                double h = 1e-6 * FastMath.max(1, FastMath.abs(q[j]));
                double[] qp = q.clone();
                double[] qm = q.clone();
                qp[j] += h;
                qm[j] -= h;
                quadrature.residuals(qp[0], FastMath.exp(qp[1]), FastMath.exp(qp[2]), plus);
                quadrature.residuals(qm[0], FastMath.exp(qm[1]), FastMath.exp(qm[2]), minus);
                for (int k = 0; k < residual.length; k++) {
                    jacobian[k * 3 + j] = (plus[k] - minus[k]) / (2 * h);
                }
            }
        }
    }
}
