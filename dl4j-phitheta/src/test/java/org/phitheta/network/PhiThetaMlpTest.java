package org.phitheta.network;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitNormal;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.phitheta.activation.PhiThetaActivation;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.init.WeibullInit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhiThetaMlpTest {

    @Test
    void followsThePaperRecipe() {
        MultiLayerConfiguration conf = PhiThetaMlp.builder().theta(3).variant(PhiThetaVariant.POSITIVE)
                .nIn(20).hiddenLayers(30, 3).nOut(4).build().configuration();
        assertEquals(4, conf.getConfs().size());
        BaseLayer first = (BaseLayer) conf.getConf(0).getLayer();
        assertTrue(first.getWeightInitFn() instanceof WeightInitNormal, "first layer N(0, 1/fanIn)");
        for (int i = 1; i < 4; i++) {
            BaseLayer l = (BaseLayer) conf.getConf(i).getLayer();
            assertEquals(new WeibullInit(3), l.getWeightInitFn(), "layer " + i);
            assertFalse(l instanceof DenseLayer && ((DenseLayer) l).hasBias(), "no bias in layer " + i);
        }
        assertEquals(PhiThetaActivation.positive(3), first.getActivationFn());
    }

    @Test
    void preActivationsStayStandardNormalAcrossLayers() {
        // 2,000 inputs of dimension 500 with ||x||^2/n = 1; width 500 -> first and third pre-activations ~ N(0,1)
        MultiLayerNetwork net = new MultiLayerNetwork(PhiThetaMlp.builder().theta(4).nIn(500).hiddenLayers(500, 3)
                .seed(1).build().configuration());
        net.init();
        INDArray x = normalise(Nd4j.randn(DataType.FLOAT, 2000, 500));
        java.util.List<INDArray> acts = net.feedForward(x, true);
        // z_l = a_{l-1} W_l (no bias)
        for (int layer = 0; layer < 3; layer++) {
            INDArray z = acts.get(layer).mmul(net.getLayer(layer).getParam("W"));
            // one unit per layer across 2,000 inputs: the pre-activation law at this width
            double[] column = z.getColumn(7).toDoubleVector();
            double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(null, 0, 1), column);
            // per-unit law given the weights is N(0, ||w||^2) for layer 1 (exact) and near N(0,1) later: at
            // the 0.001 level a correct recipe passes (fixed seed)
            assertTrue(p > 1e-3, "layer " + (layer + 1) + " p=" + p);
            // mean square over 2,000 x 500 values; unit-to-unit spread of ||w||^2 at width 500 is a few percent
            assertEquals(1.0, z.mul(z).meanNumber().doubleValue(), 0.15, "layer " + (layer + 1) + " second moment");
        }
    }

    private static INDArray normalise(INDArray x) {
        INDArray rms = org.nd4j.linalg.ops.transforms.Transforms.sqrt(x.mul(x).mean(true, 1), false);
        return x.diviColumnVector(rms);
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> PhiThetaMlp.builder().theta(2).nIn(3).hiddenWidths(4).build());
        assertThrows(IllegalArgumentException.class, () -> PhiThetaMlp.builder().theta(3).nIn(0).hiddenWidths(4).build());
        assertThrows(IllegalArgumentException.class, () -> PhiThetaMlp.builder().theta(3).nIn(3).build());
    }
}
