package org.phitheta.experiment;

import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.phitheta.activation.PhiThetaActivation;
import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.init.WeibullInit;

import java.util.Locale;
import java.util.Objects;

/**
 * An activation together with its initialization recipe, as the experiments compare them.
 *
 * <ul>
 * <li>phi_theta (odd or positive): first layer N(0, 1/fanIn) weights, later layers W(theta, 1)/sqrt(fanIn), no bias
 * (the paper's recipe, {@link org.phitheta.network.PhiThetaMlp});</li>
 * <li>tanh: N(0, 1.46/fanIn) weights and N(0, 0.013) biases in every layer (the paper's baseline, an edge-of-chaos
 * point);</li>
 * <li>ReLU: He init, N(0, 2/fanIn) weights, no bias;</li>
 * <li>SELU: LeCun-normal init, N(0, 1/fanIn) weights, no bias.</li>
 * </ul>
 */
public final class ActivationSpec {

    /** The families. */
    public enum Kind {
        ODD("odd"), POSITIVE("positive"), TANH("tanh"), RELU("relu"), SELU("selu");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return the name used on the command line and in files */
        public String label() {
            return label;
        }

        /** @return true for the two phi_theta families */
        public boolean isPhiTheta() {
            return this == ODD || this == POSITIVE;
        }

        /**
         * @param name a name (case-insensitive)
         * @return the kind
         * @throws IllegalArgumentException naming the accepted names
         */
        public static Kind parse(String name) {
            for (Kind k : values()) {
                if (k.label.equalsIgnoreCase(name.trim())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown activation '" + name.trim()
                    + "': expected odd, positive, tanh, relu or selu");
        }
    }

    /** tanh baseline weight variance sigma_w^2 (times 1/fanIn). */
    public static final double TANH_SIGMA_W2 = 1.46;
    /** tanh baseline bias variance sigma_b^2. */
    public static final double TANH_SIGMA_B2 = 0.013;

    private final Kind kind;
    private final PhiThetaParameters parameters;
    private final String provenance;

    private ActivationSpec(Kind kind, PhiThetaParameters parameters, String provenance) {
        this.kind = kind;
        this.parameters = parameters;
        this.provenance = provenance;
    }

    /**
     * @param parameters phi_theta parameters
     * @param provenance where they come from
     * @return the phi_theta recipe
     */
    public static ActivationSpec phiTheta(PhiThetaParameters parameters, String provenance) {
        Objects.requireNonNull(parameters, "parameters");
        return new ActivationSpec(parameters.getVariant() == PhiThetaVariant.ODD ? Kind.ODD : Kind.POSITIVE,
                parameters, provenance);
    }

    /**
     * @param kind tanh, relu or selu
     * @return the baseline recipe
     */
    public static ActivationSpec baseline(Kind kind) {
        if (kind.isPhiTheta()) {
            throw new IllegalArgumentException(kind.label() + " needs parameters");
        }
        return new ActivationSpec(kind, null, "baseline");
    }

    public Kind kind() {
        return kind;
    }

    /** @return theta, or NaN for a baseline */
    public double theta() {
        return parameters == null ? Double.NaN : parameters.getTheta();
    }

    /** @return the phi_theta parameters, or null for a baseline */
    public PhiThetaParameters parameters() {
        return parameters;
    }

    public String provenance() {
        return provenance;
    }

    /** @return the label used in CSV files, as in the published table: "odd:3.00", "positive:2.05", "tanh" */
    public String label() {
        return kind.isPhiTheta() ? String.format(Locale.ROOT, "%s:%.2f", kind.label(), theta()) : kind.label();
    }

    /** @return a label for plot legends */
    public String displayName() {
        if (kind.isPhiTheta()) {
            return String.format(Locale.ROOT, "φ %s, θ=%s", kind.label(), trim(theta()));
        }
        switch (kind) {
            case TANH:
                return "tanh (σw²=1.46, σb²=0.013)";
            case RELU:
                return "ReLU (He)";
            default:
                return "SELU (LeCun)";
        }
    }

    /** @return a short legend label */
    public String shortName() {
        return kind.isPhiTheta() ? String.format(Locale.ROOT, "%s θ=%s", kind.label(), trim(theta())) : kind.label();
    }

    static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** @return true when hidden weights (after the first layer) are W(theta, 1), false when Gaussian */
    public boolean weibullWeights() {
        return kind.isPhiTheta();
    }

    /** @return sigma_w^2 of the first layer (weights N(0, sigma_w^2 / fanIn)) */
    public double firstLayerSigmaW2() {
        return kind.isPhiTheta() ? 1.0 : hiddenSigmaW2();
    }

    /** @return sigma_w^2 of the later layers: the scale applied to W(theta,1) (1) or to N(0,1) weights */
    public double hiddenSigmaW2() {
        switch (kind) {
            case TANH:
                return TANH_SIGMA_W2;
            case RELU:
                return 2.0;
            default:
                return 1.0;
        }
    }

    /** @return the bias variance sigma_b^2 (0: no bias) */
    public double sigmaB2() {
        return kind == Kind.TANH ? TANH_SIGMA_B2 : 0.0;
    }

    /** @return a new DL4J activation */
    public IActivation newActivation() {
        switch (kind) {
            case ODD:
            case POSITIVE:
                return new PhiThetaActivation(parameters);
            case TANH:
                return new ActivationTanH();
            case RELU:
                return new ActivationReLU();
            default:
                return new ActivationSELU();
        }
    }

    /**
     * @param fanIn inputs of the layer
     * @return the DL4J weight init of the first layer: N(0, sigma_w^2 / fanIn)
     */
    public IWeightInit firstLayerInit(long fanIn) {
        return gaussian(firstLayerSigmaW2(), fanIn);
    }

    /**
     * @param fanIn inputs of the layer
     * @return the DL4J weight init of the later layers (and of the output layer)
     */
    public IWeightInit hiddenInit(long fanIn) {
        return kind.isPhiTheta() ? new WeibullInit(theta()) : gaussian(hiddenSigmaW2(), fanIn);
    }

    private static IWeightInit gaussian(double sigma2, long fanIn) {
        return new WeightInitDistribution(new NormalDistribution(0, Math.sqrt(sigma2 / fanIn)));
    }

    @Override
    public String toString() {
        return label();
    }
}
