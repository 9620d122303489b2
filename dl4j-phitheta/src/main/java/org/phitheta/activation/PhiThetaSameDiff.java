package org.phitheta.activation;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * phi_theta as a SameDiff function (SDVariable to SDVariable), with the same closed form as
 * {@link PhiThetaActivation}, so that SameDiff users can put it in their own graphs and differentiate through it.
 */
public final class PhiThetaSameDiff {

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
            // overflow-free softplus: relu(x) + ln(1 + e^-|x|)
            inner = sd.nn.relu(x, 0.0).add(sd.math.log1p(sd.math.exp(sd.math.abs(x).neg())));
        }
        SDVariable power = sd.math.pow(inner.add(parameters.getC()), alpha).add(parameters.getD());
        SDVariable logarithm = sd.math.log(inner.add(parameters.getF())).add(parameters.getG());
        return outer.mul(power).mul(logarithm).mul(parameters.getA());
    }
}
