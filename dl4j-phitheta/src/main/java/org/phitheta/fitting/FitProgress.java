package org.phitheta.fitting;

import org.phitheta.activation.PhiThetaVariant;

import java.util.Locale;
import java.util.Optional;

/**
 * One progress report of a fit: which theta and variant (none for the shared density step), which step, how far
 * that step is, and how far the whole fit of that variant is (both fractions in [0, 1]).
 */
public final class FitProgress {

    private final double theta;
    private final PhiThetaVariant variant;
    private final FitStep step;
    private final double stepFraction;
    private final double overallFraction;

    /**
     * @param theta           weight shape
     * @param variant         the variant, or null for the step shared by both variants
     * @param step            the current step
     * @param stepFraction    fraction of the step done, in [0, 1]
     * @param overallFraction fraction of the whole fit done, in [0, 1]
     */
    public FitProgress(double theta, PhiThetaVariant variant, FitStep step, double stepFraction, double overallFraction) {
        this.theta = theta;
        this.variant = variant;
        this.step = step;
        this.stepFraction = clamp(stepFraction);
        this.overallFraction = clamp(overallFraction);
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    public double getTheta() {
        return theta;
    }

    /** @return the variant, empty for the density step shared by both variants */
    public Optional<PhiThetaVariant> getVariant() {
        return Optional.ofNullable(variant);
    }

    public FitStep getStep() {
        return step;
    }

    public double getStepFraction() {
        return stepFraction;
    }

    public double getOverallFraction() {
        return overallFraction;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "theta=%s %s%s %.0f%% (overall %.0f%%)", theta,
                variant == null ? "" : variant.label() + " ", step.description(), 100 * stepFraction, 100 * overallFraction);
    }
}
