package org.phitheta.init;

import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.phitheta.distribution.SymmetricWeibullDistribution;
import org.phitheta.distribution.Theta;

import java.util.Objects;

/**
 * Weight initialization W_ij ~ sigma_w * W(theta, 1) / sqrt(fanIn), the weight law paired with phi_theta.
 *
 * <p>W(theta, 1) is the symmetric Weibull law ({@link SymmetricWeibullDistribution}): |W| = (-ln U)^(1/theta) with U
 * uniform in (0, 1] and an independent fair sign; E W^2 = Gamma(1 + 2/theta). With {@code unitVariance} the draws are
 * divided by sqrt(Gamma(1 + 2/theta)) so that the weights have variance sigma_w^2 / fanIn (the paper's recipe keeps
 * the raw law: the unit-variance option is for comparisons with variance-matched Gaussian initialisations).
 *
 * <p>Draws come from ND4J's random generator, so {@code NeuralNetConfiguration.Builder().seed(...)} makes them
 * reproducible. For a convolution layer DL4J passes fanIn = input channels x kernel area.
 */
public final class WeibullInit implements IWeightInit {

    private static final long serialVersionUID = 1L;

    @JsonProperty("theta")
    private final double theta;
    @JsonProperty("sigmaW")
    private final double sigmaW;
    @JsonProperty("unitVariance")
    private final boolean unitVariance;

    /**
     * W(theta, 1) / sqrt(fanIn).
     *
     * @param theta weight shape, &gt; 2
     */
    public WeibullInit(double theta) {
        this(theta, 1.0, false);
    }

    /**
     * sigma_w * W(theta, 1) / sqrt(fanIn), optionally rescaled to unit variance before sigma_w.
     *
     * @param theta        weight shape, &gt; 2
     * @param sigmaW       extra scale, finite and &gt; 0
     * @param unitVariance divide by sqrt(Gamma(1 + 2/theta)) so that E W^2 = sigma_w^2 / fanIn
     */
    @JsonCreator
    public WeibullInit(@JsonProperty("theta") double theta, @JsonProperty("sigmaW") double sigmaW,
                       @JsonProperty("unitVariance") boolean unitVariance) {
        Theta.requireValid(theta);
        if (!(sigmaW > 0) || Double.isInfinite(sigmaW)) {
            throw new IllegalArgumentException("sigmaW must be a finite number > 0 (got " + sigmaW + ")");
        }
        this.theta = theta;
        this.sigmaW = sigmaW;
        this.unitVariance = unitVariance;
    }

    public double getTheta() {
        return theta;
    }

    public double getSigmaW() {
        return sigmaW;
    }

    public boolean isUnitVariance() {
        return unitVariance;
    }

    /** @return the factor applied to W(theta, 1) draws before dividing by sqrt(fanIn) */
    public double scale() {
        double s = sigmaW;
        if (unitVariance) {
            s /= Math.sqrt(new SymmetricWeibullDistribution(theta).getNumericalVariance());
        }
        return s;
    }

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        if (!(fanIn > 0)) {
            throw new IllegalArgumentException("WeibullInit needs fanIn > 0 (got " + fanIn + ")");
        }
        // |W| = (-ln U)^(1/theta), U in (0, 1]: draw V uniform in [0, 1), U = 1 - V.
        INDArray magnitude = Nd4j.rand(paramView.dataType(), paramView.shape()).rsubi(1.0);
        Transforms.pow(Transforms.log(magnitude, false).negi(), 1.0 / theta, false);
        // independent fair sign: 2 * Bernoulli(1/2) - 1
        INDArray sign = Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution(
                Nd4j.createUninitialized(paramView.dataType(), paramView.shape()), 0.5));
        sign.muli(2.0).subi(1.0);
        paramView.assign(magnitude.muli(sign).muli(scale() / Math.sqrt(fanIn)));
        return paramView.reshape(order, shape);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WeibullInit)) {
            return false;
        }
        WeibullInit w = (WeibullInit) o;
        return Double.compare(theta, w.theta) == 0 && Double.compare(sigmaW, w.sigmaW) == 0 && unitVariance == w.unitVariance;
    }

    @Override
    public int hashCode() {
        return Objects.hash(theta, sigmaW, unitVariance);
    }

    @Override
    public String toString() {
        return "WeibullInit(theta=" + theta + ", sigmaW=" + sigmaW + (unitVariance ? ", unitVariance" : "") + ")";
    }
}
