package org.phitheta.fitting;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.util.FastMath;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Minimises max_k |r_k(q)| over a box, by sequential linear programming with a trust region: at q, the linear
 * program min t subject to |r_k + J_k d| &le; t, |d_j| &le; Delta, lo &le; q + d &le; hi (Commons Math
 * {@link SimplexSolver}) gives a step d; it is accepted if the true maximum decreases, and Delta grows or shrinks with
 * the ratio of actual to predicted decrease. This is the classical approach to nonlinear minimax (Chebyshev)
 * fitting; near a solution where n + 1 residuals are active it converges fast.
 *
 * <p>Residuals far below the current maximum cannot become the maximum within one trust-region step unless the
 * linear model is poor, so only residuals above a fraction of the maximum (and every local extremum) enter the linear
 * program; a rejected step that was caused by a left-out residual is retried with every residual.
 */
final class MinimaxSolver {

    /** Outcome of a run. */
    static final class Result {
        final double[] point;
        final double value;
        final int iterations;

        Result(double[] point, double value, int iterations) {
            this.point = point;
            this.value = value;
            this.iterations = iterations;
        }
    }

    private final ResidualFunction function;
    private final double[] lower;
    private final double[] upper;
    private double initialRadius = 0.5;
    private double maxRadius = 2.0;
    private double minRadius = 1e-7;

    MinimaxSolver(ResidualFunction function, double[] lower, double[] upper) {
        this.function = function;
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    MinimaxSolver initialRadius(double radius) {
        this.initialRadius = radius;
        return this;
    }

    MinimaxSolver minRadius(double radius) {
        this.minRadius = radius;
        return this;
    }

    /**
     * @param start      starting point (clamped into the box)
     * @param iterations maximum number of linear programs
     * @param cancelled  polled once per iteration; stops early when true
     * @return the best point found, its max |r|, and the iterations used
     */
    Result minimize(double[] start, int iterations, BooleanSupplier cancelled) {
        int n = function.dimension();
        int m = function.size();
        double[] q = start.clone();
        for (int j = 0; j < n; j++) {
            q[j] = FastMath.max(lower[j], FastMath.min(upper[j], q[j]));
        }
        double[] r = new double[m];
        double[] jac = new double[m * n];
        function.evaluate(q, r, jac);
        double current = maxAbs(r);
        if (!Double.isFinite(current)) {
            return new Result(q, Double.POSITIVE_INFINITY, 0);
        }
        double radius = initialRadius;
        boolean allResiduals = false;
        double[] trialR = new double[m];
        int it = 0;
        while (it < iterations && radius > minRadius && !cancelled.getAsBoolean()) {
            it++;
            double[] step;
            double predicted;
            try {
                double[] lp = solveLinearProgram(q, r, jac, current, radius, allResiduals);
                step = java.util.Arrays.copyOf(lp, n);
                predicted = lp[n] * current;
            } catch (MathIllegalStateException e) {
                radius /= 4;
                continue;
            }
            double stepNorm = 0;
            double[] trial = new double[n];
            for (int j = 0; j < n; j++) {
                trial[j] = FastMath.max(lower[j], FastMath.min(upper[j], q[j] + step[j]));
                stepNorm = FastMath.max(stepNorm, FastMath.abs(trial[j] - q[j]));
            }
            if (predicted >= current * (1 - 1e-9) || stepNorm == 0) {
                // the linear model sees no descent within the radius: converged at this resolution
                if (!allResiduals) {
                    allResiduals = true;
                    continue;
                }
                radius /= 4;
                if (stepNorm == 0 && predicted >= current * (1 - 1e-12)) {
                    break;
                }
                continue;
            }
            function.evaluate(trial, trialR, null);
            double value = maxAbs(trialR);
            if (Double.isFinite(value) && value < current) {
                double ratio = (current - value) / (current - predicted);
                q = trial;
                current = value;
                function.evaluate(q, r, jac);
                allResiduals = false;
                if (ratio > 0.75 && stepNorm > 0.99 * radius) {
                    radius = FastMath.min(2 * radius, maxRadius);
                } else if (ratio < 0.25) {
                    radius = stepNorm / 2;
                }
            } else {
                if (!allResiduals) {
                    allResiduals = true;
                }
                radius = stepNorm / 4;
            }
        }
        return new Result(q, current, it);
    }

    private double[] solveLinearProgram(double[] q, double[] r, double[] jac, double scale, double radius,
                                        boolean allResiduals) {
        int n = function.dimension();
        int m = function.size();
        List<LinearConstraint> constraints = new ArrayList<>();
        boolean[] include = selectResiduals(r, scale, allResiduals);
        for (int k = 0; k < m; k++) {
            if (!include[k]) {
                continue;
            }
            double[] plus = new double[n + 1];
            double[] minus = new double[n + 1];
            for (int j = 0; j < n; j++) {
                plus[j] = jac[k * n + j] / scale;
                minus[j] = -plus[j];
            }
            plus[n] = -1;
            minus[n] = -1;
            constraints.add(new LinearConstraint(plus, Relationship.LEQ, -r[k] / scale));
            constraints.add(new LinearConstraint(minus, Relationship.LEQ, r[k] / scale));
        }
        for (int j = 0; j < n; j++) {
            double[] e = new double[n + 1];
            e[j] = 1;
            constraints.add(new LinearConstraint(e, Relationship.LEQ, FastMath.min(radius, upper[j] - q[j])));
            constraints.add(new LinearConstraint(e, Relationship.GEQ, FastMath.max(-radius, lower[j] - q[j])));
        }
        double[] objective = new double[n + 1];
        objective[n] = 1;
        PointValuePair solution = new SimplexSolver(1e-9, 10, 1e-14).optimize(new MaxIter(10_000),
                new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints),
                GoalType.MINIMIZE, new NonNegativeConstraint(false));
        return solution.getPoint();
    }

    /**
     * The residuals that enter the linear program: all of them, or those above half the maximum and those within two
     * indices of a local extremum of r (the candidates for the next maximum) that is above a tenth of it.
     */
    static boolean[] selectResiduals(double[] r, double scale, boolean all) {
        int m = r.length;
        boolean[] include = new boolean[m];
        for (int k = 0; k < m; k++) {
            if (all || FastMath.abs(r[k]) >= 0.5 * scale) {
                include[k] = true;
            }
            if (all) {
                continue;
            }
            boolean localMax = (k == 0 || r[k] >= r[k - 1]) && (k == m - 1 || r[k] >= r[k + 1]);
            boolean localMin = (k == 0 || r[k] <= r[k - 1]) && (k == m - 1 || r[k] <= r[k + 1]);
            if ((localMax || localMin) && FastMath.abs(r[k]) >= 0.1 * scale) {
                for (int d = -2; d <= 2; d++) {
                    if (k + d >= 0 && k + d < m) {
                        include[k + d] = true;
                    }
                }
            }
        }
        return include;
    }

    static double maxAbs(double[] r) {
        double max = 0;
        for (double v : r) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = FastMath.max(max, FastMath.abs(v));
        }
        return max;
    }
}
