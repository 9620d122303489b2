package org.phitheta.cli;

import org.phitheta.activation.PhiThetaActivation;
import org.phitheta.bench.ActivationBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Times phi_theta against tanh side by side in one run and prints the ratios as CSV. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark phi_theta against DL4J's tanh (activation forward+backward on 1M float32 values in a "
                + "workspace, and a one-hidden-layer training step); prints median and min ratios as CSV.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ActivationOptions activation;
    @Mixin
    CommonOptions common;

    @Option(names = "--rounds", defaultValue = "15", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be >= 1 (got " + rounds + ")");
        }
        if (activation.theta == null && activation.params == null) {
            activation.theta = 3.0;
        }
        ActivationBenchmark.run(new PhiThetaActivation(activation.parameters()), rounds, System.out);
        return 0;
    }
}
