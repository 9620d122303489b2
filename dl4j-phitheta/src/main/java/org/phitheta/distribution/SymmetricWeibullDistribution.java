package org.phitheta.distribution;

import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.exception.NotStrictlyPositiveException;
import org.apache.commons.math3.exception.OutOfRangeException;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.FastMath;

/**
 * The symmetric Weibull law W(theta, sigma): |W| is Weibull with shape theta and scale sigma, and the sign of W is an
 * independent fair coin.
 *
 * <ul>
 * <li>density: f(t) = theta / (2 sigma) * (|t|/sigma)^(theta-1) * exp(-(|t|/sigma)^theta)</li>
 * <li>cdf: F(t) = 1/2 + 1/2 * sgn(t) * (1 - exp(-(|t|/sigma)^theta))</li>
 * <li>survival of |W|: P(|W| &gt; t) = exp(-(t/sigma)^theta)</li>
 * <li>absolute moments: E|W|^s = sigma^s * Gamma(1 + s/theta); mean 0, variance sigma^2 Gamma(1 + 2/theta)</li>
 * <li>sampling by inverse transform: |W| = sigma * (-ln U)^(1/theta), U uniform in (0, 1]</li>
 * </ul>
 *
 * <p>Any theta &gt; 0 is a valid law; the phi_theta pairing of the library needs theta &gt; 2 (see {@link Theta}).
 */
public class SymmetricWeibullDistribution extends AbstractRealDistribution {

    private static final long serialVersionUID = 1L;

    private final double theta;
    private final double scale;

    /**
     * W(theta, 1) with a default random generator.
     *
     * @param theta shape, &gt; 0
     */
    public SymmetricWeibullDistribution(double theta) {
        this(new Well19937c(), theta, 1.0);
    }

    /**
     * W(theta, scale).
     *
     * @param rng   random generator used by {@link #sample()}
     * @param theta shape, &gt; 0 and finite
     * @param scale scale sigma, &gt; 0 and finite
     */
    public SymmetricWeibullDistribution(RandomGenerator rng, double theta, double scale) {
        super(rng);
        if (!(theta > 0) || Double.isInfinite(theta)) {
            throw new NotStrictlyPositiveException(theta);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new NotStrictlyPositiveException(scale);
        }
        this.theta = theta;
        this.scale = scale;
    }

    /** @return the shape theta */
    public double getTheta() {
        return theta;
    }

    /** @return the scale sigma */
    public double getScale() {
        return scale;
    }

    @Override
    public double density(double t) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        double u = FastMath.abs(t) / scale;
        if (u == 0) {
            return theta < 1 ? Double.POSITIVE_INFINITY : (theta == 1 ? 0.5 / scale : 0.0);
        }
        if (Double.isInfinite(u)) {
            return 0.0;
        }
        double uPowThetaMinus1 = FastMath.pow(u, theta - 1);
        return theta / (2 * scale) * uPowThetaMinus1 * FastMath.exp(-uPowThetaMinus1 * u);
    }

    /**
     * P(|W| &gt; t) = exp(-(t/sigma)^theta) for t &ge; 0, and 1 for t &lt; 0.
     *
     * @param t threshold
     * @return survival probability of |W|
     */
    public double absoluteSurvival(double t) {
        if (t <= 0) {
            return 1.0;
        }
        return FastMath.exp(-FastMath.pow(t / scale, theta));
    }

    @Override
    public double cumulativeProbability(double t) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        double half = 0.5 * absoluteSurvival(FastMath.abs(t));
        return t >= 0 ? 1.0 - half : half;
    }

    @Override
    public double inverseCumulativeProbability(double p) {
        if (p < 0 || p > 1 || Double.isNaN(p)) {
            throw new OutOfRangeException(p, 0, 1);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p == 0.5) {
            return 0.0;
        }
        // P(|W| > t) = 2 min(p, 1 - p)  =>  t = sigma * (-ln(2 min(p, 1-p)))^(1/theta)
        double tail = 2 * FastMath.min(p, 1 - p);
        double t = scale * FastMath.pow(-FastMath.log(tail), 1.0 / theta);
        return p > 0.5 ? t : -t;
    }

    /**
     * E|W|^s = sigma^s * Gamma(1 + s/theta).
     *
     * @param s order, &gt; -theta
     * @return the absolute moment of order s
     */
    public double absoluteMoment(double s) {
        if (!(s > -theta)) {
            throw new IllegalArgumentException("absolute moment of order " + s + " is infinite: order must be > -theta = " + (-theta));
        }
        return FastMath.pow(scale, s) * Gamma.gamma(1 + s / theta);
    }

    @Override
    public double getNumericalMean() {
        return 0.0;
    }

    @Override
    public double getNumericalVariance() {
        return absoluteMoment(2.0);
    }

    @Override
    public double getSupportLowerBound() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double getSupportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean isSupportLowerBoundInclusive() {
        return false;
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
    public double sample() {
        // Inverse transform on |W| with U in (0, 1], then an independent sign.
        double u = 1.0 - random.nextDouble();
        double magnitude = scale * FastMath.pow(-FastMath.log(u), 1.0 / theta);
        return random.nextBoolean() ? magnitude : -magnitude;
    }
}
