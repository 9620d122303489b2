package org.phitheta.init;

import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.phitheta.distribution.SymmetricWeibullDistribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeibullInitTest {

    /** Significance level of the Kolmogorov-Smirnov tests: a correct init fails one time in 1,000 (seeds are fixed). */
    private static final double ALPHA = 1e-3;

    private static MultiLayerNetwork denseNet(long seed, IWeightInit init) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).list()
                .layer(new DenseLayer.Builder().nIn(400).nOut(50).weightInit(init).activation(Activation.IDENTITY).build())
                .layer(new OutputLayer.Builder().nIn(50).nOut(2).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static double ksPValue(INDArray weights, RealDistribution law) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(law, weights.dup().reshape(weights.length()).toDoubleVector());
    }

    @Test
    void denseWeightsFollowWeibullOverSqrtFanIn() {
        double theta = 3.0;
        INDArray w = denseNet(11, new WeibullInit(theta)).getLayer(0).getParam("W");
        assertArrayEquals(new long[]{400, 50}, w.shape());
        // W_ij ~ W(theta, 1) / sqrt(400) = W(theta, 1/20)
        SymmetricWeibullDistribution law = new SymmetricWeibullDistribution(null, theta, 1.0 / 20);
        assertTrue(ksPValue(w, law) > ALPHA, "KS p-value");
        // and not Gaussian with the same variance: the test has power at this sample size (20,000 draws)
        org.apache.commons.math3.distribution.NormalDistribution gauss =
                new org.apache.commons.math3.distribution.NormalDistribution(null, 0, Math.sqrt(law.getNumericalVariance()));
        assertTrue(ksPValue(w, gauss) < ALPHA, "a Gaussian must be rejected");
    }

    @Test
    void convolutionFanInIsChannelsTimesKernelArea() {
        double theta = 5.0;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nIn(8).nOut(64).weightInit(new WeibullInit(theta, 2.0, false))
                        .activation(Activation.IDENTITY).build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(10, 10, 8))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray w = net.getLayer(0).getParam("W");
        assertEquals(8 * 64 * 9, w.length());
        // fanIn = 8 channels x 3 x 3 = 72; sigma_w = 2
        SymmetricWeibullDistribution law = new SymmetricWeibullDistribution(null, theta, 2.0 / Math.sqrt(72));
        assertTrue(ksPValue(w, law) > ALPHA, "KS p-value");
        SymmetricWeibullDistribution wrongFanIn = new SymmetricWeibullDistribution(null, theta, 2.0 / Math.sqrt(8));
        assertTrue(ksPValue(w, wrongFanIn) < ALPHA, "fanIn = channels only must be rejected");
    }

    @Test
    void unitVarianceOptionRescales() {
        double theta = 2.5;
        WeibullInit init = new WeibullInit(theta, 1.0, true);
        assertEquals(1.0 / Math.sqrt(Gamma.gamma(1 + 2 / theta)), init.scale(), 1e-15);
        INDArray w = denseNet(3, init).getLayer(0).getParam("W");
        double variance = w.mul(w).meanNumber().doubleValue() * 400; // times fanIn
        // sample variance of 20,000 draws, relative sd ~ sqrt((kurtosis - 1)/n) ~ 0.012: 0.05 is 4 sd
        assertEquals(1.0, variance, 0.05);
    }

    @Test
    void networkSeedMakesInitReproducible() {
        INDArray a = denseNet(99, new WeibullInit(4.0)).getLayer(0).getParam("W");
        INDArray b = denseNet(99, new WeibullInit(4.0)).getLayer(0).getParam("W");
        INDArray c = denseNet(100, new WeibullInit(4.0)).getLayer(0).getParam("W");
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void jsonRoundTripAndChecks() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        WeibullInit init = new WeibullInit(7.5, 1.3, true);
        String json = mapper.writeValueAsString(init);
        assertEquals(init, mapper.readValue(json, IWeightInit.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WeibullInit(2.0));
        assertTrue(e.getMessage().contains("theta must be a finite number > 2"));
        assertThrows(IllegalArgumentException.class, () -> new WeibullInit(3.0, 0.0, false));
        Exception fromJson = assertThrows(Exception.class,
                () -> mapper.readValue(json.replace("7.5", "1.0"), IWeightInit.class));
        assertTrue(String.valueOf(fromJson.getMessage()).contains("theta must be a finite number > 2"), fromJson.getMessage());
    }
}
