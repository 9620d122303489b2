package org.phitheta.experiment;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.phitheta.datasets.FashionMnist;
import org.phitheta.datasets.FittedPreprocessing;
import org.phitheta.datasets.ImageDataSetIterator;
import org.phitheta.datasets.ImageDataset;
import org.phitheta.datasets.Preprocessing;
import org.phitheta.network.PhiThetaMlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Trains MLPs on Fashion-MNIST with {@link MultiLayerNetwork#fit} and records, through DL4J training listeners, how
 * Gaussian the pre-activations of every hidden layer stay: every k iterations, on a fixed probe batch of test images,
 * per layer the mean, sd, skewness, excess kurtosis, KS to N(0,1) and KS to the normal with the same mean and sd;
 * per epoch the mean training loss and the test accuracy.
 *
 * <p>Inputs: pixels / 255, standardised per feature (training statistics), then each image scaled so that
 * ||x||^2 / 784 = 1. phi_theta networks follow the paper's recipe ({@link PhiThetaMlp}: Gaussian first layer,
 * W(theta,1)/sqrt(fanIn) later layers and output layer, no biases); baselines use their initialisation
 * ({@link ActivationSpec}) with biases (zero, or N(0, 0.013) for tanh). Every network: softmax output,
 * cross-entropy, Adam, the same seed and the same batch order.
 */
public final class TrainStudy {

    /** Settings. */
    public static final class Settings {
        final FashionMnist data;
        final int trainLimit;
        final int testLimit;
        final List<Integer> hidden;
        final int epochs;
        final int batchSize;
        final double learningRate;
        final int probeEvery;
        final int probeSize;
        final long seed;
        final List<ActivationSpec> activations;
        final boolean progress;

        /**
         * @param data         the data source
         * @param trainLimit   use the first n training images (class-balanced subsets stay roughly balanced), 0: all
         * @param testLimit    use the first n test images, 0: all
         * @param hidden       hidden widths
         * @param epochs       epochs
         * @param batchSize    mini-batch size
         * @param learningRate Adam learning rate
         * @param probeEvery   record pre-activation statistics every k iterations
         * @param probeSize    images in the probe batch (the first test images)
         * @param seed         seed (initialisation and batch order)
         * @param activations  recipes
         * @param progress     progress bar on stderr
         */
        public Settings(FashionMnist data, int trainLimit, int testLimit, List<Integer> hidden, int epochs,
                        int batchSize, double learningRate, int probeEvery, int probeSize, long seed,
                        List<ActivationSpec> activations, boolean progress) {
            this.data = Objects.requireNonNull(data, "data");
            if (trainLimit < 0 || testLimit < 0) {
                throw new IllegalArgumentException("image limits must be >= 0");
            }
            if (hidden == null || hidden.isEmpty() || hidden.stream().anyMatch(w -> w < 1 || w > 8192)) {
                throw new IllegalArgumentException("--hidden must list widths in 1..8192 (got " + hidden + ")");
            }
            if (epochs < 1 || epochs > 1000) {
                throw new IllegalArgumentException("--epochs must be in 1..1000 (got " + epochs + ")");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("--batch must be >= 1 (got " + batchSize + ")");
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("--lr must be a finite number > 0 (got " + learningRate + ")");
            }
            if (probeEvery < 1) {
                throw new IllegalArgumentException("--probe-every must be >= 1 (got " + probeEvery + ")");
            }
            if (probeSize < 2) {
                throw new IllegalArgumentException("--probe-size must be >= 2 (got " + probeSize + ")");
            }
            if (activations == null || activations.isEmpty()) {
                throw new IllegalArgumentException("no activation to compare");
            }
            this.trainLimit = trainLimit;
            this.testLimit = testLimit;
            this.hidden = List.copyOf(hidden);
            this.epochs = epochs;
            this.batchSize = batchSize;
            this.learningRate = learningRate;
            this.probeEvery = probeEvery;
            this.probeSize = probeSize;
            this.seed = seed;
            this.activations = List.copyOf(activations);
            this.progress = progress;
        }

        public List<ActivationSpec> activations() {
            return activations;
        }

        public int epochs() {
            return epochs;
        }

        public List<Integer> hidden() {
            return hidden;
        }

        public FashionMnist data() {
            return data;
        }
    }

    /** Pre-activation statistics of one hidden layer at one probe. */
    public static final class Probe {
        final int iteration;
        final int epoch;
        final int layer;
        final LayerStats stats;

        Probe(int iteration, int epoch, int layer, LayerStats stats) {
            this.iteration = iteration;
            this.epoch = epoch;
            this.layer = layer;
            this.stats = stats;
        }

        public int iteration() {
            return iteration;
        }

        public int epoch() {
            return epoch;
        }

        public int layer() {
            return layer;
        }

        public LayerStats stats() {
            return stats;
        }
    }

    /** One epoch. */
    public static final class Epoch {
        final int epoch;
        final int iterations;
        final double trainLoss;
        final double testAccuracy;
        final double seconds;

        Epoch(int epoch, int iterations, double trainLoss, double testAccuracy, double seconds) {
            this.epoch = epoch;
            this.iterations = iterations;
            this.trainLoss = trainLoss;
            this.testAccuracy = testAccuracy;
            this.seconds = seconds;
        }

        public int epoch() {
            return epoch;
        }

        public double trainLoss() {
            return trainLoss;
        }

        public double testAccuracy() {
            return testAccuracy;
        }
    }

    /** The record of one network. */
    public static final class Run {
        final ActivationSpec activation;
        final List<Probe> probes = new ArrayList<>();
        final List<Epoch> epochs = new ArrayList<>();
        final List<double[]> losses = new ArrayList<>();   // {iteration, loss}
        double initialTestAccuracy;
        double seconds;

        Run(ActivationSpec activation) {
            this.activation = activation;
        }

        public ActivationSpec activation() {
            return activation;
        }

        public List<Probe> probes() {
            return probes;
        }

        public List<Epoch> epochs() {
            return epochs;
        }

        /** @return {iteration, minibatch loss} of every iteration */
        public List<double[]> losses() {
            return losses;
        }

        /** @return test accuracy before training */
        public double initialTestAccuracy() {
            return initialTestAccuracy;
        }

        /** @return test accuracy after the last epoch */
        public double finalTestAccuracy() {
            return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testAccuracy;
        }

        public double seconds() {
            return seconds;
        }
    }

    private final Settings settings;

    /** @param settings settings */
    public TrainStudy(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Pre-processed data. */
    static final class Prepared {
        final ImageDataset train;
        final ImageDataset test;
        final INDArray probe;
        final String description;

        Prepared(ImageDataset train, ImageDataset test, INDArray probe, String description) {
            this.train = train;
            this.test = test;
            this.probe = probe;
            this.description = description;
        }
    }

    Prepared prepare() {
        ImageDataset train = Data.train(settings.data);
        ImageDataset test = Data.test(settings.data);
        if (settings.trainLimit > 0 && settings.trainLimit < train.size()) {
            train = train.select(balancedFirst(train, settings.trainLimit));
        }
        if (settings.testLimit > 0 && settings.testLimit < test.size()) {
            test = test.select(balancedFirst(test, settings.testLimit));
        }
        FittedPreprocessing pre = Preprocessing.builder().scaleToUnitInterval(true).standardize(true)
                .unitMeanSquare(true).build().fit(train);
        train = pre.apply(train);
        test = pre.apply(test);
        int p = Math.min(settings.probeSize, test.size());
        int[] idx = new int[p];
        for (int i = 0; i < p; i++) {
            idx[i] = i;
        }
        INDArray probe = test.select(idx).features().castTo(DataType.FLOAT);
        String source;
        switch (settings.data.source()) {
            case BUNDLED_SUBSET:
                source = "Fashion-MNIST bundled subset";
                break;
            case DEBIAN_PACKAGE:
                source = "Fashion-MNIST (Debian package " + FashionMnist.DEBIAN_PACKAGE + ")";
                break;
            default:
                source = "Fashion-MNIST from " + settings.data.directory().map(Object::toString).orElse("?");
        }
        String description = String.format(java.util.Locale.ROOT, "%s, %d training / %d test images", source,
                train.size(), test.size());
        return new Prepared(train, test, probe, description);
    }

    /** The first images in file order, taking at most limit / classes per class. */
    private static int[] balancedFirst(ImageDataset data, int limit) {
        int classes = data.numClasses();
        int per = Math.max(1, limit / classes);
        int[] taken = new int[classes];
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < data.size() && idx.size() < limit; i++) {
            int c = data.label(i);
            if (taken[c] < per) {
                taken[c]++;
                idx.add(i);
            }
        }
        boolean[] used = new boolean[data.size()];
        for (int i : idx) {
            used[i] = true;
        }
        for (int i = 0; i < data.size() && idx.size() < limit; i++) {
            if (!used[i]) {
                idx.add(i);
            }
        }
        java.util.Collections.sort(idx);
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @param spec   the recipe
     * @param nIn    input size
     * @param hidden hidden widths
     * @param seed   seed
     * @param lr     Adam learning rate
     * @return an initialised network
     */
    static MultiLayerNetwork network(ActivationSpec spec, int nIn, List<Integer> hidden, long seed, double lr) {
        MultiLayerConfiguration conf;
        if (spec.kind().isPhiTheta()) {
            conf = PhiThetaMlp.builder().parameters(spec.parameters()).nIn(nIn)
                    .hiddenWidths(hidden.stream().mapToInt(Integer::intValue).toArray()).nOut(10).seed(seed)
                    .updater(new Adam(lr)).build().configuration();
        } else {
            NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(seed)
                    .updater(new Adam(lr)).list();
            int in = nIn;
            for (int i = 0; i < hidden.size(); i++) {
                list.layer(new DenseLayer.Builder().nIn(in).nOut(hidden.get(i)).activation(spec.newActivation())
                        .weightInit(i == 0 ? spec.firstLayerInit(in) : spec.hiddenInit(in)).biasInit(0).build());
                in = hidden.get(i);
            }
            list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(10)
                    .activation(Activation.SOFTMAX).weightInit(spec.hiddenInit(in)).biasInit(0).build());
            conf = list.build();
        }
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        if (spec.sigmaB2() > 0) {
            Nd4j.getRandom().setSeed(seed + 17);
            for (int i = 0; i < hidden.size(); i++) {
                INDArray b = net.getLayer(i).getParam("b");
                b.assign(Nd4j.randn(b.dataType(), b.shape()).muli(Math.sqrt(spec.sigmaB2())));
            }
        }
        return net;
    }

    /**
     * Pre-activations z_l = a_{l-1} W_l + b_l of every hidden layer for the probe batch, computed from the
     * network's parameters and activation functions (the forward pass of a DenseLayer without dropout).
     *
     * @param net   the network
     * @param probe inputs
     * @return one [batch, width] array per hidden layer
     */
    static List<INDArray> preActivations(MultiLayerNetwork net, INDArray probe, int hiddenLayers) {
        List<INDArray> out = new ArrayList<>();
        INDArray a = probe.castTo(net.params().dataType());
        for (int l = 0; l < hiddenLayers; l++) {
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(l);
            INDArray z = a.mmul(layer.getParam("W"));
            INDArray b = layer.paramTable().get("b");
            if (b != null) {
                z.addiRowVector(b);
            }
            out.add(z.dup());
            IActivation act = ((org.deeplearning4j.nn.conf.layers.BaseLayer) layer.conf().getLayer()).getActivationFn();
            a = act.getActivation(z, false);
        }
        return out;
    }

    /** @return one record per activation */
    public List<Run> run() {
        Prepared data = prepare();
        return run(data);
    }

    List<Run> run(Prepared data) {
        List<Run> runs = new ArrayList<>();
        int perEpoch = (data.train.size() + settings.batchSize - 1) / settings.batchSize;
        long total = (long) perEpoch * settings.epochs * settings.activations.size();
        try (Progress progress = settings.progress ? Progress.start("train", total) : Progress.silent(1)) {
            for (ActivationSpec spec : settings.activations) {
                runs.add(train(spec, data, progress));
            }
        }
        return runs;
    }

    private Run train(ActivationSpec spec, Prepared data, Progress progress) {
        long t0 = System.nanoTime();
        Run run = new Run(spec);
        MultiLayerNetwork net = network(spec, data.train.inputSize(), settings.hidden, settings.seed,
                settings.learningRate);
        int hiddenLayers = settings.hidden.size();
        ImageDataSetIterator trainIter = data.train.shuffledIterator(settings.batchSize, settings.seed);
        probe(run, net, data.probe, 0, 0, hiddenLayers);
        run.initialTestAccuracy = accuracy(net, data.test);
        net.setListeners(new BaseTrainingListener() {
            private double lossSum;
            private int lossCount;
            private long epochStart = System.nanoTime();

            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                // DL4J passes the number of iterations done before this one; count from 1
                int done = iteration + 1;
                double loss = model.score();
                run.losses.add(new double[]{done, loss});
                lossSum += loss;
                lossCount++;
                if (done % settings.probeEvery == 0) {
                    probe(run, net, data.probe, done, epoch, hiddenLayers);
                }
                progress.note(String.format(java.util.Locale.ROOT, "%s epoch %d loss %.3f", spec.shortName(),
                        epoch + 1, loss));
                progress.step(1);
            }

            @Override
            public void onEpochEnd(Model model) {
                int epoch = run.epochs.size() + 1;
                double acc = accuracy(net, data.test);
                run.epochs.add(new Epoch(epoch, lossCount, lossSum / Math.max(1, lossCount), acc,
                        (System.nanoTime() - epochStart) / 1e9));
                lossSum = 0;
                lossCount = 0;
                epochStart = System.nanoTime();
            }
        });
        net.fit(trainIter, settings.epochs);
        int last = net.getIterationCount();
        if (run.probes.isEmpty() || run.probes.get(run.probes.size() - 1).iteration != last) {
            probe(run, net, data.probe, last, settings.epochs, hiddenLayers);
        }
        run.seconds = (System.nanoTime() - t0) / 1e9;
        return run;
    }

    private static void probe(Run run, MultiLayerNetwork net, INDArray probe, int iteration, int epoch, int layers) {
        List<INDArray> z = preActivations(net, probe, layers);
        for (int l = 0; l < z.size(); l++) {
            float[] v = z.get(l).castTo(DataType.FLOAT).dup('c').data().asFloat();
            run.probes.add(new Probe(iteration, epoch, l + 1, LayerStats.of(v)));
        }
    }

    private double accuracy(MultiLayerNetwork net, ImageDataset test) {
        Evaluation eval = new Evaluation(10);
        ImageDataSetIterator it = test.iterator(500);
        while (it.hasNext()) {
            DataSet ds = it.next();
            INDArray out = net.output(ds.getFeatures(), false);
            eval.eval(ds.getLabels(), out);
        }
        return eval.accuracy();
    }
}
