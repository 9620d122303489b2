package org.phitheta.activation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The two activation families of the paper. */
public enum PhiThetaVariant {
    /**
     * Odd variant, maps X ~ N(0,1) to Y ~ Q_theta: phi_o(x) = sgn(x) S^{-1}(erfc(|x| / sqrt 2)).
     * Closed form: a tanh(b x) ((|x| + c)^alpha + d) (ln(|x| + f) + g).
     */
    ODD,
    /**
     * Positive variant, maps X ~ N(0,1) to |Y|: phi_p(x) = S^{-1}(1 - Phi(x)).
     * Closed form: a sigmoid(b x + h) ((softplus(x) + c)^alpha + d) (ln(softplus(x) + f) + g).
     */
    POSITIVE;

    /** @return the lower-case name used in files and on the command line ("odd", "positive") */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses "odd" or "positive" (case-insensitive).
     *
     * @param text the name
     * @return the variant
     * @throws IllegalArgumentException naming the accepted values
     */
    public static PhiThetaVariant parse(String text) {
        if (text != null) {
            for (PhiThetaVariant v : values()) {
                if (v.label().equalsIgnoreCase(text.trim())) {
                    return v;
                }
            }
        }
        throw new IllegalArgumentException("unknown phi_theta variant '" + text + "': expected one of "
                + Arrays.stream(values()).map(PhiThetaVariant::label).collect(Collectors.joining(", ")));
    }
}
