package org.phitheta.fitting;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.Pair;
import org.phitheta.distribution.Theta;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Step 2b, first part: the closed form fitted to the step-2a grid by weighted least squares,
 * sum_i w_i (phi_q(x_i) - phi(x_i))^2 with w_i the normal density times the grid step. Adam in SameDiff
 * ({@link LeastSquaresGraph}), projected onto the box of {@link ClosedFormModel}, then Levenberg-Marquardt in Java
 * (Commons Math, exact Jacobian from {@link ClosedFormModel#evaluate}, the box enforced by projection).
 */
final class LeastSquaresFitter {

    /** Result of the least-squares fit. */
    static final class Result {
        final double[] q;
        final double loss;
        final int adamIterations;
        final int polishIterations;

        Result(double[] q, double loss, int adamIterations, int polishIterations) {
            this.q = q;
            this.loss = loss;
            this.adamIterations = adamIterations;
            this.polishIterations = polishIterations;
        }
    }

    private final ClosedFormModel model;
    private final InverseTransformGrid grid;

    LeastSquaresFitter(ClosedFormModel model, InverseTransformGrid grid) {
        this.model = model;
        this.grid = grid;
    }

    /**
     * A neutral start: both factors of moderate curvature, the scale set so that E[phi(X)^2] on the grid is exact.
     *
     * @return shape coordinates
     */
    double[] neutralStart() {
        double[] q = model.dimension() == 6 ? new double[]{0, 0, 0, 0, 0.7, -0.7} : new double[]{0, 0.5, 0, 0, 0.7, -0.7, 1.0};
        double m2 = 0;
        double weightSum = 0;
        for (int i = 0; i < grid.size(); i++) {
            double v = model.value(q, grid.x[i]);
            m2 += grid.weight[i] * v * v;
            weightSum += grid.weight[i];
        }
        double target = Theta.targetSecondMoment(model.theta()) * weightSum
                * (model.variant() == org.phitheta.activation.PhiThetaVariant.ODD ? 0.5 : 1.0);
        q[ClosedFormModel.S] += 0.5 * FastMath.log(target / m2);
        return q;
    }

    double loss(double[] q) {
        double sum = 0;
        for (int i = 0; i < grid.size(); i++) {
            double d = model.value(q, grid.x[i]) - grid.phi[i];
            sum += grid.weight[i] * d * d;
        }
        return sum;
    }

    /**
     * @param start            shape coordinates
     * @param adamIterations   Adam steps in SameDiff
     * @param polishIterations Levenberg-Marquardt iterations in Java
     * @param learningRate     Adam step size
     * @param progress         fraction done
     * @param cancelled        polled between iterations
     * @return fitted shape coordinates, inside the box
     */
    Result fit(double[] start, int adamIterations, int polishIterations, double learningRate, DoubleConsumer progress,
               BooleanSupplier cancelled) {
        int n = model.dimension();
        double[] q = model.clamp(start);
        double[] best = q.clone();
        double bestLoss = loss(q);
        int done = 0;
        if (adamIterations > 0) {
            LeastSquaresGraph graph = new LeastSquaresGraph(model, grid);
            double[] m = new double[n];
            double[] v = new double[n];
            double[] g = new double[n];
            for (int it = 0; it < adamIterations && !cancelled.getAsBoolean(); it++) {
                double value = graph.evaluate(q, g);
                boolean finite = Double.isFinite(value);
                for (double gi : g) {
                    finite &= Double.isFinite(gi);
                }
                if (!finite) {
                    q = best.clone();
                    learningRate /= 4;
                    m = new double[n];
                    v = new double[n];
                    continue;
                }
                if (value < bestLoss) {
                    bestLoss = value;
                    best = q.clone();
                }
                double lr = learningRate * FastMath.sqrt(1 - FastMath.pow(0.999, it + 1)) / (1 - FastMath.pow(0.9, it + 1));
                for (int i = 0; i < n; i++) {
                    m[i] = 0.9 * m[i] + 0.1 * g[i];
                    v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                    q[i] -= lr * m[i] / (FastMath.sqrt(v[i]) + 1e-300);
                }
                q = model.clamp(q);
                done = it + 1;
                progress.accept(0.5 * done / adamIterations);
            }
            double last = loss(q);
            if (last < bestLoss) {
                bestLoss = last;
                best = q.clone();
            }
        }
        int polished = 0;
        if (polishIterations > 0 && !cancelled.getAsBoolean()) {
            try {
                LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                        .start(best)
                        .model(jacobianFunction())
                        .target(new double[grid.size()])
                        .parameterValidator(p -> new ArrayRealVector(model.clamp(p.toArray()), false))
                        .maxEvaluations(4 * polishIterations)
                        .maxIterations(polishIterations)
                        .lazyEvaluation(false)
                        .build());
                double[] polishedQ = model.clamp(optimum.getPoint().toArray());
                double polishedLoss = loss(polishedQ);
                polished = optimum.getIterations();
                if (polishedLoss < bestLoss) {
                    bestLoss = polishedLoss;
                    best = polishedQ;
                }
            } catch (TooManyEvaluationsException | TooManyIterationsException e) {
                polished = polishIterations;   // budget spent; keep the Adam result
            }
        }
        progress.accept(1.0);
        return new Result(best, bestLoss, done, polished);
    }

    private MultivariateJacobianFunction jacobianFunction() {
        int n = model.dimension();
        return point -> {
            double[] q = point.toArray();
            double[] r = new double[grid.size()];
            double[][] j = new double[grid.size()][n];
            double[] g = new double[n];
            for (int i = 0; i < grid.size(); i++) {
                double sw = FastMath.sqrt(grid.weight[i]);
                r[i] = sw * (model.evaluate(q, grid.x[i], g) - grid.phi[i]);
                for (int k = 0; k < n; k++) {
                    j[i][k] = sw * g[k];
                }
            }
            RealVector value = new ArrayRealVector(r, false);
            return new Pair<>(value, new Array2DRowRealMatrix(j, false));
        };
    }
}
