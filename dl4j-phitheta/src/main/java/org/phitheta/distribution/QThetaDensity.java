package org.phitheta.distribution;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.exception.NotStrictlyPositiveException;
import org.apache.commons.math3.exception.OutOfRangeException;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.FastMath;

/**
 * The fitted law of |Y|, where Y ~ Q_theta is the law with W Y ~ N(0, 1) for W ~ W(theta, 1) (step 1 of the
 * phi_theta fit, MATH.md). With theta' = 2 theta / (theta - 2) and c0 = sqrt(2/pi) / Gamma(1 - 1/theta) (the exact
 * density of |Y| at 0):
 *
 * <ul>
 * <li>density: g(y) = gamma alpha / lambda1 (y/lambda1)^(alpha-1) exp(-(y/lambda1)^alpha)
 *     + c0 exp(-(y/lambda2)^theta'), y &ge; 0</li>
 * <li>survival: S(y) = gamma exp(-(y/lambda1)^alpha) + c0 lambda2 Gamma(1 + 1/theta') Q(1/theta', (y/lambda2)^theta'),
 *     Q the regularized upper incomplete gamma function ({@link Gamma#regularizedGammaQ})</li>
 * <li>cdf (computed without cancellation near 0): F(y) = gamma (1 - exp(-(y/lambda1)^alpha))
 *     + c0 lambda2 Gamma(1 + 1/theta') P(1/theta', (y/lambda2)^theta')</li>
 * <li>normalisation, by construction: gamma = 1 - c0 lambda2 Gamma(1 + 1/theta'), so S(0) = 1; gamma &ge; 0 requires
 *     lambda2 &le; {@link #maxLambda2(double)}</li>
 * <li>moments: E|Y|^s = gamma lambda1^s Gamma(1 + s/alpha) + c0 lambda2^(s+1) Gamma((s+1)/theta') / theta'</li>
 * </ul>
 *
 * <p>Alpha here is a fitted shape (any alpha &gt; 0; the density is infinite at 0 when alpha &lt; 1 and gamma &gt; 0),
 * not the growth exponent 1 - 2/theta of phi_theta. Inverse survival and inverse cdf use a bracketing solver
 * ({@link BracketingNthOrderBrentSolver}) on ln S or ln F, so that both tails keep their relative precision.
 */
public class QThetaDensity extends AbstractRealDistribution {

    private static final long serialVersionUID = 1L;

    private static final double SOLVER_RELATIVE_ACCURACY = 1e-15;
    private static final double SOLVER_ABSOLUTE_ACCURACY = 1e-300;
    private static final int SOLVER_MAX_EVALUATIONS = 500;

    private final double theta;
    private final double thetaPrime;
    private final double alpha;
    private final double lambda1;
    private final double lambda2;
    private final double gamma;
    private final double densityAtZero;
    /** Mass of the second term, c0 lambda2 Gamma(1 + 1/theta') = 1 - gamma. */
    private final double secondMass;

    /**
     * @param theta   weight shape, &gt; 2
     * @param alpha   shape of the first (Weibull) term, &gt; 0
     * @param lambda1 scale of the first term, &gt; 0
     * @param lambda2 scale of the second term, in (0, maxLambda2(theta)]
     */
    public QThetaDensity(double theta, double alpha, double lambda1, double lambda2) {
        this(new Well19937c(), theta, alpha, lambda1, lambda2);
    }

    /**
     * @param rng     random generator for {@link #sample()}
     * @param theta   weight shape, &gt; 2
     * @param alpha   shape of the first (Weibull) term, &gt; 0
     * @param lambda1 scale of the first term, &gt; 0
     * @param lambda2 scale of the second term, in (0, maxLambda2(theta)]
     */
    public QThetaDensity(RandomGenerator rng, double theta, double alpha, double lambda1, double lambda2) {
        super(rng);
        this.theta = Theta.requireValid(theta);
        requirePositive(alpha);
        requirePositive(lambda1);
        requirePositive(lambda2);
        double max = maxLambda2(theta);
        if (lambda2 > max) {
            throw new OutOfRangeException(lambda2, 0, max);
        }
        this.thetaPrime = Theta.thetaPrime(theta);
        this.alpha = alpha;
        this.lambda1 = lambda1;
        this.lambda2 = lambda2;
        this.densityAtZero = densityAtZero(theta);
        this.secondMass = densityAtZero * lambda2 * Gamma.gamma(1 + 1 / thetaPrime);
        this.gamma = FastMath.max(0.0, 1.0 - secondMass);
    }

    private static void requirePositive(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new NotStrictlyPositiveException(v);
        }
    }

    /**
     * The exact density of |Y| at 0: sqrt(2/pi) / Gamma(1 - 1/theta).
     *
     * @param theta weight shape, &gt; 2
     * @return c0
     */
    public static double densityAtZero(double theta) {
        Theta.requireValid(theta);
        return FastMath.sqrt(2 / FastMath.PI) / Gamma.gamma(1 - 1 / theta);
    }

    /**
     * The largest lambda2 with gamma &ge; 0: 1 / (c0 Gamma(1 + 1/theta')).
     *
     * @param theta weight shape, &gt; 2
     * @return the bound on lambda2
     */
    public static double maxLambda2(double theta) {
        return 1.0 / (densityAtZero(theta) * Gamma.gamma(1 + 1 / Theta.thetaPrime(theta)));
    }

    /**
     * gamma = 1 - c0 lambda2 Gamma(1 + 1/theta'), the weight that makes the density integrate to 1.
     *
     * @param theta   weight shape, &gt; 2
     * @param lambda2 scale of the second term
     * @return gamma
     */
    public static double normalizingGamma(double theta, double lambda2) {
        return 1.0 - densityAtZero(theta) * lambda2 * Gamma.gamma(1 + 1 / Theta.thetaPrime(theta));
    }

    public double getTheta() {
        return theta;
    }

    /** @return theta' = 2 theta / (theta - 2) */
    public double getThetaPrime() {
        return thetaPrime;
    }

    public double getAlpha() {
        return alpha;
    }

    public double getLambda1() {
        return lambda1;
    }

    public double getLambda2() {
        return lambda2;
    }

    /** @return gamma, the weight of the first term (normalising) */
    public double getGamma() {
        return gamma;
    }

    @Override
    public double density(double y) {
        if (Double.isNaN(y)) {
            return Double.NaN;
        }
        if (y < 0) {
            return 0.0;
        }
        double second = densityAtZero * FastMath.exp(-FastMath.pow(y / lambda2, thetaPrime));
        if (gamma == 0) {
            return second;
        }
        if (y == 0) {
            if (alpha < 1) {
                return Double.POSITIVE_INFINITY;
            }
            return second + (alpha == 1 ? gamma / lambda1 : 0.0);
        }
        double r = y / lambda1;
        double rPow = FastMath.pow(r, alpha);
        return gamma * alpha / lambda1 * rPow / r * FastMath.exp(-rPow) + second;
    }

    /**
     * P(|Y| &gt; y), accurate in relative terms far into the tail.
     *
     * @param y threshold
     * @return S(y)
     */
    public double survival(double y) {
        if (Double.isNaN(y)) {
            return Double.NaN;
        }
        if (y <= 0) {
            return 1.0;
        }
        double first = gamma == 0 ? 0.0 : gamma * FastMath.exp(-FastMath.pow(y / lambda1, alpha));
        double x = FastMath.pow(y / lambda2, thetaPrime);
        return first + secondMass * Gamma.regularizedGammaQ(1 / thetaPrime, x);
    }

    /**
     * P(|Y| &le; y), accurate in relative terms near 0.
     *
     * @param y threshold
     * @return F(y)
     */
    @Override
    public double cumulativeProbability(double y) {
        if (Double.isNaN(y)) {
            return Double.NaN;
        }
        if (y <= 0) {
            return 0.0;
        }
        double first = gamma == 0 ? 0.0 : -gamma * FastMath.expm1(-FastMath.pow(y / lambda1, alpha));
        double x = FastMath.pow(y / lambda2, thetaPrime);
        return first + secondMass * Gamma.regularizedGammaP(1 / thetaPrime, x);
    }

    /**
     * The y with S(y) = q.
     *
     * @param q survival probability in [0, 1]
     * @return S^{-1}(q): 0 for q = 1, +infinity for q = 0
     */
    public double inverseSurvival(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new OutOfRangeException(q, 0, 1);
        }
        if (q == 1) {
            return 0.0;
        }
        if (q == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (q > 0.5) {
            return inverseCumulativeProbability(1 - q);
        }
        double logQ = FastMath.log(q);
        return solve(y -> logQ - FastMath.log(survival(y)), q);
    }

    /**
     * The y with F(y) = p.
     *
     * @param p probability in [0, 1]
     * @return F^{-1}(p): 0 for p = 0, +infinity for p = 1
     */
    @Override
    public double inverseCumulativeProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new OutOfRangeException(p, 0, 1);
        }
        if (p == 0) {
            return 0.0;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p > 0.5) {
            return inverseSurvival(1 - p);
        }
        double logP = FastMath.log(p);
        return solve(y -> FastMath.log(cumulativeProbability(y)) - logP, p);
    }

    /** Root of an increasing function of y on (0, infinity), bracketed by doubling. */
    private double solve(UnivariateFunction increasing, double probability) {
        double lo = 0;
        double hi = FastMath.max(lambda1, lambda2);
        while (!(increasing.value(hi) >= 0)) {
            lo = hi;
            hi *= 2;
            if (hi > 1e300) {
                throw new IllegalStateException("cannot bracket the quantile of probability " + probability);
            }
        }
        if (lo == 0) {
            // shrink towards 0 so that tiny quantiles keep relative precision
            double a = hi;
            while (a > 1e-300 && increasing.value(a / 2) > 0) {
                a /= 2;
            }
            lo = a / 2;
            hi = a;
            if (!(increasing.value(lo) <= 0)) {
                return lo;
            }
        }
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(SOLVER_RELATIVE_ACCURACY,
                SOLVER_ABSOLUTE_ACCURACY, 1e-16, 5);
        return solver.solve(SOLVER_MAX_EVALUATIONS, increasing, lo, hi, AllowedSolution.ANY_SIDE);
    }

    /**
     * E|Y|^s = gamma lambda1^s Gamma(1 + s/alpha) + c0 lambda2^(s+1) Gamma((s+1)/theta') / theta'.
     *
     * @param s order, &gt; max(-1, -alpha)
     * @return the absolute moment of order s
     */
    public double absoluteMoment(double s) {
        if (!(s > -1) || (gamma > 0 && !(s > -alpha))) {
            throw new IllegalArgumentException("absolute moment of order " + s + " is infinite");
        }
        double first = gamma == 0 ? 0.0 : gamma * FastMath.pow(lambda1, s) * Gamma.gamma(1 + s / alpha);
        return first + densityAtZero * FastMath.pow(lambda2, s + 1) * Gamma.gamma((s + 1) / thetaPrime) / thetaPrime;
    }

    @Override
    public double getNumericalMean() {
        return absoluteMoment(1);
    }

    @Override
    public double getNumericalVariance() {
        double m = absoluteMoment(1);
        return absoluteMoment(2) - m * m;
    }

    @Override
    public double getSupportLowerBound() {
        return 0;
    }

    @Override
    public double getSupportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean isSupportLowerBoundInclusive() {
        return true;
    }

    @Override
    public boolean isSupportUpperBoundInclusive() {
        return false;
    }

    @Override
    public boolean isSupportConnected() {
        return true;
    }

    @Override
    public String toString() {
        return "QThetaDensity{theta=" + theta + ", alpha=" + alpha + ", lambda1=" + lambda1 + ", lambda2=" + lambda2
                + ", gamma=" + gamma + "}";
    }
}
