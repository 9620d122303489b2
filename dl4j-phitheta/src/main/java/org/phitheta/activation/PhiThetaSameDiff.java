package org.phitheta.activation;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * phi_theta as a SameDiff function (SDVariable to SDVariable), with the same closed form as
 * {@link PhiThetaActivation}, so that SameDiff users can put it in their own graphs and differentiate through it.
 */
public final class PhiThetaSameDiff {

    private static final double SOFTPLUS_LINEAR_FROM = 30.0;

    private PhiThetaSameDiff() {
    }

    /**
     * Applies phi_theta element-wise.
     *
     * @param sd         the graph
     * @param x          input
     * @param parameters closed-form parameters
     * @return phi_theta(x)
     */
    public static SDVariable apply(SameDiff sd, SDVariable x, PhiThetaParameters parameters) {
        double alpha = parameters.alpha();
        SDVariable outer;
        SDVariable inner;
        if (parameters.getVariant() == PhiThetaVariant.ODD) {
            outer = sd.math.tanh(x.mul(parameters.getB()));
            inner = sd.math.abs(x);
        } else {
            outer = sd.nn.sigmoid(x.mul(parameters.getB()).add(parameters.getH()));
            // overflow-free softplus with a gradient that is sigmoid(x) everywhere, x = 0 included:
            // softplus(x) = ln(1 + e^min(x, 30)) + max(x - 30, 0)  (exact to 1e-13 relative beyond 30)
            SDVariable excess = sd.nn.relu(x.sub(SOFTPLUS_LINEAR_FROM), 0.0);
            inner = sd.math.log1p(sd.math.exp(x.sub(excess))).add(excess);
        }
        SDVariable power = sd.math.pow(inner.add(parameters.getC()), alpha).add(parameters.getD());
        SDVariable logarithm = sd.math.log(inner.add(parameters.getF())).add(parameters.getG());
        return outer.mul(power).mul(logarithm).mul(parameters.getA());
    }
}
