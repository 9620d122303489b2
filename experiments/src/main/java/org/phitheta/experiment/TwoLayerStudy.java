package org.phitheta.experiment;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The published finite-width study: input x = 1, hidden sizes [n0, n1] ({@link TwoLayerConfig}), n = 1..N; output =
 * the pre-activation of one unit after the second hidden layer; KS distance of its law (over independent weight
 * draws) to N(0, 1).
 *
 * <p>Network, for one draw: z1 = s1 * g1 + b1 (n0 values; g1 ~ N(0,1) since x = 1 and fanIn = 1), a1 = act(z1);
 * z2_j = s * sum_i W2_ij a1_i / sqrt(n0) + b2_j, a2 = act(z2); out = s * sum_j W3_j a2_j / sqrt(n1) + b3, with the
 * recipe of {@link ActivationSpec}: phi_theta: s1 = s = 1, W ~ W(theta, 1), no bias; ReLU: s1^2 = s^2 = 2, Gaussian,
 * no bias; tanh: s1^2 = s^2 = 1.46, Gaussian, biases N(0, 0.013).
 *
 * <p>Vectorised over draws with ND4J: a chunk of D draws is a [D, n0 * n1] array of second-layer weights, and every
 * size n = 1..N is computed from the same draws as nested sub-networks (the network for n uses the first n0(n) and
 * n1(n) units of the largest one: running sums over the first layer give every n at once). Each cell is an exact
 * Monte-Carlo estimate from {@code draws} independent networks; cells for different n, theta and activation share
 * random numbers (common random numbers), which makes curves smoother than independent estimates would be but does
 * not bias any cell. Weibull weights for every theta come from one exponential draw: W = sign * E^(1/theta).
 */
public final class TwoLayerStudy {

    /** Settings. */
    public static final class Settings {
        final long draws;
        final int maxN;
        final long seed;
        final int chunk;
        final List<ActivationSpec> activations;
        final boolean progress;
        final int threads;

        /**
         * @param draws       independent weight draws per cell (the published study: 200,000)
         * @param maxN        largest n (published: 10)
         * @param seed        random seed
         * @param chunk       draws per ND4J batch
         * @param activations recipes to compare
         * @param progress    show a progress bar on stderr
         */
        public Settings(long draws, int maxN, long seed, int chunk, List<ActivationSpec> activations, boolean progress) {
            this(draws, maxN, seed, chunk, activations, progress, Runtime.getRuntime().availableProcessors());
        }

        /**
         * @param draws       independent weight draws per cell
         * @param maxN        largest n
         * @param seed        random seed
         * @param chunk       draws per ND4J batch (each chunk has its own seed)
         * @param activations recipes to compare
         * @param progress    show a progress bar on stderr
         * @param threads     worker threads (chunks run in parallel; results do not depend on this)
         */
        public Settings(long draws, int maxN, long seed, int chunk, List<ActivationSpec> activations, boolean progress,
                        int threads) {
            if (draws < 100) {
                throw new IllegalArgumentException("--draws must be >= 100 (got " + draws + ")");
            }
            if (draws > 100_000_000L) {
                throw new IllegalArgumentException("--draws must be <= 100000000 (got " + draws + ")");
            }
            if (maxN < 1 || maxN > 64) {
                throw new IllegalArgumentException("max n must be in 1..64 (got " + maxN + ")");
            }
            if (chunk < 1) {
                throw new IllegalArgumentException("chunk must be >= 1");
            }
            if (activations == null || activations.isEmpty()) {
                throw new IllegalArgumentException("no activation to compare");
            }
            // one configuration's outputs are held at once: activations x maxN x draws floats, plus a sorted copy
            long needed = 2L * activations.size() * maxN * draws * Float.BYTES;
            long heap = Runtime.getRuntime().maxMemory();
            if (needed > 0.6 * heap) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "--draws %d needs about %,d MB "
                                + "for %d activations x %d sizes, more than this JVM's heap allows (%,d MB): lower --draws "
                                + "or give java a larger -Xmx", draws, needed >> 20, activations.size(), maxN, heap >> 20));
            }
            this.draws = draws;
            this.maxN = maxN;
            this.seed = seed;
            this.chunk = chunk;
            this.activations = List.copyOf(activations);
            this.progress = progress;
            this.threads = Math.max(1, threads);
        }

        public long draws() {
            return draws;
        }

        public int maxN() {
            return maxN;
        }

        public long seed() {
            return seed;
        }

        public List<ActivationSpec> activations() {
            return activations;
        }
    }

    private final Settings settings;
    /** When set, raw output samples are kept for these (config, activation label, n) keys: for tests. */
    private final Map<String, float[]> keptSamples = new LinkedHashMap<>();
    private final List<String> keep = new ArrayList<>();

    /** @param settings the settings */
    public TwoLayerStudy(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Keeps the raw samples of one cell (before sorting) for inspection.
     *
     * @param config     configuration
     * @param activation activation label
     * @param n          size
     * @return this
     */
    TwoLayerStudy keepSamples(TwoLayerConfig config, String activation, int n) {
        keep.add(key(config, activation, n));
        return this;
    }

    float[] samples(TwoLayerConfig config, String activation, int n) {
        return keptSamples.get(key(config, activation, n));
    }

    private static String key(TwoLayerConfig config, String activation, int n) {
        return config.label() + "|" + activation + "|" + n;
    }

    /** @return the KS table */
    public TwoLayerResult run() {
        long t0 = System.nanoTime();
        List<TwoLayerResult.Row> rows = new ArrayList<>();
        int chunks = (int) ((settings.draws + settings.chunk - 1) / settings.chunk);
        try (Progress progress = settings.progress
                ? Progress.start("two-layer", (long) chunks * TwoLayerConfig.values().length)
                : Progress.silent(1)) {
            for (TwoLayerConfig config : TwoLayerConfig.values()) {
                rows.addAll(runConfig(config, progress));
            }
        } finally {
            Nd4jOps.releaseWorkspaces();
        }
        return new TwoLayerResult(settings, rows, (System.nanoTime() - t0) / 1e9);
    }

    private List<TwoLayerResult.Row> runConfig(TwoLayerConfig config, Progress progress) {
        List<ActivationSpec> specs = settings.activations;
        int maxN = settings.maxN;
        int draws = (int) settings.draws;
        float[][] out = new float[specs.size() * maxN][draws];
        int chunks = (draws + settings.chunk - 1) / settings.chunk;
        int threads = Math.max(1, Math.min(settings.threads, chunks));
        if (threads == 1) {
            for (int c = 0; c < chunks; c++) {
                runChunk(config, c, out);
                progress.step(1);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "two-layer");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < chunks; c++) {
                    int chunk = c;
                    futures.add(pool.submit(() -> {
                        try {
                            runChunk(config, chunk, out);
                        } finally {
                            Nd4jOps.releaseWorkspaces();
                        }
                        progress.step(1);
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }

        // KS of every cell, in parallel (sorting dominates)
        double[] ks = new double[out.length];
        IntStream.range(0, out.length).parallel().forEach(c -> {
            int a = c / maxN;
            int n = c % maxN + 1;
            String k = key(config, specs.get(a).label(), n);
            if (keep.contains(k)) {
                synchronized (keptSamples) {
                    keptSamples.put(k, out[c].clone());
                }
            }
            ks[c] = Ks.toNormal(out[c], 0.0, 1.0);
            out[c] = null;
        });
        List<TwoLayerResult.Row> rows = new ArrayList<>();
        for (int a = 0; a < specs.size(); a++) {
            double[] row = new double[maxN];
            System.arraycopy(ks, a * maxN, row, 0, maxN);
            rows.add(new TwoLayerResult.Row(config, specs.get(a), row));
        }
        return rows;
    }

    /**
     * One chunk of draws for every activation and every n. Arrays are laid out [unit, draw] so that every slice by
     * unit is contiguous (strided ND4J views are several times slower). The chunk has its own seed: results do not
     * depend on the number of threads.
     */
    private void runChunk(TwoLayerConfig config, int chunkIndex, float[][] out) {
        List<ActivationSpec> specs = settings.activations;
        int maxN = settings.maxN;
        int bigN0 = config.n0(maxN);
        int bigN1 = config.n1(maxN);
        boolean sharedHidden = config.n0(1) == config.n0(maxN);   // n0 does not grow: z2 is the same for every n
        int start = chunkIndex * settings.chunk;
        int d = (int) Math.min(settings.chunk, settings.draws - start);
        boolean anyBias = specs.stream().anyMatch(s -> s.sigmaB2() > 0);
        boolean anyGaussian = specs.stream().anyMatch(s -> !s.weibullWeights());
        double[] thetas = specs.stream().filter(ActivationSpec::weibullWeights).mapToDouble(ActivationSpec::theta)
                .distinct().toArray();
        int[] segStart = new int[maxN + 1];
        for (int n = 1; n <= maxN; n++) {
            segStart[n] = segStart[n - 1] + config.n1(n);
        }
        int total = segStart[maxN];

        Nd4j.getRandom().setSeed(settings.seed * 1_000_003L + config.ordinal() * 100_003L + chunkIndex);
        INDArray g1 = Nd4j.randn(Nd4jOps.TYPE, bigN0, d);
        INDArray b1 = anyBias ? Nd4j.randn(Nd4jOps.TYPE, bigN0, d) : null;
        INDArray b2 = anyBias ? Nd4j.randn(Nd4jOps.TYPE, bigN1, d) : null;
        INDArray b3 = anyBias ? Nd4j.randn(Nd4jOps.TYPE, 1, d) : null;
        INDArray[] base2 = thetas.length > 0 ? Nd4jOps.weibullBase((long) bigN0 * bigN1, d) : null;
        INDArray[] base3 = thetas.length > 0 ? Nd4jOps.weibullBase(bigN1, d) : null;
        INDArray gw2 = anyGaussian ? Nd4j.randn(Nd4jOps.TYPE, (long) bigN0 * bigN1, d) : null;
        INDArray gw3 = anyGaussian ? Nd4j.randn(Nd4jOps.TYPE, bigN1, d) : null;

        Map<Double, INDArray[]> weibull = new LinkedHashMap<>();
        for (double theta : thetas) {
            weibull.put(theta, new INDArray[]{Nd4jOps.weibull(base2[0], base2[1], theta),
                    Nd4jOps.weibull(base3[0], base3[1], theta)});
        }
        for (int a = 0; a < specs.size(); a++) {
            ActivationSpec spec = specs.get(a);
            IActivation act = spec.newActivation();
            INDArray w2;
            INDArray w3;
            if (spec.weibullWeights()) {
                INDArray[] w = weibull.get(spec.theta());
                w2 = w[0];
                w3 = w[1];
            } else {
                w2 = gw2;
                w3 = gw3;
            }
            double s1 = Math.sqrt(spec.firstLayerSigmaW2());
            double s = Math.sqrt(spec.hiddenSigmaW2());
            double sb = Math.sqrt(spec.sigmaB2());

            INDArray a1 = g1.mul(s1);
            if (sb > 0) {
                a1.addi(b1.mul(sb));
            }
            Nd4jOps.applyInPlace(act, a1);

            if (sharedHidden) {
                // n0 = 1: z2 = s * a1 * W2 (+ b2), the same for every n; out(n) = s * sum_{j<n} W3_j a2_j / sqrt(n)
                INDArray z2 = w2.mulRowVector(a1).muli(s);
                if (sb > 0) {
                    z2.addi(b2.mul(sb));
                }
                Nd4jOps.applyInPlace(act, z2);
                z2.muli(w3);
                INDArray cum = Nd4j.zeros(Nd4jOps.TYPE, d);
                for (int n = 1; n <= maxN; n++) {
                    cum.addi(z2.getRow(n - 1));
                    store(out, a, maxN, n, start, cum.mul(s / Math.sqrt(config.n1(n))), b3, sb);
                }
            } else {
                INDArray z2all = Nd4j.create(Nd4jOps.TYPE, total, d);
                INDArray w3all = Nd4j.create(Nd4jOps.TYPE, total, d);
                INDArray running = Nd4j.zeros(Nd4jOps.TYPE, bigN1, d);
                INDArray tmp = Nd4j.create(Nd4jOps.TYPE, bigN1, d);
                int added = 0;
                for (int n = 1; n <= maxN; n++) {
                    int n0 = config.n0(n);
                    int n1 = config.n1(n);
                    while (added < n0) {
                        INDArray rowOfW2 = w2.get(NDArrayIndex.interval((long) added * bigN1,
                                (long) (added + 1) * bigN1), NDArrayIndex.all());
                        tmp.assign(rowOfW2).muliRowVector(a1.getRow(added));
                        running.addi(tmp);
                        added++;
                    }
                    INDArrayIndex[] seg = {NDArrayIndex.interval(segStart[n - 1], segStart[n]), NDArrayIndex.all()};
                    INDArrayIndex[] first = {NDArrayIndex.interval(0, n1), NDArrayIndex.all()};
                    INDArray z = z2all.get(seg);
                    z.assign(running.get(first)).muli(s / Math.sqrt(n0));
                    if (sb > 0) {
                        z.addi(b2.get(first).mul(sb));
                    }
                    w3all.get(seg).assign(w3.get(first));
                }
                Nd4jOps.applyInPlace(act, z2all);
                z2all.muli(w3all);
                for (int n = 1; n <= maxN; n++) {
                    INDArray o = z2all.get(NDArrayIndex.interval(segStart[n - 1], segStart[n]), NDArrayIndex.all())
                            .sum(0).muli(s / Math.sqrt(config.n1(n)));
                    store(out, a, maxN, n, start, o, b3, sb);
                }
            }
        }
    }

    private static void store(float[][] out, int a, int maxN, int n, int start, INDArray o, INDArray b3, double sb) {
        if (sb > 0) {
            o.addi(b3.reshape(b3.length()).mul(sb));
        }
        float[] v = o.toFloatVector();
        System.arraycopy(v, 0, out[a * maxN + n - 1], start, v.length);
    }

}
