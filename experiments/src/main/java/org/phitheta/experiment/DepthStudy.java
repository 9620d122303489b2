package org.phitheta.experiment;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
 * Deep narrow MLPs at initialization: for a fixed input x (scaled so that ||x||^2 / dim = 1) and many independent
 * weight draws, the pre-activations of every layer, pooled over the units of a layer and over draws; per layer the
 * KS distance to N(0,1) and to the fitted normal, and the moments ({@link LayerStats}).
 *
 * <p>Layer 1: z1 = s1 W1 x / sqrt(dim) (+ b1), W1 Gaussian, so z1 ~ N(0, s1^2 (+ sigma_b^2)) exactly, whatever x is.
 * Layers l &ge; 2: z_l = s W_l act(z_{l-1}) / sqrt(width) (+ b_l), W_l ~ W(theta, 1) for phi_theta, N(0, 1)
 * otherwise ({@link ActivationSpec}). Draws are batched: a chunk of D networks is a [D, width, width] weight tensor per
 * layer, applied by broadcasting (narrow layers) or batched matrix products (wide ones). All activations see the same
 * underlying random numbers (common random numbers), so their differences are not noise.
 *
 * <p>Pooled units are exchangeable but not independent beyond layer 1 (they share the previous layer), so the
 * effective sample size lies between the number of draws and draws x width.
 */
public final class DepthStudy {

    /** The fixed input. */
    public static final class Input {
        final String name;
        final float[] x;

        private Input(String name, float[] x) {
            this.name = name;
            this.x = x;
        }

        /** @return x = 1 with the dimension of the width of each network (a square first layer) */
        public static Input onesOfWidth() {
            return new Input("ones", null);
        }

        /**
         * @param dim input dimension
         * @return the all-ones vector (||x||^2 / dim = 1)
         */
        public static Input ones(int dim) {
            float[] x = new float[dim];
            java.util.Arrays.fill(x, 1f);
            return new Input("ones", x);
        }

        /**
         * @param name   a name for files and legends
         * @param pixels an image (any scale; all-zero is rejected)
         * @return the image scaled so that ||x||^2 / dim = 1
         */
        public static Input image(String name, float[] pixels) {
            double ss = 0;
            for (float v : pixels) {
                ss += (double) v * v;
            }
            if (!(ss > 0)) {
                throw new IllegalArgumentException("input image " + name + " is all zero");
            }
            double scale = Math.sqrt(pixels.length / ss);
            float[] x = new float[pixels.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (pixels[i] * scale);
            }
            return new Input(name, x);
        }

        public String name() {
            return name;
        }

        public int dim() {
            return x.length;
        }
    }

    /** Settings. */
    public static final class Settings {
        final List<Integer> widths;
        final int depth;
        final long samplesPerLayer;
        final long seed;
        final List<ActivationSpec> activations;
        final List<Input> inputs;
        final List<Integer> qqLayers;
        final boolean progress;
        final int threads;
        final int drawsOverride;

        /**
         * @param widths          hidden widths (each its own experiment)
         * @param depth           hidden layers
         * @param samplesPerLayer target pooled samples per layer: draws = ceil(samples / width), at least 100
         * @param seed            random seed
         * @param activations     recipes
         * @param inputs          fixed inputs (one experiment each); null or empty for {@link Input#onesOfWidth()}
         * @param qqLayers        layers whose quantiles are kept for QQ plots
         * @param progress        progress bar on stderr
         * @param threads         worker threads (results do not depend on it)
         */
        public Settings(List<Integer> widths, int depth, long samplesPerLayer, long seed, List<ActivationSpec> activations,
                        List<Input> inputs, List<Integer> qqLayers, boolean progress, int threads) {
            this(widths, depth, samplesPerLayer, 0, seed, activations, inputs, qqLayers, progress, threads);
        }

        /**
         * @param widths          hidden widths (each its own experiment)
         * @param depth           hidden layers
         * @param samplesPerLayer target pooled samples per layer when draws is 0: draws = ceil(samples / width)
         * @param draws           independent network draws for every width, or 0 for samplesPerLayer / width
         * @param seed            random seed
         * @param activations     recipes
         * @param inputs          fixed inputs (one experiment each); null or empty for {@link Input#onesOfWidth()}
         * @param qqLayers        layers whose quantiles are kept for QQ plots
         * @param progress        progress bar on stderr
         * @param threads         worker threads (results do not depend on it)
         */
        public Settings(List<Integer> widths, int depth, long samplesPerLayer, int draws, long seed,
                        List<ActivationSpec> activations, List<Input> inputs, List<Integer> qqLayers, boolean progress,
                        int threads) {
            if (draws < 0 || (draws > 0 && draws < 100) || draws > 10_000_000) {
                throw new IllegalArgumentException("--draws must be in 100..10000000 (got " + draws + ")");
            }
            this.drawsOverride = draws;
            if (widths == null || widths.isEmpty()) {
                throw new IllegalArgumentException("give at least one width");
            }
            for (int w : widths) {
                if (w < 1 || w > 2048) {
                    throw new IllegalArgumentException("widths must be in 1..2048 (got " + w + ")");
                }
            }
            if (depth < 1 || depth > 1000) {
                throw new IllegalArgumentException("--depth must be in 1..1000 (got " + depth + ")");
            }
            if (samplesPerLayer < 100 || samplesPerLayer > 50_000_000L) {
                throw new IllegalArgumentException("--samples must be in 100..50000000 (got "
                        + samplesPerLayer + ")");
            }
            if (activations == null || activations.isEmpty()) {
                throw new IllegalArgumentException("no activation to compare");
            }
            this.widths = List.copyOf(widths);
            this.depth = depth;
            this.samplesPerLayer = samplesPerLayer;
            this.seed = seed;
            this.activations = List.copyOf(activations);
            this.inputs = inputs == null || inputs.isEmpty() ? List.of(Input.onesOfWidth()) : List.copyOf(inputs);
            List<Integer> qq = new ArrayList<>();
            for (Integer l : qqLayers == null ? List.<Integer>of() : qqLayers) {
                if (l >= 1 && l <= depth && !qq.contains(l)) {
                    qq.add(l);
                }
            }
            this.qqLayers = qq;
            this.progress = progress;
            this.threads = Math.max(1, threads);
        }

        /**
         * @param width hidden width
         * @return independent network draws for this width
         */
        public int draws(int width) {
            if (drawsOverride > 0) {
                return drawsOverride;
            }
            return (int) Math.max(100, (samplesPerLayer + width - 1) / width);
        }

        public List<Integer> widths() {
            return widths;
        }

        public int depth() {
            return depth;
        }

        public long samplesPerLayer() {
            return samplesPerLayer;
        }

        public List<ActivationSpec> activations() {
            return activations;
        }

        public List<Input> inputs() {
            return inputs;
        }

        public List<Integer> qqLayers() {
            return qqLayers;
        }

        public long seed() {
            return seed;
        }
    }

    /** Quantiles kept for QQ plots. */
    public static final int QQ_POINTS = 199;
    /** Budget of weights per layer and chunk (elements of the [D, width, width] tensor). */
    private static final long CHUNK_WEIGHTS = 1L << 21;

    private final Settings settings;
    private final Map<String, float[]> kept = new LinkedHashMap<>();
    private final List<String> keep = new ArrayList<>();

    /** @param settings settings */
    public DepthStudy(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Keeps the raw pooled sample of one layer (draw-major: [draw * width + unit]) for inspection.
     *
     * @param input      input name
     * @param width      width
     * @param activation activation label
     * @param layer      layer, 1-based
     * @return this
     */
    DepthStudy keepSamples(String input, int width, String activation, int layer) {
        keep.add(input + "|" + width + "|" + activation + "|" + layer);
        return this;
    }

    float[] samples(String input, int width, String activation, int layer) {
        return kept.get(input + "|" + width + "|" + activation + "|" + layer);
    }

    /** @return per (input, width, activation, layer) statistics, and QQ quantiles */
    public DepthResult run() {
        long t0 = System.nanoTime();
        List<Input> inputs = settings.inputs;
        List<DepthResult.Row> rows = new ArrayList<>();
        List<DepthResult.Qq> qqs = new ArrayList<>();
        long steps = 0;
        for (Input in : inputs) {
            for (int w : settings.widths) {
                steps += (long) chunkCount(w) * settings.depth;
            }
        }
        try (Progress progress = settings.progress ? Progress.start("depth", steps) : Progress.silent(1)) {
            for (Input in : inputs) {
                for (int w : settings.widths) {
                    Input input = in.x != null ? in : Input.ones(w);
                    runWidth(input, in.name, w, rows, qqs, progress);
                }
            }
        }
        return new DepthResult(settings, rows, qqs, (System.nanoTime() - t0) / 1e9);
    }

    private int chunkSize(int width) {
        int draws = settings.draws(width);
        // at least four chunks (work for the threads), at most CHUNK_WEIGHTS weights per layer and chunk; the split
        // does not depend on the number of threads, so neither do the results
        int quarter = (draws + 3) / 4;
        return (int) Math.max(1, Math.min(quarter, CHUNK_WEIGHTS / ((long) width * width)));
    }

    private int chunkCount(int width) {
        int c = chunkSize(width);
        return (settings.draws(width) + c - 1) / c;
    }

    private void runWidth(Input input, String inputName, int width, List<DepthResult.Row> rows,
                          List<DepthResult.Qq> qqs, Progress progress) {
        List<ActivationSpec> specs = settings.activations;
        int draws = settings.draws(width);
        int depth = settings.depth;
        // out[a][l] = pooled pre-activations of layer l+1, draw-major: [draw * width + unit]
        float[][][] out = new float[specs.size()][depth][draws * width];
        int chunks = chunkCount(width);
        int chunk = chunkSize(width);
        int threads = Math.max(1, Math.min(settings.threads, chunks));
        long widthSeed = settings.seed * 1_000_003L + width * 7_919L + inputName.hashCode();
        if (threads == 1) {
            for (int c = 0; c < chunks; c++) {
                runChunk(input, width, c, chunk, draws, widthSeed, out, progress);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "depth");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < chunks; c++) {
                    int ci = c;
                    futures.add(pool.submit(() -> {
                        try {
                            runChunk(input, width, ci, chunk, draws, widthSeed, out, progress);
                        } finally {
                            Nd4jOps.releaseWorkspaces();
                        }
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
                throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }
        Nd4jOps.releaseWorkspaces();

        LayerStats[][] stats = new LayerStats[specs.size()][depth];
        double[][][] quantiles = new double[specs.size()][depth][];
        IntStream.range(0, specs.size() * depth).parallel().forEach(k -> {
            int a = k / depth;
            int l = k % depth;
            float[] sample = out[a][l];
            String key = inputName + "|" + width + "|" + specs.get(a).label() + "|" + (l + 1);
            if (keep.contains(key)) {
                synchronized (kept) {
                    kept.put(key, sample.clone());
                }
            }
            stats[a][l] = LayerStats.of(sample);   // sorts the sample
            if (settings.qqLayers.contains(l + 1)) {
                double[] q = new double[QQ_POINTS];
                for (int i = 0; i < QQ_POINTS; i++) {
                    double p = (i + 0.5) / QQ_POINTS;
                    q[i] = sample[(int) Math.min(sample.length - 1, Math.floor(p * sample.length))];
                }
                quantiles[a][l] = q;
            }
            out[a][l] = null;
        });
        for (int a = 0; a < specs.size(); a++) {
            for (int l = 0; l < depth; l++) {
                rows.add(new DepthResult.Row(inputName, width, draws, specs.get(a), l + 1, stats[a][l]));
                if (quantiles[a][l] != null) {
                    qqs.add(new DepthResult.Qq(inputName, width, specs.get(a), l + 1, quantiles[a][l]));
                }
            }
        }
    }

    private void runChunk(Input input, int width, int chunkIndex, int chunk, int draws, long widthSeed,
                          float[][][] out, Progress progress) {
        List<ActivationSpec> specs = settings.activations;
        int start = chunkIndex * chunk;
        int d = Math.min(chunk, draws - start);
        boolean anyBias = specs.stream().anyMatch(s -> s.sigmaB2() > 0);
        boolean anyGaussian = specs.stream().anyMatch(s -> !s.weibullWeights());
        double[] thetas = specs.stream().filter(ActivationSpec::weibullWeights).mapToDouble(ActivationSpec::theta)
                .distinct().toArray();
        IActivation[] acts = specs.stream().map(ActivationSpec::newActivation).toArray(IActivation[]::new);
        Nd4j.getRandom().setSeed(widthSeed + 31L * chunkIndex);

        // layer 1: z1 = W1 x / sqrt(dim), W1 ~ N(0, 1): [dim, d * width] so that x^T W1 is one matrix product
        int dim = input.dim();
        INDArray x = Nd4j.create(input.x, new long[]{1, dim}, 'c').castTo(Nd4jOps.TYPE);
        INDArray g1 = x.mmul(Nd4j.randn(Nd4jOps.TYPE, dim, (long) d * width)).divi(Math.sqrt(dim))
                .reshape(d, width);
        INDArray b1 = anyBias ? Nd4j.randn(Nd4jOps.TYPE, d, width) : null;
        INDArray[] z = new INDArray[specs.size()];
        for (int a = 0; a < specs.size(); a++) {
            ActivationSpec s = specs.get(a);
            z[a] = g1.mul(Math.sqrt(s.firstLayerSigmaW2()));
            if (s.sigmaB2() > 0) {
                z[a].addi(b1.mul(Math.sqrt(s.sigmaB2())));
            }
            store(out[a][0], start, width, z[a]);
        }
        progress.step(1);
        for (int l = 1; l < settings.depth; l++) {
            INDArray[] base = thetas.length > 0 ? Nd4jOps.weibullBase(d, (long) width * width) : null;
            INDArray gauss = anyGaussian ? Nd4j.randn(Nd4jOps.TYPE, d, (long) width * width) : null;
            INDArray bias = anyBias ? Nd4j.randn(Nd4jOps.TYPE, d, width) : null;
            Map<Double, INDArray> weibull = new LinkedHashMap<>();
            for (int a = 0; a < specs.size(); a++) {
                ActivationSpec s = specs.get(a);
                INDArray w;
                if (s.weibullWeights()) {
                    w = weibull.computeIfAbsent(s.theta(), t -> Nd4jOps.weibull(base[0], base[1], t));
                } else {
                    w = gauss;
                }
                INDArray act = z[a];          // overwritten: z of the previous layer is stored already
                Nd4jOps.applyInPlace(acts[a], act);
                INDArray next = matVec(act, w.reshape(d, width, width), d, width)
                        .muli(Math.sqrt(s.hiddenSigmaW2()) / Math.sqrt(width));
                if (s.sigmaB2() > 0) {
                    next.addi(bias.mul(Math.sqrt(s.sigmaB2())));
                }
                z[a] = next;
                store(out[a][l], start, width, next);
            }
            progress.step(1);
        }
    }

    /** out[d, j] = sum_i a[d, i] w[d, i, j]. */
    private static INDArray matVec(INDArray a, INDArray w, int d, int width) {
        if (width <= 16) {
            return w.mul(a.reshape(d, width, 1)).sum(1);
        }
        return Nd4j.matmul(a.reshape(d, 1, width), w).reshape(d, width);
    }

    private static void store(float[] dst, int startDraw, int width, INDArray z) {
        float[] v = z.dup('c').data().asFloat();
        System.arraycopy(v, 0, dst, startDraw * width, v.length);
    }
}
