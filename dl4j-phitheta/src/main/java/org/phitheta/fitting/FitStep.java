package org.phitheta.fitting;

/** The steps of a phi_theta fit, in order. */
public enum FitStep {
    /** Step 1: the density of |Y| (SameDiff Adam, then Java minimax polish); shared by both variants. */
    DENSITY("step 1: density of |Y|"),
    /** Step 2a: phi on a grid by inverting the fitted survival function. */
    INTERPOLATION("step 2a: inverse transform grid"),
    /** Step 2b: closed form fitted to the grid by least squares (SameDiff Adam, then Levenberg-Marquardt). */
    LEAST_SQUARES("step 2b: least squares"),
    /** Step 2b: closed form refined on the end-to-end KS (minimax, several starts). */
    REFINEMENT("step 2b: KS refinement"),
    /** KS of the result by quadrature ({@link org.phitheta.gaussianity.GaussianityDefect}). */
    VERIFICATION("verification");

    private final String description;

    FitStep(String description) {
        this.description = description;
    }

    /** @return a short human-readable description */
    public String description() {
        return description;
    }
}
