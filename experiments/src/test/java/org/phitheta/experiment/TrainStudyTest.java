package org.phitheta.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.phitheta.datasets.FashionMnist;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A few iterations of training on a few hundred images. */
class TrainStudyTest {

    private static TrainStudy.Settings settings;
    private static TrainStudy.Prepared data;
    private static List<TrainStudy.Run> runs;

    @BeforeAll
    static void train() {
        List<ActivationSpec> specs = ActivationSelection.expand(List.of("odd", "relu", "tanh"), List.of(3.0),
                CatalogChoice.parse("published"));
        // 300 images, batch 30: 10 iterations per epoch, 2 epochs, a probe every 5 iterations on 100 test images
        settings = new TrainStudy.Settings(FashionMnist.bundledSubset(), 300, 200, List.of(32, 24), 2, 30, 3e-3, 5,
                100, 7, specs, false);
        TrainStudy study = new TrainStudy(settings);
        data = study.prepare();
        runs = study.run(data);
    }

    @Test
    void inputsAreScaledToUnitMeanSquare() {
        INDArray x = data.probe;
        double[] ms = x.mul(x).mean(1).toDoubleVector();
        for (double v : ms) {
            assertEquals(1.0, v, 1e-4, "||x||^2/784");
        }
        assertEquals(300, data.train.size());
        assertEquals(200, data.test.size());
    }

    @Test
    void trainingImprovesTheLossAndTheAccuracy() {
        for (TrainStudy.Run r : runs) {
            List<double[]> l = r.losses();
            assertEquals(20, l.size(), "2 epochs x 10 iterations");
            double first = (l.get(0)[1] + l.get(1)[1] + l.get(2)[1]) / 3;
            double last = (l.get(17)[1] + l.get(18)[1] + l.get(19)[1]) / 3;
            // cross-entropy starts near ln 10 = 2.3 and Adam (lr 3e-3) lowers it clearly within 20 steps
            assertTrue(last < 0.8 * first, r.activation() + ": loss " + first + " -> " + last);
            assertEquals(2, r.epochs().size());
            // chance is 0.1; 20 steps on 300 images reach well above 0.4 on these 200 test images
            assertTrue(r.finalTestAccuracy() > 0.4, r.activation() + ": accuracy " + r.finalTestAccuracy());
            assertTrue(r.initialTestAccuracy() < 0.3, r.activation() + ": untrained accuracy " + r.initialTestAccuracy());
        }
    }

    @Test
    void perLayerStatisticsAreRecordedEveryKIterations() {
        for (TrainStudy.Run r : runs) {
            // probes at iterations 0, 5, 10, 15, 20, two hidden layers each
            assertEquals(10, r.probes().size(), r.activation().label());
            assertEquals(List.of(0, 0, 5, 5, 10, 10, 15, 15, 20, 20),
                    r.probes().stream().map(TrainStudy.Probe::iteration).toList());
            TrainStudy.Probe p = r.probes().get(3);
            assertEquals(2, p.layer());
            assertEquals(100 * 24, p.stats().count(), "probe images x width");
            assertTrue(p.stats().ks() >= p.stats().ksFitted() - 0.05, "fitting the normal cannot make it much worse");
            assertTrue(Double.isFinite(p.stats().excessKurtosis()));
        }
        // training changes the statistics: the last probe differs from the first
        TrainStudy.Run odd = runs.get(0);
        assertTrue(odd.probes().get(8).stats().variance() != odd.probes().get(0).stats().variance());
    }

    @Test
    void preActivationsMatchTheNetworksOwnForwardPass() {
        for (ActivationSpec spec : settings.activations()) {
            MultiLayerNetwork net = TrainStudy.network(spec, 784, List.of(32, 24), 3, 1e-3);
            List<INDArray> z = TrainStudy.preActivations(net, data.probe, 2);
            List<INDArray> a = net.feedForward(data.probe.dup(), false);   // [input, a1, a2, output]
            for (int l = 0; l < 2; l++) {
                IActivation act = spec.newActivation();
                INDArray mine = act.getActivation(z.get(l).dup(), false);
                // same float32 arithmetic up to the order of operations
                assertTrue(mine.equalsWithEps(a.get(l + 1), 1e-4), spec + " layer " + (l + 1));
            }
        }
    }

    @Test
    void phiThetaNetworksFollowThePaperRecipe() {
        ActivationSpec odd = settings.activations().get(0);
        MultiLayerNetwork net = TrainStudy.network(odd, 784, List.of(64, 64), 5, 1e-3);
        assertEquals(null, net.getLayer(0).paramTable().get("b"), "no bias");
        INDArray w2 = net.getLayer(1).getParam("W");
        // W(3,1)/sqrt(64): E W^2 = Gamma(1 + 2/3) / 64 = 0.9027 / 64; 4096 weights, relative sd of the mean square
        // of W(3,1)^2 is sqrt(Var(W^2)/n)/E W^2 ~ 0.016
        double ms = w2.mul(w2).meanNumber().doubleValue() * 64;
        assertEquals(0.9027, ms, 0.08);
        ActivationSpec tanh = settings.activations().get(2);
        MultiLayerNetwork t = TrainStudy.network(tanh, 784, List.of(64, 64), 5, 1e-3);
        INDArray b = t.getLayer(1).getParam("b");
        // N(0, 0.013) biases: the mean square of 64 draws is 0.013 within ~4 sd (sd = 0.013 sqrt(2/64))
        assertEquals(0.013, b.mul(b).meanNumber().doubleValue(), 0.013 * 4 * Math.sqrt(2.0 / 64));
    }
}
