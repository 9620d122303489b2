package org.phitheta.activation;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.phitheta.catalog.PhiThetaCatalog;

import java.util.Objects;

/**
 * The phi_theta activation for Deeplearning4j (Wolinski and Arbel, TMLR 2025): paired with weights
 * W(theta, 1) / sqrt(fanIn) ({@link org.phitheta.init.WeibullInit}), it keeps pre-activations N(0, 1) layer after
 * layer, because W phi_theta(X) ~ N(0, 1) when X ~ N(0, 1).
 *
 * <ul>
 * <li>odd: phi_o(x) = a tanh(b x) ((|x| + c)^alpha + d) (ln(|x| + f) + g)</li>
 * <li>positive: phi_p(x) = a sigmoid(b x + h) ((softplus(x) + c)^alpha + d) (ln(softplus(x) + f) + g)</li>
 * </ul>
 * with alpha = 1 - 2/theta. Immutable and serializable: its JSON/YAML form carries variant, theta and every parameter,
 * and deserialization checks them ({@link PhiThetaParameters}).
 *
 * <p>Forward and backward work in place on the pre-activation array where DL4J allows it, with a few temporaries of
 * the same shape (allocated in the current workspace). Values of |x| are clamped at 1e30 in the derivative only, where
 * the limit is 0 and the product rule would otherwise meet 0 * infinity.
 */
public final class PhiThetaActivation extends BaseActivationFunction {

    private static final long serialVersionUID = 1L;

    private static final double SOFTPLUS_LINEAR_FROM = 36.0;

    @JsonProperty("variant")
    private final PhiThetaVariant variant;
    @JsonProperty("theta")
    private final double theta;
    @JsonProperty("a")
    private final double a;
    @JsonProperty("b")
    private final double b;
    @JsonProperty("c")
    private final double c;
    @JsonProperty("d")
    private final double d;
    @JsonProperty("f")
    private final double f;
    @JsonProperty("g")
    private final double g;
    @JsonProperty("h")
    private final double h;

    /**
     * An activation from explicit, checked parameters.
     *
     * @param parameters the closed-form parameters
     */
    public PhiThetaActivation(PhiThetaParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        this.variant = parameters.getVariant();
        this.theta = parameters.getTheta();
        this.a = parameters.getA();
        this.b = parameters.getB();
        this.c = parameters.getC();
        this.d = parameters.getD();
        this.f = parameters.getF();
        this.g = parameters.getG();
        this.h = parameters.getH();
    }

    /**
     * JSON/YAML creator: rebuilds and re-checks the parameters. Every parameter must be present (h only for the
     * positive variant): a missing one is an error naming it, never a silent 0.
     */
    @JsonCreator
    static PhiThetaActivation fromJson(@JsonProperty("variant") PhiThetaVariant variant,
                                       @JsonProperty("theta") Double theta,
                                       @JsonProperty("a") Double a, @JsonProperty("b") Double b,
                                       @JsonProperty("c") Double c, @JsonProperty("d") Double d,
                                       @JsonProperty("f") Double f, @JsonProperty("g") Double g,
                                       @JsonProperty("h") Double h) {
        if (variant == null) {
            throw new IllegalArgumentException("phi_theta activation: missing \"variant\" (odd or positive)");
        }
        return new PhiThetaActivation(PhiThetaParameters.builder().variant(variant)
                .theta(required("theta", theta, variant)).a(required("a", a, variant)).b(required("b", b, variant))
                .c(required("c", c, variant)).d(required("d", d, variant)).f(required("f", f, variant))
                .g(required("g", g, variant))
                .h(variant == PhiThetaVariant.POSITIVE ? required("h", h, variant) : h == null ? 0.0 : h).build());
    }

    private static double required(String name, Double value, PhiThetaVariant variant) {
        if (value == null) {
            throw new IllegalArgumentException("phi_theta activation (" + variant.label() + "): missing parameter \""
                    + name + "\"");
        }
        return value;
    }

    /**
     * The odd phi_theta for this theta, from the default catalog.
     *
     * @param theta weight shape, &gt; 2
     * @return the activation
     */
    public static PhiThetaActivation odd(double theta) {
        return new PhiThetaActivation(PhiThetaCatalog.getDefault().parameters(theta, PhiThetaVariant.ODD));
    }

    /**
     * The positive phi_theta for this theta, from the default catalog.
     *
     * @param theta weight shape, &gt; 2
     * @return the activation
     */
    public static PhiThetaActivation positive(double theta) {
        return new PhiThetaActivation(PhiThetaCatalog.getDefault().parameters(theta, PhiThetaVariant.POSITIVE));
    }

    /** @return the parameters of this activation */
    public PhiThetaParameters parameters() {
        return PhiThetaParameters.builder().variant(variant).theta(theta).a(a).b(b).c(c).d(d).f(f).g(g).h(h).build();
    }

    public PhiThetaVariant getVariant() {
        return variant;
    }

    public double getTheta() {
        return theta;
    }

    private double alpha() {
        return 1.0 - 2.0 / theta;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return variant == PhiThetaVariant.ODD ? oddForward(in) : positiveForward(in);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        INDArray dLdz = variant == PhiThetaVariant.ODD ? oddDerivative(in) : positiveDerivative(in);
        dLdz.muli(epsilon);
        return new Pair<>(dLdz, null);
    }

    /** phi_o in place: tanh(b x) * ((|x| + c)^alpha + d) * (ln(|x| + f) + g) * a. */
    private INDArray oddForward(INDArray x) {
        INDArray t = Transforms.tanh(x.mul(b), false).muli(a);
        Transforms.abs(x, false);
        INDArray p = Transforms.pow(x.add(c), alpha(), false).addi(d);
        Transforms.log(x.addi(f), false).addi(g);
        return x.muli(p).muli(t);
    }

    /**
     * phi_o'(x) = a [ b (1 - t^2) P L + t (alpha (u + c)^(alpha - 1) L + P / (u + f)) ], u = |x|, t = tanh(b u).
     * Overwrites x; returns a new array.
     */
    private INDArray oddDerivative(INDArray x) {
        INDArray u = Transforms.min(Transforms.abs(x, false), OddPhiThetaFunction.DERIVATIVE_CLAMP, false);
        INDArray t = Transforms.tanh(u.mul(b), false);
        return productRule(u, t.mul(t).rsubi(1.0).muli(b), t);
    }

    /** phi_p in place, with an overflow-free softplus. */
    private INDArray positiveForward(INDArray x) {
        double max = x.maxNumber().doubleValue();
        INDArray s = Transforms.sigmoid(x.mul(b).addi(h), false).muli(a);
        softplusInPlace(x, max);
        INDArray p = Transforms.pow(x.add(c), alpha(), false).addi(d);
        Transforms.log(x.addi(f), false).addi(g);
        return x.muli(p).muli(s);
    }

    /**
     * phi_p'(x) = a [ b s (1 - s) P L + s sigmoid(x) (alpha (u + c)^(alpha - 1) L + P / (u + f)) ],
     * s = sigmoid(b x + h), u = softplus(x). Overwrites x; returns a new array.
     */
    private INDArray positiveDerivative(INDArray x) {
        // only +infinity needs the clamp: at -infinity every factor has a finite limit
        double max = x.maxNumber().doubleValue();
        if (!(max <= OddPhiThetaFunction.DERIVATIVE_CLAMP)) {
            Transforms.min(x, OddPhiThetaFunction.DERIVATIVE_CLAMP, false);
        }
        INDArray s = Transforms.sigmoid(x.mul(b).addi(h), false);
        INDArray chainFactor = Transforms.sigmoid(x, true).muli(s);
        INDArray outerDerivative = s.rsub(1.0).muli(s).muli(b);
        softplusInPlace(x, max);
        return productRule(x, outerDerivative, chainFactor);
    }

    /**
     * The shared product rule of both families: with u the inner variable (|x| or softplus(x)),
     * P = (u + c)^alpha + d, L = ln(u + f) + g, returns a * [ outerDerivative * P * L + chainFactor * (P' L + P / (u + f)) ].
     * Overwrites u; returns outerDerivative, reused as the output.
     */
    private INDArray productRule(INDArray u, INDArray outerDerivative, INDArray chainFactor) {
        double alpha = alpha();
        INDArray shifted = u.add(c);
        INDArray p = Transforms.pow(shifted, alpha, true);
        INDArray pPrime = shifted.rdivi(p).muli(alpha);       // alpha (u + c)^alpha / (u + c)
        p.addi(d);                                             // P
        u.addi(f);                                             // u + f
        INDArray l = Transforms.log(u, true).addi(g);          // L
        u.rdivi(p);                                            // P / (u + f)
        pPrime.muli(l).addi(u).muli(chainFactor);              // chainFactor (P' L + P / (u + f))
        outerDerivative.muli(p).muli(l).addi(pPrime).muli(a);
        return outerDerivative;
    }

    /**
     * softplus(x) = ln(1 + e^min(x, 36)) + max(x - 36, 0), in place: ND4J's own softplus overflows to infinity
     * beyond x = 88 (float) or 709 (double); past 36, ln(1 + e^-x) &lt; 3e-16 is below double precision relative to x.
     * When no element exceeds 36 ({@code max}, the array's maximum, computed by the caller) ND4J's softplus is exact.
     */
    private static void softplusInPlace(INDArray x, double max) {
        if (max <= SOFTPLUS_LINEAR_FROM) {
            // the usual case: one pass (the comparison is false for NaN, which takes the general path)
            Transforms.softPlus(x, false);
            return;
        }
        INDArray head = Transforms.softPlus(Transforms.min(x, SOFTPLUS_LINEAR_FROM, true), false);
        Transforms.relu(x.subi(SOFTPLUS_LINEAR_FROM), false).addi(head);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PhiThetaActivation)) {
            return false;
        }
        return parameters().equals(((PhiThetaActivation) o).parameters());
    }

    @Override
    public int hashCode() {
        return parameters().hashCode();
    }

    @Override
    public String toString() {
        return "phitheta(" + variant.label() + ", theta=" + theta + ")";
    }
}
