package org.phitheta.bench;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.activations.Activation;
import org.phitheta.activation.PhiThetaActivation;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Side-by-side timings of phi_theta against DL4J's tanh, measured in one run with interleaved rounds so that machine
 * noise hits both alike; figures are reported as ratios.
 *
 * <ol>
 * <li>activation: forward + backward on 1,000,000 float32 values inside a workspace (as in DL4J training);</li>
 * <li>training step: one fit() call of a one-hidden-layer network (784 -> 512 -> 10, batch 256, float32).</li>
 * </ol>
 */
public final class ActivationBenchmark {

    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0).policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP).build();

    /** Result of one A/B comparison. */
    public static final class Comparison {
        public final String name;
        public final double[] baselineMillis;
        public final double[] candidateMillis;

        Comparison(String name, double[] baselineMillis, double[] candidateMillis) {
            this.name = name;
            this.baselineMillis = baselineMillis;
            this.candidateMillis = candidateMillis;
        }

        /** @return median over rounds of (candidate / baseline), each the fastest call of its round */
        public double medianRatio() {
            double[] r = new double[baselineMillis.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = candidateMillis[i] / baselineMillis[i];
            }
            return median(r);
        }

        /** @return min(candidate) / min(baseline) */
        public double minRatio() {
            return Arrays.stream(candidateMillis).min().getAsDouble() / Arrays.stream(baselineMillis).min().getAsDouble();
        }
    }

    private ActivationBenchmark() {
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /**
     * Forward + backward of an activation on a [1000, 1000] float32 array inside a workspace; returns the fastest of
     * {@code iterations} calls in nanoseconds (the copy of the input into the workspace is not timed). The minimum of a
     * block is the figure least disturbed by other processes on a shared 2-core machine.
     */
    static long timeActivation(IActivation activation, INDArray x, INDArray epsilon, int iterations) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < iterations; i++) {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, "phitheta-bench")) {
                INDArray forwardIn = x.dup();
                INDArray backwardIn = x.dup();
                long t0 = System.nanoTime();
                activation.getActivation(forwardIn, true);
                activation.backprop(backwardIn, epsilon);
                best = Math.min(best, System.nanoTime() - t0);
            }
        }
        return best;
    }

    static MultiLayerNetwork oneLayerNet(IActivation activation) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Sgd(0.01))
                .dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(512).activation(activation).weightInit(WeightInit.XAVIER).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(512).nOut(10)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static Comparison compare(String name, LongSupplier baseline, LongSupplier candidate, int warmupRounds, int rounds) {
        for (int i = 0; i < warmupRounds; i++) {
            baseline.getAsLong();
            candidate.getAsLong();
        }
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            // alternate the order so neither side always runs second
            if (i % 2 == 0) {
                a[i] = baseline.getAsLong() / 1e6;
                b[i] = candidate.getAsLong() / 1e6;
            } else {
                b[i] = candidate.getAsLong() / 1e6;
                a[i] = baseline.getAsLong() / 1e6;
            }
        }
        return new Comparison(name, a, b);
    }

    /**
     * Runs both comparisons.
     *
     * @param activation the phi_theta to compare with tanh
     * @param rounds     measured rounds (each a block of calls)
     * @param out        where to print the table
     * @return the comparisons: activation, training step
     */
    public static Comparison[] run(PhiThetaActivation activation, int rounds, PrintStream out) {
        Nd4j.getRandom().setSeed(42);
        INDArray x = Nd4j.randn(DataType.FLOAT, 1000, 1000);
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, 1000, 1000);
        IActivation tanh = new ActivationTanH();
        int calls = 10;
        Comparison act = compare("activation forward+backward, 1M float32, in a workspace (fastest of " + calls + " calls per round)",
                () -> timeActivation(tanh, x, epsilon, calls), () -> timeActivation(activation, x, epsilon, calls), 3, rounds);

        MultiLayerNetwork tanhNet = oneLayerNet(tanh);
        MultiLayerNetwork phiNet = oneLayerNet(activation);
        INDArray features = Nd4j.randn(DataType.FLOAT, 256, 784);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 256, 10);
        for (int i = 0; i < 256; i++) {
            labels.putScalar(i, i % 10, 1.0);
        }
        int steps = 10;
        Comparison step = compare("training step, 784-512-10 MLP, batch 256, float32 (fastest of " + steps + " steps per round)",
                () -> timeFit(tanhNet, features, labels, steps), () -> timeFit(phiNet, features, labels, steps), 3, rounds);

        Comparison[] all = {act, step};
        // per round: the fastest call of each side, measured alternately; ratios are candidate / baseline
        out.println("benchmark,baseline,candidate,rounds,baseline_ms,candidate_ms,median_ratio,min_ratio");
        for (Comparison c : all) {
            out.println(String.format(Locale.ROOT, "\"%s\",tanh,%s,%d,%.3f,%.3f,%.3f,%.3f", c.name, activation, rounds,
                    median(c.baselineMillis), median(c.candidateMillis), c.medianRatio(), c.minRatio()));
        }
        return all;
    }

    /** @return the fastest of {@code steps} training steps, in nanoseconds */
    static long timeFit(MultiLayerNetwork net, INDArray features, INDArray labels, int steps) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < steps; i++) {
            long t0 = System.nanoTime();
            net.fit(features, labels);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }
}
