package org.phitheta.experiment;

import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phitheta.activation.PhiThetaFunction;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.datasets.FashionMnist;
import org.phitheta.distribution.SymmetricWeibullDistribution;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The depth study on small settings. */
class DepthStudyTest {

    private static final int DEPTH = 6;
    private static List<ActivationSpec> specs;
    private static DepthStudy study;
    private static DepthResult result;

    @BeforeAll
    static void run() {
        specs = ActivationSelection.expand(List.of("odd", "positive", "tanh", "relu", "selu"), List.of(3.0),
                CatalogChoice.parse("published"));
        DepthStudy.Input image = Data.image(FashionMnist.bundledSubset(), 0);
        study = new DepthStudy(new DepthStudy.Settings(List.of(3, 24), DEPTH, 24_000, 11, specs,
                List.of(DepthStudy.Input.onesOfWidth(), image), List.of(1, DEPTH), false, 2))
                .keepSamples("ones", 3, "odd:3.00", 4)
                .keepSamples("ones", 3, "tanh", 4);
        result = study.run();
    }

    @Test
    void firstLayerIsStandardNormalForPhiThetaAndSelu() {
        for (String input : new String[]{"ones", "image"}) {
            for (int width : new int[]{3, 24}) {
                for (String act : new String[]{"odd:3.00", "positive:3.00", "selu"}) {
                    DepthResult.Row r = result.row(input, width, act, 1);
                    // layer 1 units are exactly i.i.d. N(0,1): KS below the 1% critical value 1.63/sqrt(n)
                    double bound = Ks.noiseBound1Percent(r.stats().count());
                    assertTrue(r.stats().ks() < bound, input + " " + width + " " + act + ": KS " + r.stats().ks()
                            + " >= " + bound);
                    // variance: sd of the sample variance of N(0,1) is sqrt(2/n) = 0.009 for n = 24,000
                    assertEquals(1.0, r.stats().variance(), 5 * Math.sqrt(2.0 / r.stats().count()));
                }
            }
        }
    }

    @Test
    void baselineFirstLayersHaveTheirInitVariance() {
        int n = 24_000;
        double tol = 5 * Math.sqrt(2.0 / n);  // relative sd of a sample variance
        assertEquals(2.0, result.row("ones", 24, "relu", 1).stats().variance(), 2.0 * tol);
        assertEquals(1.473, result.row("ones", 24, "tanh", 1).stats().variance(), 1.473 * tol);
        // but not N(0,1): far outside the noise bound
        assertTrue(result.row("ones", 24, "relu", 1).stats().ks() > 0.05);
        // the shape is normal though: KS to the fitted normal is within noise
        assertTrue(result.row("ones", 24, "relu", 1).stats().ksFitted() < Ks.noiseBound1Percent(n));
    }

    @Test
    void phiThetaStaysCloserToNormalThanReluAtWidth24() {
        for (int layer = 2; layer <= DEPTH; layer++) {
            double relu = result.row("ones", 24, "relu", layer).stats().ks();
            double tanh = result.row("ones", 24, "tanh", layer).stats().ks();
            for (String act : new String[]{"odd:3.00", "positive:3.00"}) {
                double ks = result.row("ones", 24, act, layer).stats().ks();
                // phi_theta ~0.01 (noise floor 0.006 plus width effects); ReLU, tanh > 0.05 (scale mismatch)
                assertTrue(ks < 0.03 && ks < relu && ks < tanh, act + " layer " + layer + ": " + ks);
            }
        }
    }

    /**
     * The batched computation against independent scalar networks: unit 0 of each draw at layer 4 (independent
     * across draws) against a direct simulation; two-sample KS below 1.63 sqrt(1/n1 + 1/n2) (1% level; fixed seeds).
     */
    @Test
    void batchedDeepNetworksAgreeWithScalarSimulation() {
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        CatalogChoice catalog = CatalogChoice.parse("published");
        ActivationSpec[] cases = {catalog.spec(3.0, PhiThetaVariant.ODD), ActivationSpec.baseline(ActivationSpec.Kind.TANH)};
        for (ActivationSpec spec : cases) {
            float[] pooled = study.samples("ones", 3, spec.label(), 4);
            assertNotNull(pooled);
            double[] unit0 = new double[pooled.length / 3];
            for (int d = 0; d < unit0.length; d++) {
                unit0[d] = pooled[3 * d];
            }
            double[] scalar = scalar(spec, 3, 4, 6000, 5);
            double d = ks.kolmogorovSmirnovStatistic(unit0, scalar);
            double bound = 1.63 * Math.sqrt(1.0 / unit0.length + 1.0 / scalar.length);
            assertTrue(d < bound, spec.label() + ": two-sample KS " + d + " >= " + bound);
        }
    }

    /** Unit 0 of layer {@code layer} of independent networks of width {@code width} with input x = 1 (dim width). */
    private static double[] scalar(ActivationSpec spec, int width, int layer, int draws, long seed) {
        Random rnd = new Random(seed);
        SymmetricWeibullDistribution weibull = spec.weibullWeights()
                ? new SymmetricWeibullDistribution(new Well19937c(seed), spec.theta(), 1.0) : null;
        PhiThetaFunction phi = spec.parameters() == null ? null : spec.parameters().function();
        double sb = Math.sqrt(spec.sigmaB2());
        double[] out = new double[draws];
        for (int k = 0; k < draws; k++) {
            double[] z = new double[width];
            for (int j = 0; j < width; j++) {
                double s = 0;
                for (int i = 0; i < width; i++) {
                    s += rnd.nextGaussian();          // x_i = 1
                }
                z[j] = Math.sqrt(spec.firstLayerSigmaW2()) * s / Math.sqrt(width) + sb * rnd.nextGaussian();
            }
            for (int l = 2; l <= layer; l++) {
                double[] next = new double[width];
                for (int j = 0; j < width; j++) {
                    double s = 0;
                    for (int i = 0; i < width; i++) {
                        double a = phi != null ? phi.value(z[i]) : Math.tanh(z[i]);
                        s += (weibull != null ? weibull.sample() : rnd.nextGaussian()) * a;
                    }
                    next[j] = Math.sqrt(spec.hiddenSigmaW2()) * s / Math.sqrt(width) + sb * rnd.nextGaussian();
                }
                z = next;
            }
            out[k] = z[0];
        }
        return out;
    }

    @Test
    void resultsDoNotDependOnThreadsAndCsvIsComplete() {
        List<ActivationSpec> two = specs.subList(0, 2);
        DepthResult a = new DepthStudy(new DepthStudy.Settings(List.of(4), 3, 2000, 3, two, null, List.of(), false, 1)).run();
        DepthResult b = new DepthStudy(new DepthStudy.Settings(List.of(4), 3, 2000, 3, two, null, List.of(), false, 2)).run();
        assertEquals(a.toCsv(), b.toCsv());
        String[] lines = result.toCsv().split("\n");
        assertEquals(DepthResult.HEADER, lines[0]);
        assertEquals(1 + 2 * 2 * specs.size() * DEPTH, lines.length, "inputs x widths x activations x layers");
        String[] qq = result.qqCsv().split("\n");
        assertEquals(1 + 2 * 2 * specs.size() * 2 * DepthStudy.QQ_POINTS, qq.length);
    }
}
