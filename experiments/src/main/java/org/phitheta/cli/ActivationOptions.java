package org.phitheta.cli;

import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.catalog.CatalogEntry;
import org.phitheta.catalog.PhiThetaCatalog;
import org.phitheta.distribution.Theta;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Which phi_theta to use: from the catalog by (theta, variant), or from a parameter file. */
public final class ActivationOptions {

    @Option(names = "--theta", description = "Weight shape theta (> 2).")
    Double theta;

    @Option(names = "--variant", defaultValue = "odd", description = "odd or positive (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--params", paramLabel = "FILE.json",
            description = "Read the activation from a parameter file (written by 'fit --out', or a catalog entry).")
    Path params;

    /** The resolved entry, with its provenance and KS as stored. */
    CatalogEntry resolve() {
        if (params != null) {
            CatalogEntry entry = readParams(params, PhiThetaVariant.parse(variant), theta);
            if (theta != null && Math.abs(theta - entry.getTheta()) > PhiThetaCatalog.THETA_TOLERANCE) {
                throw new IllegalArgumentException("--theta " + theta + " disagrees with theta=" + entry.getTheta()
                        + " in " + params);
            }
            return entry;
        }
        if (theta == null) {
            throw new IllegalArgumentException("give --theta T (T > 2) or --params FILE.json");
        }
        Theta.requireValid(theta);
        return PhiThetaCatalog.getDefault().entry(theta, PhiThetaVariant.parse(variant));
    }

    PhiThetaParameters parameters() {
        return resolve().getParameters();
    }

    /**
     * Reads a parameter file: a file with one entry gives that entry; a file with several (such as
     * {@code fit --variant both --out}, or a whole catalog) gives the one entry of the requested variant, and of the
     * requested theta when one is given (wantedTheta may be null).
     */
    static CatalogEntry readParams(Path file, PhiThetaVariant wanted, Double wantedTheta) {
        try (InputStream in = Files.newInputStream(file)) {
            PhiThetaCatalog catalog = PhiThetaCatalog.read(in, file.toString());
            if (catalog.entries().size() == 1) {
                return catalog.entries().get(0);
            }
            java.util.List<CatalogEntry> matching = new java.util.ArrayList<>();
            for (CatalogEntry e : catalog.entries()) {
                if (e.getVariant() == wanted && (wantedTheta == null
                        || Math.abs(e.getTheta() - wantedTheta) <= PhiThetaCatalog.THETA_TOLERANCE)) {
                    matching.add(e);
                }
            }
            if (matching.size() != 1) {
                throw new IllegalArgumentException(file + " holds " + catalog.entries().size() + " activations, "
                        + matching.size() + " of them " + wanted.label()
                        + (wantedTheta == null ? "" : " with theta=" + wantedTheta)
                        + "; give a file with exactly one, or choose one with --variant and --theta");
            }
            return matching.get(0);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("parameter file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read parameter file " + file + ": " + e.getMessage(), e);
        }
    }
}
