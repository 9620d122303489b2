package org.phitheta.cli;

import org.phitheta.fitting.SameDiffNoiseFilter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * Entry point of {@code phitheta.jar}: one command with subcommands, each with {@code --help}.
 *
 * <p>Errors print one line on stderr and exit non-zero; {@code --verbose} adds the stack trace.
 */
@Command(name = "phitheta", mixinStandardHelpOptions = true, version = "phitheta 0.1.0",
        description = "Gaussian pre-activations for Deeplearning4j: phi_theta activations paired with Weibull weights.",
        subcommands = {PhiCommand.class, KsCommand.class, FitCommand.class, BenchCommand.class, TwoLayerCommand.class, DepthCommand.class, TrainCommand.class, RunCommand.class,
                CommandLine.HelpCommand.class})
public final class PhiThetaCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        SameDiffNoiseFilter.install();
        int code = execute(args);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs the command line without exiting the JVM.
     *
     * @param args arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        try {
            return commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.printf(java.util.Locale.ROOT, "error: out of memory (JVM heap %,d MB): use smaller settings "
                    + "(--draws, --samples, --hidden) or give java a larger -Xmx%n", Runtime.getRuntime().maxMemory() >> 20);
            return 1;
        }
    }

    /** @return the configured picocli command line (for tests: redirect its writers) */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PhiThetaCli());
        cli.setParameterExceptionHandler((ex, args) -> {
            // a mistyped option or value: one line naming it, not the whole usage text
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("(run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options)");
            err.flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean verbose = parseResult.originalArgs().contains("--verbose");
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            err.println("error: " + message);
            if (verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("(run with --verbose for details)");
            }
            err.flush();
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
