package org.phitheta.activation;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.phitheta.catalog.CatalogEntry;
import org.phitheta.catalog.CatalogFixtures;
import org.phitheta.catalog.PhiThetaCatalog;
import org.phitheta.init.WeibullInit;

import java.io.File;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhiThetaActivationTest {

    private static DataType savedDefault;

    @BeforeAll
    static void doublePrecision() {
        savedDefault = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restore() {
        Nd4j.setDefaultDataTypes(savedDefault, savedDefault);
    }

    private static final double[] GRID = {-1e6, -50, -7.3, -2, -1, -0.5, -1e-3, 0.0, 1e-3, 0.25, 0.9, 1.5, 3, 11, 1e6};

    @Test
    void forwardAndBackwardMatchTheScalarFormulasInDoubleAndFloat() {
        for (CatalogEntry e : CatalogFixtures.allEntries()) {
            PhiThetaFunction phi = e.getParameters().function();
            PhiThetaActivation act = new PhiThetaActivation(e.getParameters());
            for (DataType type : new DataType[]{DataType.DOUBLE, DataType.FLOAT}) {
                INDArray x = Nd4j.createFromArray(GRID).castTo(type).reshape(3, 5);
                INDArray y = act.getActivation(x.dup(), false);
                INDArray eps = Nd4j.linspace(type, 0.5, 0.1, GRID.length).reshape(3, 5);
                INDArray grad = act.backprop(x.dup(), eps).getFirst();
                assertEquals(type, y.dataType());
                assertEquals(type, grad.dataType());
                // double: same formulas, different op order: 1e-12 relative; float: 2e-6 relative (~20 ulps through
                // tanh, pow, log and products)
                double tol = type == DataType.DOUBLE ? 1e-12 : 2e-6;
                for (int i = 0; i < GRID.length; i++) {
                    double xi = x.getDouble(i / 5, i % 5);
                    double expected = phi.value(xi);
                    double expectedGrad = phi.derivative(xi) * eps.getDouble(i / 5, i % 5);
                    assertEquals(expected, y.getDouble(i / 5, i % 5), tol * Math.max(1, Math.abs(expected)), e + " phi(" + xi + ") " + type);
                    assertEquals(expectedGrad, grad.getDouble(i / 5, i % 5), tol * Math.max(1, Math.abs(expectedGrad)) + 1e-12,
                            e + " dphi(" + xi + ") " + type);
                }
            }
        }
    }

    @Test
    void infiniteAndNaNInputsAreHandled() {
        for (PhiThetaVariant variant : PhiThetaVariant.values()) {
            PhiThetaActivation act = new PhiThetaActivation(PhiThetaCatalog.getDefault().parameters(3.0, variant));
            for (DataType type : new DataType[]{DataType.DOUBLE, DataType.FLOAT}) {
                INDArray x = Nd4j.createFromArray(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.0).castTo(type);
                INDArray y = act.getActivation(x.dup(), false);
                INDArray g = act.backprop(x.dup(), Nd4j.onesLike(x)).getFirst();
                assertEquals(Double.POSITIVE_INFINITY, y.getDouble(0), variant + " " + type);
                assertEquals(variant == PhiThetaVariant.ODD ? Double.NEGATIVE_INFINITY : 0.0, y.getDouble(1), variant + " " + type);
                assertTrue(Double.isNaN(y.getDouble(2)), variant + " " + type);
                assertTrue(Double.isFinite(y.getDouble(3)), variant + " " + type);
                // derivative limit at +-infinity is 0; ND4J evaluates it at |x| = 1e30, where it is below 1e-3
                assertEquals(0.0, g.getDouble(0), 1e-3, variant + " " + type);
                assertEquals(0.0, g.getDouble(1), 1e-3, variant + " " + type);
                assertTrue(Double.isFinite(g.getDouble(3)), variant + " " + type);
            }
        }
    }

    private static MultiLayerConfiguration mlp(PhiThetaActivation phi, double theta) {
        return new NeuralNetConfiguration.Builder().seed(7).updater(new NoOp()).dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6).activation(phi).weightInit(new WeibullInit(theta)).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(5).activation(phi).weightInit(new WeibullInit(theta, 0.8, true)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(3).activation(Activation.SOFTMAX).build())
                .build();
    }

    @Test
    void multiLayerConfigurationRoundTripsThroughJsonAndYaml() {
        for (PhiThetaVariant variant : PhiThetaVariant.values()) {
            PhiThetaActivation phi = new PhiThetaActivation(PhiThetaCatalog.getDefault().parameters(4.0, variant));
            MultiLayerConfiguration conf = mlp(phi, 4.0);
            MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(conf.toJson());
            MultiLayerConfiguration fromYaml = MultiLayerConfiguration.fromYaml(conf.toYaml());
            for (MultiLayerConfiguration c : new MultiLayerConfiguration[]{fromJson, fromYaml}) {
                assertEquals(conf, c);
                BaseLayer l1 = (BaseLayer) c.getConf(1).getLayer();
                assertEquals(phi, l1.getActivationFn());
                assertEquals(phi.parameters(), ((PhiThetaActivation) l1.getActivationFn()).parameters());
                assertEquals(new WeibullInit(4.0, 0.8, true), l1.getWeightInitFn());
            }
        }
    }

    @Test
    void computationGraphConfigurationRoundTripsThroughJsonAndYaml() {
        PhiThetaActivation phi = PhiThetaActivation.positive(2.5);
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(3).nOut(4).activation(phi).weightInit(new WeibullInit(2.5)).build(), "in")
                .addLayer("out", new OutputLayer.Builder().nIn(4).nOut(2).activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out").build();
        for (ComputationGraphConfiguration c : new ComputationGraphConfiguration[]{
                ComputationGraphConfiguration.fromJson(conf.toJson()), ComputationGraphConfiguration.fromYaml(conf.toYaml())}) {
            assertEquals(conf, c);
            BaseLayer hidden = (BaseLayer) ((org.deeplearning4j.nn.conf.graph.LayerVertex) c.getVertices().get("hidden"))
                    .getLayerConf().getLayer();
            assertEquals(phi, hidden.getActivationFn());
        }
    }

    @Test
    void invalidThetaInJsonIsAClearError() {
        String json = mlp(PhiThetaActivation.odd(3.0), 3.0).toJson();
        String broken = json.replaceFirst("\"theta\" : 3\\.0", "\"theta\" : 1.5");
        assertTrue(!broken.equals(json), "test must actually change theta");
        assertLoadFailsNaming(broken, "theta must be a finite number > 2");
    }

    /** Loading the JSON fails, and some exception in the cause chain carries the expected text. */
    private static void assertLoadFailsNaming(String json, String text) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> MultiLayerConfiguration.fromJson(json));
        boolean named = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            named |= t.getMessage() != null && t.getMessage().contains(text);
        }
        assertTrue(named, "error chain should contain '" + text + "': " + e);
    }

    @Test
    void missingParameterInJsonIsAnErrorNamingIt() {
        // Jackson would fill a missing double with 0: a positive activation without h must not load as h = 0
        String json = mlp(PhiThetaActivation.positive(3.0), 3.0).toJson();
        String broken = json.replaceAll(",\\s*\"h\"\\s*:\\s*[-0-9.eE]+", "");
        assertTrue(!broken.equals(json), "test must actually remove h");
        assertLoadFailsNaming(broken, "missing parameter \"h\"");
    }

    @Test
    void modelSerializerRestoresIdenticalOutputs(@TempDir File dir) throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(mlp(PhiThetaActivation.odd(3.0), 3.0));
        net.init();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 8, 4).subi(0.5).muli(4);
        File file = new File(dir, "net.zip");
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertEquals(net.params(), restored.params());
        assertEquals(net.output(x), restored.output(x));
        assertEquals(net.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations());
    }

    @Test
    void gradientCheckPassesInDoublePrecision() {
        for (PhiThetaVariant variant : PhiThetaVariant.values()) {
            MultiLayerNetwork net = new MultiLayerNetwork(mlp(new PhiThetaActivation(
                    PhiThetaCatalog.getDefault().parameters(3.0, variant)), 3.0));
            net.init();
            INDArray input = Nd4j.rand(DataType.DOUBLE, 6, 4).subi(0.5).muli(3);
            INDArray labels = Nd4j.zeros(DataType.DOUBLE, 6, 3);
            for (int i = 0; i < 6; i++) {
                labels.putScalar(i, i % 3, 1.0);
            }
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(input)
                    .labels(labels).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-10));
            assertTrue(ok, "gradient check for " + variant);
        }
    }

    @Test
    void sameDiffFunctionMatchesTheDl4jActivation() {
        for (PhiThetaVariant variant : PhiThetaVariant.values()) {
            PhiThetaParameters p = PhiThetaCatalog.getDefault().parameters(5.0, variant);
            INDArray x = Nd4j.linspace(DataType.DOUBLE, -6, 0.25, 49).reshape(7, 7);
            SameDiff sd = SameDiff.create();
            SDVariable in = sd.var("x", x.dup());
            SDVariable out = PhiThetaSameDiff.apply(sd, in, p).sum();
            out.markAsLoss();
            Map<String, INDArray> grads = sd.calculateGradients(null, "x");
            INDArray value = PhiThetaSameDiff.apply(sd, in, p).eval();
            PhiThetaActivation act = new PhiThetaActivation(p);
            INDArray expected = act.getActivation(x.dup(), false);
            INDArray expectedGrad = act.backprop(x.dup(), Nd4j.onesLike(x)).getFirst();
            // same closed form evaluated by different op sequences in double: 1e-12
            assertTrue(expected.equalsWithEps(value, 1e-12), variant + " value");
            assertTrue(expectedGrad.equalsWithEps(grads.get("x"), 1e-12), variant + " gradient");
        }
    }
}
