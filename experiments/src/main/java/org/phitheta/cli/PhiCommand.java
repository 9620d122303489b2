package org.phitheta.cli;

import org.phitheta.activation.PhiThetaFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Tabulates phi_theta and its derivative as CSV on stdout. */
@Command(name = "phi", mixinStandardHelpOptions = true,
        description = "Print phi_theta(x) and its derivative on a grid as CSV: x,phi,dphi.")
final class PhiCommand implements Callable<Integer> {

    private static final long MAX_POINTS = 10_000_000L;

    @Mixin
    ActivationOptions activation;
    @Mixin
    CommonOptions common;

    @Option(names = "--from", defaultValue = "-6", description = "First x (default: ${DEFAULT-VALUE}).")
    double from;
    @Option(names = "--to", defaultValue = "6", description = "Last x (default: ${DEFAULT-VALUE}).")
    double to;
    @Option(names = "--step", defaultValue = "0.05", description = "Grid step (default: ${DEFAULT-VALUE}).")
    double step;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Double.isFinite(from) || !Double.isFinite(to) || from > to) {
            throw new IllegalArgumentException("need finite --from <= --to (got " + from + ", " + to + ")");
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("--step must be a finite number > 0 (got " + step + ")");
        }
        long count = (long) Math.floor((to - from) / step + 1e-9) + 1;
        if (count > MAX_POINTS) {
            throw new IllegalArgumentException("grid of " + count + " points is too large (at most " + MAX_POINTS + ")");
        }
        PhiThetaFunction phi = activation.parameters().function();
        PrintWriter out = spec.commandLine().getOut();
        out.println("x,phi,dphi");
        for (long i = 0; i < count; i++) {
            // decimal arithmetic: -6 + 97 * 0.05 prints as -1.15, not -1.1499999999999995
            double x = java.math.BigDecimal.valueOf(from).add(java.math.BigDecimal.valueOf(step)
                    .multiply(java.math.BigDecimal.valueOf(i))).doubleValue();
            out.println(x + "," + phi.value(x) + "," + phi.derivative(x));
        }
        out.flush();
        return 0;
    }
}
