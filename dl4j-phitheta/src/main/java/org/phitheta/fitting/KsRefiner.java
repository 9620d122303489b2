package org.phitheta.fitting;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.FastMath;
import org.phitheta.distribution.Theta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Step 2b, second part: the closed form refined on the figure that matters, KS(theta, phi) = 1/2 sup_z |r(z)| with
 * r the end-to-end survival gap ({@link KsResidual}), by the minimax solver ({@link MinimaxSolver}) from several
 * starts. KS is not convex in the parameters and the family has distinct basins (for the positive variant the
 * least-squares basin is often not the best one), so: a short run from every start (the least-squares fit, the
 * caller's hints, and seeded random points of a sub-box with the scale set so that E[phi(X)^2] is exact), then the
 * best few runs continued to convergence.
 */
final class KsRefiner {

    /** Sampling box for random starts (shape coordinates, scale excluded). */
    private static final double[][] RANDOM_BOX = {
            {0, 0},
            {FastMath.log(0.2), FastMath.log(5)},
            {FastMath.log(0.01), FastMath.log(100)},
            {FastMath.log(0.05), FastMath.log(20)},
            {FastMath.log(0.01), FastMath.log(100)},
            {FastMath.log(0.1), FastMath.log(20)},
            {-1, 3}};

    /** Result of the refinement. */
    static final class Result {
        final double[] q;
        /** 1/2 max |r| on the grid. */
        final double gridKs;
        final int iterations;
        final int starts;

        Result(double[] q, double gridKs, int iterations, int starts) {
            this.q = q;
            this.gridKs = gridKs;
            this.iterations = iterations;
            this.starts = starts;
        }
    }

    private final ClosedFormModel model;
    private final KsResidual residual;

    KsRefiner(ClosedFormModel model) {
        this.model = model;
        this.residual = KsResidual.standard(model);
    }

    KsResidual residual() {
        return residual;
    }

    /**
     * @param starts          given starts (least-squares fit, hints), in order of preference
     * @param randomStarts    number of extra random starts
     * @param seed            seed of the random starts
     * @param shortIterations iterations of the screening runs
     * @param finalIterations iterations of the continued runs
     * @param finalists       how many screening runs to continue
     * @param progress        fraction done
     * @param cancelled       polled between iterations
     * @return the best point found
     */
    Result refine(List<double[]> starts, int randomStarts, long seed, int shortIterations, int finalIterations,
                  int finalists, DoubleConsumer progress, BooleanSupplier cancelled) {
        List<double[]> all = new ArrayList<>();
        for (double[] s : starts) {
            all.add(model.clamp(s));
        }
        RandomGenerator random = new Well19937c(seed);
        for (int i = 0; i < randomStarts; i++) {
            all.add(randomStart(random));
        }
        MinimaxSolver solver = new MinimaxSolver(residual, model.lower(), model.upper());
        List<MinimaxSolver.Result> screened = new ArrayList<>();
        int iterations = 0;
        int total = all.size() * shortIterations + finalists * finalIterations;
        for (double[] s : all) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            MinimaxSolver.Result r = solver.minimize(s, shortIterations, cancelled);
            iterations += r.iterations;
            if (Double.isFinite(r.value)) {
                screened.add(r);
            }
            progress.accept(FastMath.min(1.0, (double) iterations / total));
        }
        if (screened.isEmpty()) {
            throw new IllegalStateException("KS refinement failed from every start (theta=" + model.theta() + ", "
                    + model.variant().label() + ")");
        }
        screened.sort(Comparator.comparingDouble(r -> r.value));
        MinimaxSolver.Result best = screened.get(0);
        for (int i = 0; i < FastMath.min(finalists, screened.size()) && !cancelled.getAsBoolean(); i++) {
            MinimaxSolver.Result r = solver.initialRadius(0.1).minimize(screened.get(i).point, finalIterations, cancelled);
            iterations += r.iterations;
            if (r.value < best.value) {
                best = r;
            }
            progress.accept(FastMath.min(1.0, (double) iterations / total));
        }
        progress.accept(1.0);
        return new Result(best.point, 0.5 * best.value, iterations, all.size());
    }

    private double[] randomStart(RandomGenerator random) {
        double[] q = new double[model.dimension()];
        for (int j = 1; j < q.length; j++) {
            q[j] = RANDOM_BOX[j][0] + random.nextDouble() * (RANDOM_BOX[j][1] - RANDOM_BOX[j][0]);
        }
        q[ClosedFormModel.S] += 0.5 * FastMath.log(Theta.targetSecondMoment(model.theta()) / secondMoment(q));
        return model.clamp(q);
    }

    /** E[phi_q(X)^2] with the KS quadrature nodes. */
    double secondMoment(double[] q) {
        return residual.secondMoment(q);
    }
}
