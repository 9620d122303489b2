package org.phitheta.fitting;

import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.distribution.QThetaDensity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a {@link PhiThetaFitter} run for one (theta, variant): the closed-form parameters, their measured
 * Gaussianity defect KS (by quadrature, {@link org.phitheta.gaussianity.GaussianityDefect}), the step-1 density and
 * its loss, iteration counts and wall-clock timings per step. Immutable.
 */
public final class FitResult {

    private final PhiThetaParameters parameters;
    private final double ks;
    private final double secondMoment;
    private final QThetaDensity density;
    private final double densityLoss;
    private final double leastSquaresLoss;
    private final Map<FitStep, Integer> iterations;
    private final Map<FitStep, Duration> timings;
    private final Duration elapsed;
    private final long seed;
    private final LocalDate date;

    FitResult(PhiThetaParameters parameters, double ks, double secondMoment, QThetaDensity density, double densityLoss,
              double leastSquaresLoss, Map<FitStep, Integer> iterations, Map<FitStep, Duration> timings,
              Duration elapsed, long seed) {
        this.parameters = Objects.requireNonNull(parameters);
        this.ks = ks;
        this.secondMoment = secondMoment;
        this.density = density;
        this.densityLoss = densityLoss;
        this.leastSquaresLoss = leastSquaresLoss;
        this.iterations = Collections.unmodifiableMap(new EnumMap<>(iterations));
        this.timings = Collections.unmodifiableMap(new EnumMap<>(timings));
        this.elapsed = elapsed;
        this.seed = seed;
        this.date = LocalDate.now(ZoneOffset.UTC);
    }

    /** @return the fitted closed-form parameters */
    public PhiThetaParameters getParameters() {
        return parameters;
    }

    public double getTheta() {
        return parameters.getTheta();
    }

    public PhiThetaVariant getVariant() {
        return parameters.getVariant();
    }

    /** @return KS(theta, phi) of the fitted activation, by quadrature (accurate to about 1e-9) */
    public double getKs() {
        return ks;
    }

    /** @return E[phi(X)^2] of the fitted activation (exact value: 1 / Gamma(1 + 2/theta)) */
    public double getSecondMoment() {
        return secondMoment;
    }

    /** @return the step-1 density of |Y| */
    public QThetaDensity getDensity() {
        return density;
    }

    /** @return the step-1 loss: sup over the z grid of |P(|W Y| &gt; z) - erfc(z / sqrt 2)| */
    public double getDensityLoss() {
        return densityLoss;
    }

    /** @return the weighted least-squares loss of the step-2b fit to the step-2a grid */
    public double getLeastSquaresLoss() {
        return leastSquaresLoss;
    }

    /** @return iterations per step (Adam plus polish for the first steps, minimax iterations of the refinement) */
    public Map<FitStep, Integer> getIterations() {
        return iterations;
    }

    /** @return total iterations over all steps */
    public int getTotalIterations() {
        return iterations.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return wall-clock time per step (the density step is shared when both variants are fitted together) */
    public Map<FitStep, Duration> getTimings() {
        return timings;
    }

    /** @return wall-clock time of the whole fit call */
    public Duration getElapsed() {
        return elapsed;
    }

    public long getSeed() {
        return seed;
    }

    /** @return "fitted by phitheta VERSION, seed N, YYYY-MM-DD" */
    public String provenance() {
        return "fitted by phitheta " + PhiThetaFitter.version() + ", seed " + seed + ", " + date;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FitResult{%s, ks=%.3e, densityLoss=%.3e, elapsed=%d ms}", parameters, ks,
                densityLoss, elapsed.toMillis());
    }
}
