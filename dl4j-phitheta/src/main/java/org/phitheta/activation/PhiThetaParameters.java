package org.phitheta.activation;

import org.apache.commons.math3.util.FastMath;
import org.phitheta.distribution.Theta;

import java.io.Serializable;
import java.util.Objects;

/**
 * Immutable parameters of a closed-form phi_theta, with alpha = 1 - 2/theta fixed by theta.
 *
 * <ul>
 * <li>odd: phi_o(x) = a tanh(b x) ((|x| + c)^alpha + d) (ln(|x| + f) + g)</li>
 * <li>positive: phi_p(x) = a sigmoid(b x + h) ((softplus(x) + c)^alpha + d) (ln(softplus(x) + f) + g)</li>
 * </ul>
 *
 * <p>Checks (in {@link Builder#build()}): theta &gt; 2; every parameter finite; a &gt; 0, b &gt; 0, c &gt; 0, f &gt; 0;
 * c^alpha + d &gt; 0 and ln f + g &gt; 0, so that both factors stay positive for every input (phi keeps the sign of
 * tanh or sigmoid, and never produces NaN from a finite input); h = 0 for the odd variant.
 */
public final class PhiThetaParameters implements Serializable {

    private static final long serialVersionUID = 1L;

    private final PhiThetaVariant variant;
    private final double theta;
    private final double a;
    private final double b;
    private final double c;
    private final double d;
    private final double f;
    private final double g;
    private final double h;

    private PhiThetaParameters(Builder builder) {
        this.variant = Objects.requireNonNull(builder.variant, "variant");
        this.theta = Theta.requireValid(builder.theta);
        this.a = builder.a;
        this.b = builder.b;
        this.c = builder.c;
        this.d = builder.d;
        this.f = builder.f;
        this.g = builder.g;
        this.h = builder.h;
        check();
    }

    private void check() {
        double[] all = {a, b, c, d, f, g, h};
        String[] names = {"a", "b", "c", "d", "f", "g", "h"};
        for (int i = 0; i < all.length; i++) {
            if (!Double.isFinite(all[i])) {
                throw new IllegalArgumentException("phi_theta parameter " + names[i] + " must be finite (got " + all[i] + ")");
            }
        }
        requirePositive("a", a);
        requirePositive("b", b);
        requirePositive("c", c);
        requirePositive("f", f);
        double alpha = alpha();
        if (!(FastMath.pow(c, alpha) + d > 0)) {
            throw new IllegalArgumentException("phi_theta parameters must satisfy c^alpha + d > 0 (got c=" + c + ", d=" + d
                    + ", alpha=" + alpha + ")");
        }
        if (!(FastMath.log(f) + g > 0)) {
            throw new IllegalArgumentException("phi_theta parameters must satisfy ln(f) + g > 0 (got f=" + f + ", g=" + g + ")");
        }
        if (variant == PhiThetaVariant.ODD && h != 0) {
            throw new IllegalArgumentException("the odd phi_theta has no parameter h (got h=" + h + ")");
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("phi_theta parameter " + name + " must be > 0 (got " + value + ")");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder pre-filled with these parameters */
    public Builder toBuilder() {
        return new Builder().variant(variant).theta(theta).a(a).b(b).c(c).d(d).f(f).g(g).h(h);
    }

    /**
     * Parameters from an array in the order (a, b, c, d, f, g) for the odd variant, (a, b, c, d, f, g, h) for the
     * positive one.
     *
     * @param variant the family
     * @param theta   the weight shape
     * @param values  6 or 7 values
     * @return the checked parameters
     */
    public static PhiThetaParameters fromArray(PhiThetaVariant variant, double theta, double[] values) {
        int expected = variant == PhiThetaVariant.ODD ? 6 : 7;
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException("the " + variant.label() + " phi_theta has " + expected
                    + " parameters, got " + (values == null ? "none" : values.length));
        }
        Builder builder = builder().variant(variant).theta(theta)
                .a(values[0]).b(values[1]).c(values[2]).d(values[3]).f(values[4]).g(values[5]);
        if (expected == 7) {
            builder.h(values[6]);
        }
        return builder.build();
    }

    /** @return (a, b, c, d, f, g) or (a, b, c, d, f, g, h), matching {@link #fromArray} */
    public double[] toArray() {
        return variant == PhiThetaVariant.ODD ? new double[]{a, b, c, d, f, g} : new double[]{a, b, c, d, f, g, h};
    }

    /** @return a scalar function evaluating phi_theta and its derivative */
    public PhiThetaFunction function() {
        return variant == PhiThetaVariant.ODD ? new OddPhiThetaFunction(this) : new PositivePhiThetaFunction(this);
    }

    public PhiThetaVariant getVariant() {
        return variant;
    }

    public double getTheta() {
        return theta;
    }

    /** @return alpha = 1 - 2 / theta */
    public double alpha() {
        return 1.0 - 2.0 / theta;
    }

    public double getA() {
        return a;
    }

    public double getB() {
        return b;
    }

    public double getC() {
        return c;
    }

    public double getD() {
        return d;
    }

    public double getF() {
        return f;
    }

    public double getG() {
        return g;
    }

    public double getH() {
        return h;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PhiThetaParameters)) {
            return false;
        }
        PhiThetaParameters p = (PhiThetaParameters) o;
        return variant == p.variant && Double.compare(theta, p.theta) == 0 && Double.compare(a, p.a) == 0
                && Double.compare(b, p.b) == 0 && Double.compare(c, p.c) == 0 && Double.compare(d, p.d) == 0
                && Double.compare(f, p.f) == 0 && Double.compare(g, p.g) == 0 && Double.compare(h, p.h) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(variant, theta, a, b, c, d, f, g, h);
    }

    @Override
    public String toString() {
        return "PhiThetaParameters{" + variant.label() + ", theta=" + theta + ", a=" + a + ", b=" + b + ", c=" + c
                + ", d=" + d + ", f=" + f + ", g=" + g + (variant == PhiThetaVariant.POSITIVE ? ", h=" + h : "") + "}";
    }

    /** Builder; {@link #build()} checks every parameter. */
    public static final class Builder {
        private PhiThetaVariant variant;
        private double theta = Double.NaN;
        private double a = Double.NaN;
        private double b = Double.NaN;
        private double c = Double.NaN;
        private double d = Double.NaN;
        private double f = Double.NaN;
        private double g = Double.NaN;
        private double h;

        private Builder() {
        }

        public Builder variant(PhiThetaVariant variant) {
            this.variant = variant;
            return this;
        }

        public Builder theta(double theta) {
            this.theta = theta;
            return this;
        }

        public Builder a(double a) {
            this.a = a;
            return this;
        }

        public Builder b(double b) {
            this.b = b;
            return this;
        }

        public Builder c(double c) {
            this.c = c;
            return this;
        }

        public Builder d(double d) {
            this.d = d;
            return this;
        }

        public Builder f(double f) {
            this.f = f;
            return this;
        }

        public Builder g(double g) {
            this.g = g;
            return this;
        }

        public Builder h(double h) {
            this.h = h;
            return this;
        }

        /** @return the checked, immutable parameters */
        public PhiThetaParameters build() {
            return new PhiThetaParameters(this);
        }
    }
}
