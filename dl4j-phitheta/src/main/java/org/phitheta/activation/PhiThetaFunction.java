package org.phitheta.activation;

import org.apache.commons.math3.analysis.UnivariateFunction;

/**
 * A closed-form phi_theta evaluated on doubles, with its exact first derivative.
 *
 * <p>Numerically safe: a finite input never gives NaN; x = +-infinity gives the limit (a correctly signed infinity
 * or 0 for the value, 0 for the derivative); NaN gives NaN.
 */
public interface PhiThetaFunction extends UnivariateFunction {

    /** @return the parameters of this function */
    PhiThetaParameters parameters();

    /**
     * @param x input
     * @return phi_theta(x)
     */
    @Override
    double value(double x);

    /**
     * @param x input
     * @return d phi_theta / dx at x
     */
    double derivative(double x);

    /** @return the weight shape theta this activation is paired with */
    default double theta() {
        return parameters().getTheta();
    }

    /** @return the family */
    default PhiThetaVariant variant() {
        return parameters().getVariant();
    }
}
