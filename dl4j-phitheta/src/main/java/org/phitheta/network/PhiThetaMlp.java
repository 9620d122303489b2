package org.phitheta.network;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.phitheta.activation.PhiThetaActivation;
import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.catalog.PhiThetaCatalog;
import org.phitheta.distribution.Theta;
import org.phitheta.init.WeibullInit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The paper's recipe as a DL4J {@link MultiLayerConfiguration}: an MLP whose first layer has Gaussian
 * N(0, 1/fanIn) weights, whose later layers have W(theta, 1)/sqrt(fanIn) weights ({@link WeibullInit}), every hidden
 * layer uses phi_theta, and no layer has a bias.
 *
 * <p>With inputs scaled so that ||x||^2 / n = 1, the first pre-activations are exactly N(0, 1); each later layer then
 * sees phi_theta(N(0, 1)) inputs and, by construction of the pair, gives N(0, 1) pre-activations again (exactly at
 * infinite width, approximately at finite width). An optional output layer (softmax + cross-entropy by default) uses
 * the same Weibull weights, since its inputs are phi_theta outputs too.
 *
 * <pre>{@code
 * MultiLayerConfiguration conf = PhiThetaMlp.builder()
 *         .theta(3).variant(PhiThetaVariant.ODD).nIn(784).hiddenWidths(256, 256, 256).nOut(10).seed(42).build()
 *         .configuration();
 * }</pre>
 */
public final class PhiThetaMlp {

    private final double theta;
    private final PhiThetaParameters parameters;
    private final int nIn;
    private final List<Integer> hiddenWidths;
    private final int nOut;
    private final long seed;
    private final IUpdater updater;
    private final IActivation outputActivation;
    private final LossFunctions.LossFunction loss;

    private PhiThetaMlp(Builder b) {
        this.parameters = b.parameters != null ? b.parameters
                : PhiThetaCatalog.getDefault().parameters(Theta.requireValid(b.theta), Objects.requireNonNull(b.variant, "variant"));
        this.theta = parameters.getTheta();
        if (b.nIn < 1) {
            throw new IllegalArgumentException("nIn must be >= 1 (got " + b.nIn + ")");
        }
        if (b.hiddenWidths.isEmpty()) {
            throw new IllegalArgumentException("give at least one hidden layer width");
        }
        for (int w : b.hiddenWidths) {
            if (w < 1) {
                throw new IllegalArgumentException("hidden widths must be >= 1 (got " + b.hiddenWidths + ")");
            }
        }
        if (b.nOut < 0) {
            throw new IllegalArgumentException("nOut must be >= 1, or 0 for no output layer (got " + b.nOut + ")");
        }
        this.nIn = b.nIn;
        this.hiddenWidths = Collections.unmodifiableList(new ArrayList<>(b.hiddenWidths));
        this.nOut = b.nOut;
        this.seed = b.seed;
        this.updater = b.updater;
        this.outputActivation = b.outputActivation;
        this.loss = b.loss;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    public double getTheta() {
        return theta;
    }

    public PhiThetaParameters getParameters() {
        return parameters;
    }

    public List<Integer> getHiddenWidths() {
        return hiddenWidths;
    }

    /** @return the DL4J configuration: hidden layers 0..L-1, then the output layer if nOut &gt; 0 */
    public MultiLayerConfiguration configuration() {
        PhiThetaActivation phi = new PhiThetaActivation(parameters);
        WeibullInit weibull = new WeibullInit(theta);
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater)
                .list();
        int in = nIn;
        for (int i = 0; i < hiddenWidths.size(); i++) {
            DenseLayer.Builder layer = new DenseLayer.Builder().nIn(in).nOut(hiddenWidths.get(i))
                    .activation(phi).hasBias(false);
            if (i == 0) {
                layer.weightInit(WeightInit.NORMAL); // N(0, 1/fanIn)
            } else {
                layer.weightInit(weibull);
            }
            list.layer(layer.build());
            in = hiddenWidths.get(i);
        }
        if (nOut > 0) {
            list.layer(new OutputLayer.Builder(loss).nIn(in).nOut(nOut).activation(outputActivation)
                    .weightInit(weibull).hasBias(false).build());
        }
        return list.build();
    }

    /** Builder; {@link #build()} checks every setting. */
    public static final class Builder {
        private double theta = Double.NaN;
        private PhiThetaVariant variant = PhiThetaVariant.ODD;
        private PhiThetaParameters parameters;
        private int nIn;
        private List<Integer> hiddenWidths = new ArrayList<>();
        private int nOut;
        private long seed = 12345L;
        private IUpdater updater = new Sgd(0.01);
        private IActivation outputActivation = Activation.SOFTMAX.getActivationFunction();
        private LossFunctions.LossFunction loss = LossFunctions.LossFunction.MCXENT;

        private Builder() {
        }

        /** @param theta weight shape, &gt; 2 (phi_theta from the default catalog) @return this */
        public Builder theta(double theta) {
            this.theta = theta;
            return this;
        }

        /** @param variant odd or positive (default odd) @return this */
        public Builder variant(PhiThetaVariant variant) {
            this.variant = variant;
            return this;
        }

        /** @param parameters explicit phi_theta parameters (overrides theta and variant) @return this */
        public Builder parameters(PhiThetaParameters parameters) {
            this.parameters = parameters;
            return this;
        }

        /** @param nIn input dimension @return this */
        public Builder nIn(int nIn) {
            this.nIn = nIn;
            return this;
        }

        /** @param widths widths of the hidden layers, first to last @return this */
        public Builder hiddenWidths(int... widths) {
            this.hiddenWidths = new ArrayList<>();
            for (int w : widths) {
                hiddenWidths.add(w);
            }
            return this;
        }

        /**
         * @param width width of every hidden layer
         * @param depth number of hidden layers
         * @return this
         */
        public Builder hiddenLayers(int width, int depth) {
            if (depth < 1) {
                throw new IllegalArgumentException("depth must be >= 1 (got " + depth + ")");
            }
            int[] widths = new int[depth];
            Arrays.fill(widths, width);
            return hiddenWidths(widths);
        }

        /** @param nOut classes of the output layer, or 0 for none (default 0) @return this */
        public Builder nOut(int nOut) {
            this.nOut = nOut;
            return this;
        }

        /** @param seed network seed: makes the initialization reproducible @return this */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @param updater training rule (default SGD 0.01) @return this */
        public Builder updater(IUpdater updater) {
            this.updater = Objects.requireNonNull(updater, "updater");
            return this;
        }

        /**
         * @param activation output activation (default softmax)
         * @param loss       loss function (default multi-class cross-entropy)
         * @return this
         */
        public Builder output(IActivation activation, LossFunctions.LossFunction loss) {
            this.outputActivation = Objects.requireNonNull(activation, "activation");
            this.loss = Objects.requireNonNull(loss, "loss");
            return this;
        }

        /** @return the checked recipe */
        public PhiThetaMlp build() {
            return new PhiThetaMlp(this);
        }
    }
}
