package org.phitheta.cli;

import org.phitheta.experiment.ActivationSpec;
import org.phitheta.experiment.CatalogChoice;
import org.phitheta.experiment.TwoLayerExperiment;
import org.phitheta.experiment.TwoLayerStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The published two-layer finite-width study. */
@Command(name = "two-layer", mixinStandardHelpOptions = true,
        description = {"Two-layer networks with input x = 1 and hidden sizes [1,n], [n,2], [n,n], n = 1..10: KS "
                + "distance of the output pre-activation to N(0,1) over independent weight draws, for phi_theta "
                + "(odd, positive) and the ReLU and tanh baselines.",
                "Writes " + TwoLayerExperiment.CSV + " (the published layout), " + TwoLayerExperiment.COMPARISON_CSV
                        + ", " + TwoLayerExperiment.PNG + " and " + TwoLayerExperiment.JSON + "."})
final class TwoLayerCommand implements Callable<Integer> {

    static final List<Double> DEFAULT_THETAS = List.of(2.05, 2.5, 3.0, 4.0, 5.0, 7.0, 10.0);
    static final List<String> DEFAULT_ACTIVATIONS = List.of("odd", "positive", "relu", "tanh");

    @Mixin
    ExperimentOptions options;
    @Mixin
    CommonOptions common;

    @Option(names = "--draws", defaultValue = "200000",
            description = "Independent weight draws per cell (default: ${DEFAULT-VALUE}, as published).")
    long draws;

    @Option(names = "--max-n", defaultValue = "10", description = "Largest n (default: ${DEFAULT-VALUE}).")
    int maxN;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<ActivationSpec> specs = options.specs(DEFAULT_ACTIVATIONS, DEFAULT_THETAS);
        TwoLayerStudy.Settings settings = new TwoLayerStudy.Settings(draws, maxN, options.seed(), 10_000, specs,
                true, options.threads());
        CatalogChoice catalog = options.catalogChoice();
        Path out = options.out("phitheta-out/two-layer");
        ExperimentOptions.checkOut(out);
        Map<String, Object> summary = TwoLayerExperiment.run(settings, catalog, out);
        PrintWriter w = spec.commandLine().getOut();
        org.phitheta.experiment.Interpretation.twoLayer(summary).forEach(w::println);
        w.println("files: " + out.toAbsolutePath().normalize());
        w.flush();
        return 0;
    }
}
