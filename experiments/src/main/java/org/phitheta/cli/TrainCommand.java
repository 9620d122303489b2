package org.phitheta.cli;

import org.phitheta.experiment.ActivationSpec;
import org.phitheta.experiment.Data;
import org.phitheta.experiment.Interpretation;
import org.phitheta.experiment.TrainExperiment;
import org.phitheta.experiment.TrainResult;
import org.phitheta.experiment.TrainStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Training on Fashion-MNIST with per-layer Gaussianity probes. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train MLPs on Fashion-MNIST (DL4J MultiLayerNetwork.fit) with phi_theta (the paper's recipe) "
                + "and the tanh, ReLU (He) and SELU (LeCun) baselines; every k iterations record the per-layer "
                + "pre-activation statistics of a fixed probe batch, per epoch the training loss and test accuracy.",
                "Writes " + TrainResult.STATS_CSV + ", " + TrainResult.EPOCHS_CSV + ", " + TrainResult.LOSS_CSV + ", "
                        + TrainResult.KS_PNG + ", " + TrainResult.CURVES_PNG + " and " + TrainResult.JSON + "."})
final class TrainCommand implements Callable<Integer> {

    static final List<Double> DEFAULT_THETAS = List.of(3.0);
    static final List<String> DEFAULT_ACTIVATIONS = List.of("odd", "positive", "tanh", "relu", "selu");

    @Mixin
    ExperimentOptions options;
    @Mixin
    CommonOptions common;
    @Mixin
    TrainOptions train;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<ActivationSpec> specs = options.specs(DEFAULT_ACTIVATIONS, DEFAULT_THETAS);
        TrainStudy.Settings settings = train.settings(specs, options.seed(), train.epochs == null ? 5 : train.epochs);
        Path out = options.out("phitheta-out/train");
        ExperimentOptions.checkOut(out);
        Map<String, Object> summary = TrainExperiment.run(settings, options.catalogChoice(), out);
        PrintWriter w = spec.commandLine().getOut();
        Interpretation.train(summary).forEach(w::println);
        w.println("files: " + out.toAbsolutePath().normalize());
        w.flush();
        return 0;
    }

    /** Options of the training experiment, shared with {@code run}. */
    static final class TrainOptions {
        @Option(names = "--data", defaultValue = "subset", paramLabel = "subset|full|DIR",
                description = "Fashion-MNIST: the bundled class-balanced subset (6,000 + 1,000 images), the full set "
                        + "(Debian package dataset-fashion-mnist or $PHITHETA_DATA), or a directory "
                        + "(default: ${DEFAULT-VALUE}).")
        String data;

        @Option(names = "--epochs", description = "Training epochs (default: 5; run --quick: 1).")
        Integer epochs;

        @Option(names = "--hidden", split = ",", defaultValue = "256,256,256",
                description = "Hidden widths (default: ${DEFAULT-VALUE}).")
        List<Integer> hidden;

        @Option(names = "--batch", defaultValue = "64", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
        double lr;

        @Option(names = "--probe-every", defaultValue = "20",
                description = "Record pre-activation statistics every k iterations (default: ${DEFAULT-VALUE}).")
        int probeEvery;

        @Option(names = "--probe-size", defaultValue = "500",
                description = "Test images in the probe batch (default: ${DEFAULT-VALUE}).")
        int probeSize;

        @Option(names = "--train-limit", defaultValue = "0",
                description = "Use only the first N training images, class-balanced (0: all).")
        int trainLimit;

        @Option(names = "--test-limit", defaultValue = "0",
                description = "Use only the first N test images, class-balanced (0: all).")
        int testLimit;

        TrainStudy.Settings settings(List<ActivationSpec> specs, long seed, int epochs) {
            return new TrainStudy.Settings(Data.resolve(data), trainLimit, testLimit, hidden, epochs, batch, lr,
                    probeEvery, probeSize, seed, specs, true);
        }
    }
}
