package org.phitheta.catalog;

import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.fitting.FitOptions;
import org.phitheta.fitting.FitResult;
import org.phitheta.fitting.FitStep;
import org.phitheta.fitting.PhiThetaFitter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The default {@link EntryFitter}: fits in process with {@link PhiThetaFitter}, nearby entries as extra starts. */
public final class FittingEntryFitter implements EntryFitter {

    private final PhiThetaFitter fitter;
    private final FitOptions options;

    /** A fitter with {@link FitOptions#defaults()}. */
    public FittingEntryFitter() {
        this(new PhiThetaFitter(), FitOptions.defaults());
    }

    /**
     * @param fitter  the fitter
     * @param options its settings (the starting points are replaced by the catalog's neighbours)
     */
    public FittingEntryFitter(PhiThetaFitter fitter, FitOptions options) {
        this.fitter = Objects.requireNonNull(fitter, "fitter");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public CatalogEntry fit(double theta, PhiThetaVariant variant, List<PhiThetaParameters> startingPoints) {
        FitResult result = fitter.fit(theta, variant, options.toBuilder().startingPoints(startingPoints).build());
        return toEntry(result);
    }

    /**
     * @param result a fit
     * @return the catalog entry: parameters, KS, provenance, and as details the step-1 loss, E[phi^2], iterations and
     *         timings
     */
    public static CatalogEntry toEntry(FitResult result) {
        return new CatalogEntry(result.getParameters(), result.getKs(), result.provenance(), details(result));
    }

    /**
     * @param result a fit
     * @return JSON-compatible details of the fit
     */
    public static Map<String, Object> details(FitResult result) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step1_loss", result.getDensityLoss());
        details.put("second_moment", result.getSecondMoment());
        Map<String, Object> density = new LinkedHashMap<>();
        density.put("alpha", result.getDensity().getAlpha());
        density.put("lambda1", result.getDensity().getLambda1());
        density.put("lambda2", result.getDensity().getLambda2());
        density.put("gamma", result.getDensity().getGamma());
        details.put("density", density);
        Map<String, Object> iterations = new LinkedHashMap<>();
        Map<String, Object> timings = new LinkedHashMap<>();
        for (FitStep step : FitStep.values()) {
            Integer it = result.getIterations().get(step);
            if (it != null) {
                iterations.put(step.name().toLowerCase(java.util.Locale.ROOT), it);
            }
            Duration d = result.getTimings().get(step);
            if (d != null) {
                timings.put(step.name().toLowerCase(java.util.Locale.ROOT), d.toMillis());
            }
        }
        details.put("iterations", iterations);
        details.put("timings_ms", timings);
        details.put("elapsed_ms", result.getElapsed().toMillis());
        return details;
    }
}
