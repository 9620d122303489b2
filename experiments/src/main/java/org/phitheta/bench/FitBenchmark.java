package org.phitheta.bench;

import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.fitting.SameDiffNoiseFilter;
import org.phitheta.fitting.FitOptions;
import org.phitheta.fitting.FitResult;
import org.phitheta.fitting.FitStep;
import org.phitheta.fitting.PhiThetaFitter;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/**
 * Times a new theta from nothing to catalog entry, both variants, in a fresh JVM: the first fit pays for ND4J and
 * SameDiff start-up, as it would in an application.
 *
 * <pre>
 *   java -cp experiments/target/phitheta.jar org.phitheta.bench.FitBenchmark [theta ...]   (default 3.37)
 * </pre>
 * Prints per variant KS, E[phi^2] and step timings, then the wall time of each theta and the time since JVM start.
 * The target of the issue: at most 10 s per new theta (both variants) on a 2-core machine.
 */
public final class FitBenchmark {

    private FitBenchmark() {
    }

    public static void main(String[] args) {
        SameDiffNoiseFilter.install();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        double[] thetas = args.length == 0 ? new double[]{3.37} : java.util.Arrays.stream(args).mapToDouble(Double::parseDouble).toArray();
        PhiThetaFitter fitter = new PhiThetaFitter();
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "cores=%d  load_average=%.2f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (double theta : thetas) {
            long t0 = System.nanoTime();
            Map<PhiThetaVariant, FitResult> fits = fitter.fitBoth(theta, FitOptions.defaults());
            long wall = (System.nanoTime() - t0) / 1_000_000;
            for (FitResult r : fits.values()) {
                StringBuilder steps = new StringBuilder();
                for (FitStep s : FitStep.values()) {
                    steps.append(' ').append(s.name().toLowerCase(Locale.ROOT)).append('=').append(r.getTimings().get(s).toMillis());
                }
                out.printf(Locale.ROOT, "theta=%s %-8s ks=%.3e second_moment=%.5f step1_loss=%.3e ms:%s%n", theta,
                        r.getVariant().label(), r.getKs(), r.getSecondMoment(), r.getDensityLoss(), steps);
            }
            out.printf(Locale.ROOT, "theta=%s both variants: wall %d ms (since JVM start %d ms)%n", theta, wall,
                    System.currentTimeMillis() - jvmStart);
        }
        out.flush();
    }
}
