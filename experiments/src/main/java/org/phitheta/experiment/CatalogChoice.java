package org.phitheta.experiment;

import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.catalog.CatalogEntry;
import org.phitheta.catalog.PhiThetaCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Which phi_theta parameters an experiment uses.
 *
 * <ul>
 * <li>{@code best} (default): the project's catalog ({@link PhiThetaCatalog#getDefault()}), the most accurate fits
 * available;</li>
 * <li>{@code published}: the parameters published with the paper ({@link PhiThetaCatalog#published()}), to reproduce
 * the published tables;</li>
 * <li>any other value: a catalog JSON file ({@code phitheta-catalog/1}).</li>
 * </ul>
 */
public final class CatalogChoice {

    private final String name;
    private final PhiThetaCatalog catalog;

    private CatalogChoice(String name, PhiThetaCatalog catalog) {
        this.name = name;
        this.catalog = catalog;
    }

    /**
     * @param value "best", "published" or a catalog file
     * @return the choice
     * @throws IllegalArgumentException if the file is missing or malformed
     */
    public static CatalogChoice parse(String value) {
        String v = value == null ? "best" : value.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("best") || v.equalsIgnoreCase("default")) {
            return new CatalogChoice("best", PhiThetaCatalog.getDefault());
        }
        if (v.equalsIgnoreCase("published")) {
            return new CatalogChoice("published", published());
        }
        Path file = Paths.get(v);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--catalog must be best, published or a catalog JSON file (no file "
                    + v + ")");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new CatalogChoice(file.toString(), PhiThetaCatalog.read(in, file.toString()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read catalog " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the catalog of the published parameters (odd for every published theta, positive for seven) */
    public static PhiThetaCatalog published() {
        return PhiThetaCatalog.published();
    }

    /** @return "best", "published" or the file name */
    public String name() {
        return name;
    }

    public PhiThetaCatalog catalog() {
        return catalog;
    }

    /**
     * @param theta   weight shape
     * @param variant family
     * @return the recipe
     * @throws IllegalArgumentException if the catalog has no such entry (the message names the available thetas)
     */
    public ActivationSpec spec(double theta, PhiThetaVariant variant) {
        CatalogEntry entry;
        try {
            entry = catalog.entry(theta, variant);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (catalog: " + name + ")", e);
        }
        return ActivationSpec.phiTheta(entry.getParameters(), entry.getProvenance());
    }
}
