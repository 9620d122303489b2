package org.phitheta.activation;

import org.apache.commons.math3.util.FastMath;

/**
 * The positive family phi_p(x) = a sigmoid(b x + h) ((softplus(x) + c)^alpha + d) (ln(softplus(x) + f) + g),
 * alpha = 1 - 2/theta, softplus(x) = ln(1 + e^x).
 *
 * <p>Derivative (product rule, with s = sigmoid(b x + h), u = softplus(x), u' = sigmoid(x)):
 * phi_p'(x) = a [ b s (1 - s) P L + s u' (alpha (u + c)^(alpha - 1) L + P / (u + f)) ], where
 * P = (u + c)^alpha + d and L = ln(u + f) + g.
 */
public final class PositivePhiThetaFunction implements PhiThetaFunction {

    private final PhiThetaParameters parameters;
    private final double alpha;

    /**
     * @param parameters parameters of the positive variant
     */
    public PositivePhiThetaFunction(PhiThetaParameters parameters) {
        if (parameters.getVariant() != PhiThetaVariant.POSITIVE) {
            throw new IllegalArgumentException("PositivePhiThetaFunction needs positive parameters, got "
                    + parameters.getVariant().label());
        }
        this.parameters = parameters;
        this.alpha = parameters.alpha();
    }

    @Override
    public PhiThetaParameters parameters() {
        return parameters;
    }

    /**
     * Overflow-free softplus: max(x, 0) + ln(1 + e^-|x|).
     *
     * @param x input
     * @return ln(1 + e^x)
     */
    static double softplus(double x) {
        return FastMath.max(x, 0.0) + FastMath.log1p(FastMath.exp(-FastMath.abs(x)));
    }

    /**
     * Overflow-free logistic function.
     *
     * @param x input
     * @return 1 / (1 + e^-x)
     */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + FastMath.exp(-x));
        }
        double e = FastMath.exp(x);
        return e / (1.0 + e);
    }

    @Override
    public double value(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double u = softplus(x);
        double p = FastMath.pow(u + parameters.getC(), alpha) + parameters.getD();
        double l = FastMath.log(u + parameters.getF()) + parameters.getG();
        return parameters.getA() * sigmoid(parameters.getB() * x + parameters.getH()) * p * l;
    }

    @Override
    public double derivative(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Double.isInfinite(x)) {
            return 0.0; // the limit: phi grows like |x|^alpha ln|x| with alpha < 1
        }
        double xc = FastMath.max(-OddPhiThetaFunction.DERIVATIVE_CLAMP, FastMath.min(x, OddPhiThetaFunction.DERIVATIVE_CLAMP));
        double s = sigmoid(parameters.getB() * xc + parameters.getH());
        double u = softplus(xc);
        double du = sigmoid(xc);
        double shifted = u + parameters.getC();
        double shiftedPow = FastMath.pow(shifted, alpha);
        double p = shiftedPow + parameters.getD();
        double logArg = u + parameters.getF();
        double l = FastMath.log(logArg) + parameters.getG();
        return parameters.getA() * (parameters.getB() * s * (1 - s) * p * l
                + s * du * (alpha * shiftedPow / shifted * l + p / logArg));
    }

    @Override
    public String toString() {
        return "phi_positive(theta=" + parameters.getTheta() + ")";
    }
}
