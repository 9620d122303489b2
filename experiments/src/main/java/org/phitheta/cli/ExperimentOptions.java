package org.phitheta.cli;

import org.phitheta.experiment.ActivationSelection;
import org.phitheta.experiment.ActivationSpec;
import org.phitheta.experiment.AtomicFiles;
import org.phitheta.experiment.CatalogChoice;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * Options shared by the experiment subcommands. Each command supplies its own defaults for values left unset (null),
 * and {@link #check} validates everything before any work starts.
 */
public final class ExperimentOptions {

    @Option(names = "--seed", description = "Random seed (default: 1).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (created if needed).")
    Path out;

    @Option(names = "--theta", split = ",", paramLabel = "T", description = "Thetas for the phi_theta activations, "
            + "comma-separated (each > 2).")
    List<Double> thetas;

    @Option(names = "--activations", split = ",", paramLabel = "NAME",
            description = "Activations, comma-separated: odd, positive, tanh, relu, selu.")
    List<String> activations;

    @Option(names = "--catalog", paramLabel = "best|published|FILE",
            description = "phi_theta parameters: the project's best catalog (default), the published ones, or a "
                    + "catalog JSON file.")
    String catalog;

    @Option(names = "--threads", description = "Worker threads (default: number of processors).")
    Integer threads;

    long seed() {
        return seed == null ? 1L : seed;
    }

    int threads() {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1 (got " + threads + ")");
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    Path out(String defaultDir) {
        return out == null ? Path.of(defaultDir) : out;
    }

    CatalogChoice catalogChoice() {
        return CatalogChoice.parse(catalog);
    }

    /**
     * @param defaultNames  activations when --activations is not given
     * @param defaultThetas thetas when --theta is not given
     * @return the checked recipes
     */
    List<ActivationSpec> specs(List<String> defaultNames, List<Double> defaultThetas) {
        List<String> names = activations == null ? defaultNames : lower(activations);
        List<Double> ts = thetas == null ? defaultThetas : thetas;
        return ActivationSelection.expand(names, ts, catalogChoice());
    }

    /**
     * The checks of {@link #specs} that need no catalog: known activation names, every theta &gt; 2. Run before the
     * output directory is created and before any theta missing from the catalog is fitted.
     */
    void checkNamesAndThetas() {
        if (activations != null) {
            for (String n : lower(activations)) {
                if (!n.isBlank()) {
                    org.phitheta.experiment.ActivationSpec.Kind.parse(n);
                }
            }
        }
        if (thetas != null) {
            for (Double t : thetas) {
                if (t != null) {
                    org.phitheta.distribution.Theta.requireValid(t);
                }
            }
        }
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(s -> s.trim().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /**
     * Checks the output directory can be written (creating it).
     *
     * @param dir the directory
     */
    static void checkOut(Path dir) {
        AtomicFiles.requireWritableDirectory(dir);
    }
}
