package org.phitheta.cli;

import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.catalog.CatalogEntry;
import org.phitheta.catalog.CatalogRegeneration;
import org.phitheta.catalog.FittingEntryFitter;
import org.phitheta.catalog.PhiThetaCatalog;
import org.phitheta.distribution.Theta;
import org.phitheta.experiment.Progress;
import org.phitheta.fitting.FitOptions;
import org.phitheta.fitting.FitProgress;
import org.phitheta.fitting.FitResult;
import org.phitheta.fitting.FitStep;
import org.phitheta.fitting.PhiThetaFitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Fits phi_theta for any theta &gt; 2 in process (two-step method, refined on KS) and writes it in the catalog
 * format; or, with {@code --catalog-out}, regenerates the shipped catalog and prints the table of old vs new KS.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit phi_theta for a theta > 2: density of |Y| (SameDiff), inverse transform grid, closed form by "
                + "least squares (SameDiff), refined on the end-to-end KS. Prints KS and timings; a progress bar goes to stderr.",
                "With --catalog-out FILE: re-fit every catalog theta (both variants), keep the better of old and new per "
                        + "entry, write the catalog to FILE and print the table of old vs new KS."})
final class FitCommand implements Callable<Integer> {

    @Option(names = "--theta", description = "Weight shape theta (> 2).")
    Double theta;

    @Option(names = "--variant", defaultValue = "both", description = "odd, positive or both (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--out", paramLabel = "FILE.json",
            description = "Write the fitted entries (catalog format, with timings) to this file (atomically).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the refinement's random starts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--thorough", description = "More random starts and a longer KS refinement (tens of seconds per theta).")
    boolean thorough;

    @Option(names = "--catalog-out", paramLabel = "FILE.json",
            description = "Regenerate the shipped catalog into FILE (re-fits thetas 2.05, 2.1, 2.2, 2.5, 3..10).")
    Path catalogOut;

    @Option(names = "--catalog-thetas", split = ",", paramLabel = "T",
            description = "With --catalog-out: the thetas to re-fit (default: the catalog's).")
    List<Double> catalogThetas;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter outWriter = spec.commandLine().getOut();
        FitOptions.Builder options = (thorough ? FitOptions.thorough() : FitOptions.defaults()).toBuilder().seed(seed);
        if (catalogOut != null) {
            return regenerate(outWriter, options.build());
        }
        if (theta == null) {
            throw new IllegalArgumentException("give --theta T (T > 2), or --catalog-out FILE");
        }
        Theta.requireValid(theta);
        List<PhiThetaVariant> variants = parseVariants(variant);
        long start = System.nanoTime();
        Map<PhiThetaVariant, FitResult> results;
        try (Progress bar = Progress.start(String.format(Locale.ROOT, "fit theta=%s %s", theta, variant), 1000)) {
            Map<PhiThetaVariant, Double> done = new EnumMap<>(PhiThetaVariant.class);
            long[] shown = {0};
            options.progress(p -> onProgress(p, variants, done, shown, bar));
            results = new PhiThetaFitter().fit(theta, variants, options.build());
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        List<CatalogEntry> entries = new ArrayList<>();
        for (FitResult r : results.values()) {
            print(outWriter, r);
            entries.add(FittingEntryFitter.toEntry(r));
        }
        outWriter.println(String.format(Locale.ROOT, "wall_ms=%d", wallMillis));
        if (out != null) {
            new PhiThetaCatalog(entries).writeTo(out);
            outWriter.println("wrote " + out);
        }
        outWriter.flush();
        return 0;
    }

    private static void onProgress(FitProgress p, List<PhiThetaVariant> variants, Map<PhiThetaVariant, Double> done,
                                   long[] shown, Progress bar) {
        // overall progress: the mean over the variants (the shared density step counts for every variant)
        for (PhiThetaVariant v : variants) {
            if (p.getVariant().isEmpty() || p.getVariant().get() == v) {
                done.merge(v, p.getOverallFraction(), Math::max);
            }
        }
        double mean = variants.stream().mapToDouble(v -> done.getOrDefault(v, 0.0)).average().orElse(0);
        long target = Math.round(1000 * mean);
        if (target > shown[0]) {
            bar.note(p.getStep().description());
            bar.step(target - shown[0]);
            shown[0] = target;
        }
    }

    private int regenerate(PrintWriter outWriter, FitOptions options) throws IOException {
        List<Double> thetas = catalogThetas == null || catalogThetas.isEmpty() ? CatalogRegeneration.CATALOG_THETAS : catalogThetas;
        for (double t : thetas) {
            Theta.requireValid(t);
        }
        PrintWriter err = spec.commandLine().getErr();
        CatalogRegeneration.Result result = CatalogRegeneration.regenerate(PhiThetaCatalog.shipped(), thetas,
                new PhiThetaFitter(), options, line -> {
                    err.println(line);
                    err.flush();
                });
        result.getCatalog().writeTo(catalogOut);
        outWriter.print(result.table());
        outWriter.println("wrote " + catalogOut);
        outWriter.flush();
        return 0;
    }

    static List<PhiThetaVariant> parseVariants(String text) {
        if (text != null && text.trim().equalsIgnoreCase("both")) {
            return List.of(PhiThetaVariant.ODD, PhiThetaVariant.POSITIVE);
        }
        try {
            return List.of(PhiThetaVariant.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --variant '" + text + "': expected odd, positive or both");
        }
    }

    private static void print(PrintWriter out, FitResult r) {
        PhiThetaParameters p = r.getParameters();
        out.println(String.format(Locale.ROOT, "theta=%s variant=%s ks=%.6g second_moment=%.6f (exact %.6f) step1_loss=%.4g",
                p.getTheta(), p.getVariant().label(), r.getKs(), r.getSecondMoment(), Theta.targetSecondMoment(p.getTheta()),
                r.getDensityLoss()));
        StringBuilder params = new StringBuilder("  parameters:");
        String[] names = {"a", "b", "c", "d", "f", "g", "h"};
        double[] values = p.toArray();
        for (int i = 0; i < values.length; i++) {
            params.append(' ').append(names[i]).append('=').append(values[i]);
        }
        out.println(params);
        StringBuilder timings = new StringBuilder("  timings_ms:");
        for (FitStep step : FitStep.values()) {
            Duration d = r.getTimings().get(step);
            if (d != null) {
                timings.append(' ').append(step.name().toLowerCase(Locale.ROOT)).append('=').append(d.toMillis());
            }
        }
        timings.append(" total=").append(r.getElapsed().toMillis());
        out.println(timings);
    }
}
