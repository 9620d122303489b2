package org.phitheta.activation;

import org.apache.commons.math3.util.FastMath;

/**
 * The odd family phi_o(x) = a tanh(b x) ((|x| + c)^alpha + d) (ln(|x| + f) + g), alpha = 1 - 2/theta.
 *
 * <p>Derivative (product rule, with u = |x|, t = tanh(b x), tanh(b x) sgn(x) = |t|):
 * phi_o'(x) = a [ b (1 - t^2) P L + |t| (alpha (u + c)^(alpha - 1) L + P / (u + f)) ], where
 * P = (u + c)^alpha + d and L = ln(u + f) + g. It is continuous at 0, where phi_o'(0) = a b (c^alpha + d)(ln f + g).
 */
public final class OddPhiThetaFunction implements PhiThetaFunction {

    /** Beyond this magnitude the derivative is evaluated at the clamp: its limit is 0 and this avoids 0 * inf. */
    static final double DERIVATIVE_CLAMP = 1e30;

    private final PhiThetaParameters parameters;
    private final double alpha;

    /**
     * @param parameters parameters of the odd variant
     */
    public OddPhiThetaFunction(PhiThetaParameters parameters) {
        if (parameters.getVariant() != PhiThetaVariant.ODD) {
            throw new IllegalArgumentException("OddPhiThetaFunction needs odd parameters, got " + parameters.getVariant().label());
        }
        this.parameters = parameters;
        this.alpha = parameters.alpha();
    }

    @Override
    public PhiThetaParameters parameters() {
        return parameters;
    }

    @Override
    public double value(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double u = FastMath.abs(x);
        double p = FastMath.pow(u + parameters.getC(), alpha) + parameters.getD();
        double l = FastMath.log(u + parameters.getF()) + parameters.getG();
        return parameters.getA() * FastMath.tanh(parameters.getB() * x) * p * l;
    }

    @Override
    public double derivative(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Double.isInfinite(x)) {
            return 0.0; // the limit: phi grows like |x|^alpha ln|x| with alpha < 1
        }
        double u = FastMath.min(FastMath.abs(x), DERIVATIVE_CLAMP);
        double t = FastMath.tanh(parameters.getB() * u);
        double shifted = u + parameters.getC();
        double shiftedPow = FastMath.pow(shifted, alpha);
        double p = shiftedPow + parameters.getD();
        double logArg = u + parameters.getF();
        double l = FastMath.log(logArg) + parameters.getG();
        double sech2 = 1.0 - t * t;
        return parameters.getA() * (parameters.getB() * sech2 * p * l + t * (alpha * shiftedPow / shifted * l + p / logArg));
    }

    @Override
    public String toString() {
        return "phi_odd(theta=" + parameters.getTheta() + ")";
    }
}
