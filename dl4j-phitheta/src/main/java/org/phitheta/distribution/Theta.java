package org.phitheta.distribution;

/**
 * The shape parameter theta of the weight law W(theta, 1), and the checks every entry point of the library applies
 * to it.
 *
 * <p>The law Q_theta of Y with W * Y ~ N(0, 1) exists for theta &ge; 2; the fitted activation families need the
 * dual exponent theta' = 2 theta / (theta - 2) finite, so the library accepts exactly the open range
 * theta &gt; 2 (finite). See MATH.md, "Which theta are allowed".
 */
public final class Theta {

    /** Human-readable statement of the allowed range, used in every error message. */
    public static final String ALLOWED_RANGE = "theta must be a finite number > 2";

    private Theta() {
    }

    /**
     * Checks that theta is in the allowed range.
     *
     * @param theta the shape parameter
     * @return theta, for chaining
     * @throws IllegalArgumentException if theta &le; 2, NaN or infinite
     */
    public static double requireValid(double theta) {
        if (Double.isNaN(theta) || Double.isInfinite(theta) || theta <= 2.0) {
            throw new IllegalArgumentException(ALLOWED_RANGE + " (got " + theta + ")");
        }
        return theta;
    }

    /**
     * The tail exponent of Q_theta: 1/2 = 1/theta + 1/theta', i.e. theta' = 2 theta / (theta - 2).
     *
     * @param theta the shape parameter, &gt; 2
     * @return theta'
     */
    public static double thetaPrime(double theta) {
        requireValid(theta);
        return 2.0 * theta / (theta - 2.0);
    }

    /**
     * The growth exponent of phi_theta: alpha = 1 - 2 / theta.
     *
     * @param theta the shape parameter, &gt; 2
     * @return alpha in (0, 1)
     */
    public static double growthExponent(double theta) {
        requireValid(theta);
        return 1.0 - 2.0 / theta;
    }

    /**
     * E[phi(X)^2] = E[Y^2] = 1 / Gamma(1 + 2 / theta), the exact second moment any fitted phi_theta must have.
     *
     * @param theta the shape parameter, &gt; 2
     * @return the target second moment
     */
    public static double targetSecondMoment(double theta) {
        requireValid(theta);
        return 1.0 / org.apache.commons.math3.special.Gamma.gamma(1.0 + 2.0 / theta);
    }
}
