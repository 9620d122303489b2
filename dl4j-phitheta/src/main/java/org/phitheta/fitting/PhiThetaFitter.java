package org.phitheta.fitting;

import org.apache.commons.math3.util.FastMath;
import org.phitheta.activation.PhiThetaFunction;
import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.distribution.Theta;
import org.phitheta.gaussianity.GaussianityDefect;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Fits phi_theta for any theta &gt; 2, in process, in seconds: the two-step method of Wolinski and Arbel (TMLR 2025),
 * with the closed form refined on the end-to-end Gaussianity defect.
 *
 * <ol>
 * <li>{@link FitStep#DENSITY}: the density g of |Y| ({@link org.phitheta.distribution.QThetaDensity}), Adam in
 *     SameDiff on a smooth surrogate of sup_z |P(|W Y| &gt; z) - erfc(z / sqrt 2)|, differentiating through the
 *     quadrature, then a minimax polish in Java. Shared by both variants.</li>
 * <li>{@link FitStep#INTERPOLATION}: phi on a grid of x by inverting the closed-form survival function of g.</li>
 * <li>{@link FitStep#LEAST_SQUARES}: the closed form (6 or 7 parameters) fitted to that grid, Adam in SameDiff then
 *     Levenberg-Marquardt.</li>
 * <li>{@link FitStep#REFINEMENT}: the closed form refined on KS(theta, phi) itself (minimax by sequential linear
 *     programming, from the least-squares fit, the caller's starting points and seeded random starts), which also
 *     absorbs the error of step 1.</li>
 * <li>{@link FitStep#VERIFICATION}: KS by quadrature ({@link GaussianityDefect}).</li>
 * </ol>
 *
 * <p>Deterministic for given {@link FitOptions}. Never returns NaN or infinite parameters: a diverging Adam run goes
 * back to its best point with a smaller step, every candidate must pass {@link PhiThetaParameters}' checks and give a
 * finite KS, and if none does the fit fails with an {@link IllegalStateException}. Thread-safe (no shared mutable
 * state; SameDiff graphs are built per call and run one at a time).
 */
public final class PhiThetaFitter {

    private static final Object SAMEDIFF_LOCK = new Object();
    private static final double GRID_X_MAX = 6.0;
    private static final double GRID_STEP = 0.02;
    private static final double[] STEP_WEIGHTS = {0.25, 0.05, 0.15, 0.50, 0.05};
    private static final String FALLBACK_VERSION = "0.1.0-SNAPSHOT";

    /** A fitter; it holds no state, one instance can serve many threads. */
    public PhiThetaFitter() {
    }

    /** @return the library version (from the jar's Maven metadata, or the build's version) */
    public static String version() {
        try (InputStream in = PhiThetaFitter.class.getResourceAsStream(
                "/META-INF/maven/org.phitheta/dl4j-phitheta/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", FALLBACK_VERSION);
            }
        } catch (IOException e) {
            // fall through
        }
        String v = PhiThetaFitter.class.getPackage().getImplementationVersion();
        return v != null ? v : FALLBACK_VERSION;
    }

    /**
     * Fits one variant.
     *
     * @param theta   weight shape, &gt; 2
     * @param variant family
     * @param options settings
     * @return the fit
     * @throws IllegalArgumentException if theta is not a finite number &gt; 2
     * @throws IllegalStateException    if every candidate diverged
     */
    public FitResult fit(double theta, PhiThetaVariant variant, FitOptions options) {
        return fit(theta, List.of(variant), options).get(variant);
    }

    /**
     * Fits both variants, sharing step 1 (and, with {@link FitOptions#isParallel()}, running the variant steps on two
     * threads).
     *
     * @param theta   weight shape, &gt; 2
     * @param options settings
     * @return the odd and positive fits
     */
    public Map<PhiThetaVariant, FitResult> fitBoth(double theta, FitOptions options) {
        return fit(theta, List.of(PhiThetaVariant.ODD, PhiThetaVariant.POSITIVE), options);
    }

    /**
     * Fits the given variants, sharing step 1.
     *
     * @param theta    weight shape, &gt; 2
     * @param variants one or both variants
     * @param options  settings
     * @return one fit per variant, in the order given
     */
    public Map<PhiThetaVariant, FitResult> fit(double theta, List<PhiThetaVariant> variants, FitOptions options) {
        Theta.requireValid(theta);
        Set<PhiThetaVariant> wanted = new LinkedHashSet<>(variants);
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no variant to fit");
        }
        long start = System.nanoTime();
        Reporter reporter = new Reporter(theta, options.getListener());
        BooleanSupplier cancelled = () -> Thread.currentThread().isInterrupted();

        long t0 = System.nanoTime();
        DensityFitter.Result density;
        synchronized (SAMEDIFF_LOCK) {
            density = new DensityFitter(theta).fit(options.getDensityAdamIterations(), options.getDensityPolishIterations(),
                    options.getDensityLearningRate(), f -> reporter.report(null, FitStep.DENSITY, f), cancelled);
        }
        Duration densityTime = Duration.ofNanos(System.nanoTime() - t0);
        checkNotCancelled();

        Map<PhiThetaVariant, FitResult> results = new EnumMap<>(PhiThetaVariant.class);
        List<PhiThetaVariant> order = new ArrayList<>(wanted);
        if (order.size() == 2 && options.isParallel()) {
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "phitheta-fit-" + order.get(1).label());
                t.setDaemon(true);
                return t;
            });
            try {
                Future<FitResult> second = executor.submit(() ->
                        fitVariant(theta, order.get(1), density, densityTime, options, reporter, start));
                results.put(order.get(0), fitVariant(theta, order.get(0), density, densityTime, options, reporter, start));
                results.put(order.get(1), second.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("fit interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw new IllegalStateException("fit failed: " + cause, cause);
            } finally {
                executor.shutdownNow();
            }
        } else {
            for (PhiThetaVariant v : order) {
                results.put(v, fitVariant(theta, v, density, densityTime, options, reporter, start));
            }
        }
        Map<PhiThetaVariant, FitResult> ordered = new java.util.LinkedHashMap<>();
        for (PhiThetaVariant v : order) {
            ordered.put(v, results.get(v));
        }
        return ordered;
    }

    private FitResult fitVariant(double theta, PhiThetaVariant variant, DensityFitter.Result density,
                                 Duration densityTime, FitOptions options, Reporter reporter, long start) {
        BooleanSupplier cancelled = () -> Thread.currentThread().isInterrupted();
        Map<FitStep, Duration> timings = new EnumMap<>(FitStep.class);
        Map<FitStep, Integer> iterations = new EnumMap<>(FitStep.class);
        timings.put(FitStep.DENSITY, densityTime);
        iterations.put(FitStep.DENSITY, density.adamIterations + density.polishIterations);
        ClosedFormModel model = new ClosedFormModel(theta, variant);

        long t = System.nanoTime();
        InverseTransformGrid grid = InverseTransformGrid.tabulate(density.density, variant, GRID_X_MAX, GRID_STEP);
        timings.put(FitStep.INTERPOLATION, Duration.ofNanos(System.nanoTime() - t));
        iterations.put(FitStep.INTERPOLATION, grid.size());
        reporter.report(variant, FitStep.INTERPOLATION, 1.0);
        checkNotCancelled();

        t = System.nanoTime();
        LeastSquaresFitter leastSquares = new LeastSquaresFitter(model, grid);
        LeastSquaresFitter.Result lsq;
        synchronized (SAMEDIFF_LOCK) {
            lsq = leastSquares.fit(leastSquares.neutralStart(), options.getLeastSquaresAdamIterations(),
                    options.getLeastSquaresPolishIterations(), options.getLeastSquaresLearningRate(),
                    f -> reporter.report(variant, FitStep.LEAST_SQUARES, f), cancelled);
        }
        timings.put(FitStep.LEAST_SQUARES, Duration.ofNanos(System.nanoTime() - t));
        iterations.put(FitStep.LEAST_SQUARES, lsq.adamIterations + lsq.polishIterations);
        checkNotCancelled();

        t = System.nanoTime();
        List<double[]> starts = new ArrayList<>();
        starts.add(lsq.q);
        for (PhiThetaParameters hint : options.getStartingPoints()) {
            if (hint.getVariant() == variant) {
                double[] q = model.fromParameters(hint);
                if (finite(q)) {
                    starts.add(q);
                }
            }
        }
        KsRefiner refiner = new KsRefiner(model);
        KsRefiner.Result refined = refiner.refine(starts, options.getRefineRandomStarts(),
                options.getSeed() * 31 + variant.ordinal(), options.getRefineScreeningIterations(),
                options.getRefineFinalIterations(), options.getRefineFinalists(),
                f -> reporter.report(variant, FitStep.REFINEMENT, f), cancelled);
        timings.put(FitStep.REFINEMENT, Duration.ofNanos(System.nanoTime() - t));
        iterations.put(FitStep.REFINEMENT, refined.iterations);
        checkNotCancelled();

        t = System.nanoTime();
        PhiThetaParameters parameters = null;
        double ks = Double.NaN;
        for (double[] candidate : List.of(refined.q, lsq.q)) {
            try {
                PhiThetaParameters p = model.toParameters(candidate);
                double k = GaussianityDefect.ks(p.function());
                if (Double.isFinite(k) && (parameters == null || k < ks)) {
                    parameters = p;
                    ks = k;
                }
                if (parameters != null) {
                    break;   // the refined point is the answer whenever it is valid
                }
            } catch (IllegalArgumentException e) {
                // not a valid parameter set (overflow): try the next candidate
            }
        }
        if (parameters == null) {
            throw new IllegalStateException("phi_theta fit diverged for theta=" + theta + ", " + variant.label()
                    + ": no candidate gave finite parameters and a finite KS");
        }
        PhiThetaFunction phi = parameters.function();
        double secondMoment = GaussianityDefect.secondMoment(phi::value);
        timings.put(FitStep.VERIFICATION, Duration.ofNanos(System.nanoTime() - t));
        iterations.put(FitStep.VERIFICATION, 1);
        reporter.report(variant, FitStep.VERIFICATION, 1.0);
        return new FitResult(parameters, ks, secondMoment, density.density, density.supError, lsq.loss, iterations,
                timings, Duration.ofNanos(System.nanoTime() - start), options.getSeed());
    }

    private static boolean finite(double[] q) {
        for (double v : q) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static void checkNotCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("fit interrupted");
        }
    }

    /** Serialises progress reports and turns step fractions into overall fractions. */
    private static final class Reporter {
        private final double theta;
        private final FitProgressListener listener;

        Reporter(double theta, FitProgressListener listener) {
            this.theta = theta;
            this.listener = listener;
        }

        void report(PhiThetaVariant variant, FitStep step, double fraction) {
            double before = 0;
            for (int i = 0; i < step.ordinal(); i++) {
                before += STEP_WEIGHTS[i];
            }
            double overall = before + STEP_WEIGHTS[step.ordinal()] * FastMath.max(0, FastMath.min(1, fraction));
            synchronized (this) {
                listener.onProgress(new FitProgress(theta, variant, step, fraction, overall));
            }
        }
    }
}
