package org.phitheta.cli;

import picocli.CommandLine.Option;

/** Options every subcommand accepts. */
public final class CommonOptions {

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;
}
