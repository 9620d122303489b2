package org.phitheta.cli;

import org.phitheta.datasets.FashionMnist;
import org.phitheta.experiment.ActivationSpec;
import org.phitheta.experiment.Data;
import org.phitheta.experiment.DepthExperiment;
import org.phitheta.experiment.DepthResult;
import org.phitheta.experiment.DepthStudy;
import org.phitheta.experiment.Interpretation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Deep narrow MLPs at initialization. */
@Command(name = "depth", mixinStandardHelpOptions = true,
        description = {"Deep MLPs at initialization: for a fixed input and many independent weight draws, the "
                + "pre-activations of every layer (KS to N(0,1) and to the fitted normal, mean, variance, skewness, "
                + "excess kurtosis), for phi_theta and the tanh, ReLU (He) and SELU (LeCun) baselines.",
                "Writes " + DepthResult.CSV + ", " + DepthResult.QQ_CSV + ", " + DepthResult.KS_PNG + ", "
                        + DepthResult.KS_FITTED_PNG + ", " + DepthResult.MOMENTS_PNG + ", " + DepthResult.QQ_PNG
                        + " and " + DepthResult.JSON + "."})
final class DepthCommand implements Callable<Integer> {

    static final List<Double> DEFAULT_THETAS = List.of(3.0);
    static final List<String> DEFAULT_ACTIVATIONS = List.of("odd", "positive", "tanh", "relu", "selu");

    @Mixin
    ExperimentOptions options;
    @Mixin
    CommonOptions common;

    @Option(names = "--widths", split = ",", defaultValue = "2,5,10,100",
            description = "Hidden widths (default: ${DEFAULT-VALUE}).")
    List<Integer> widths;

    @Option(names = "--depth", defaultValue = "50", description = "Hidden layers (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--samples", defaultValue = "40000", description = "Pooled pre-activations per layer: "
            + "draws = samples / width for each width (default: ${DEFAULT-VALUE}).")
    long samples;

    @Option(names = "--draws", defaultValue = "0", description = "Independent weight draws for every width "
            + "(overrides --samples; 0: samples / width).")
    int draws;

    @Option(names = "--input", split = ",", defaultValue = "ones",
            description = "Fixed inputs: ones (x = 1 of dimension width), image (a Fashion-MNIST test image scaled "
                    + "to ||x||^2/784 = 1); comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> inputs;

    @Option(names = "--data", defaultValue = "subset", paramLabel = "subset|full|DIR",
            description = "Fashion-MNIST for --input image (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--qq-layers", split = ",", defaultValue = "1,10,50",
            description = "Layers shown in QQ plots (default: ${DEFAULT-VALUE}).")
    List<Integer> qqLayers;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<ActivationSpec> specs = options.specs(DEFAULT_ACTIVATIONS, DEFAULT_THETAS);
        List<DepthStudy.Input> in = inputs(inputs, data);
        DepthStudy.Settings settings = new DepthStudy.Settings(widths, depth, samples, draws, options.seed(), specs,
                in, qqLayers, true, options.threads());
        Path out = options.out("phitheta-out/depth");
        ExperimentOptions.checkOut(out);
        Map<String, Object> summary = DepthExperiment.run(settings, options.catalogChoice(), out);
        PrintWriter w = spec.commandLine().getOut();
        Interpretation.depth(summary).forEach(w::println);
        w.println("files: " + out.toAbsolutePath().normalize());
        w.flush();
        return 0;
    }

    /**
     * @param names "ones", "image"
     * @param data  Fashion-MNIST source for images
     * @return the inputs, in the order given
     */
    static List<DepthStudy.Input> inputs(List<String> names, String data) {
        List<DepthStudy.Input> in = new ArrayList<>();
        for (String n : names) {
            String s = n.trim().toLowerCase(java.util.Locale.ROOT);
            if (!s.equals("ones") && !s.equals("image")) {
                throw new IllegalArgumentException("unknown --input '" + n + "': expected ones or image");
            }
        }
        for (String n : names) {
            String s = n.trim().toLowerCase(java.util.Locale.ROOT);
            if (s.equals("ones") && in.stream().noneMatch(i -> i.name().equals("ones"))) {
                in.add(DepthStudy.Input.onesOfWidth());
            } else if (s.equals("image") && in.stream().noneMatch(i -> i.name().equals("image"))) {
                FashionMnist fm = Data.resolve(data);
                in.add(Data.image(fm, 0));
            }
        }
        return in;
    }
}
