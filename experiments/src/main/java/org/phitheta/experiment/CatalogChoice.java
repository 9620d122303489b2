package org.phitheta.experiment;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.catalog.CatalogEntry;
import org.phitheta.catalog.PhiThetaCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which phi_theta parameters an experiment uses.
 *
 * <ul>
 * <li>{@code best} (default): the project's catalog ({@link PhiThetaCatalog#getDefault()}), the most accurate fits
 * available;</li>
 * <li>{@code published}: the parameters published with the paper (a copy of {@code published_params.json} shipped in
 * this module), to reproduce the published tables;</li>
 * <li>any other value: a catalog JSON file ({@code phitheta-catalog/1}).</li>
 * </ul>
 */
public final class CatalogChoice {

    /** Class-path copy of the published parameters (reference/published_params.json). */
    public static final String PUBLISHED_PARAMS = "/org/phitheta/experiment/reference/published_params.json";

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
        try (InputStream in = CatalogChoice.class.getResourceAsStream(PUBLISHED_PARAMS)) {
            if (in == null) {
                throw new IllegalStateException("resource " + PUBLISHED_PARAMS + " is missing");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            String provenance = "published: Wolinski & Arbel, public code p-wol/gaussian-preact (published_params.json)";
            List<CatalogEntry> entries = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.get("thetas").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                double theta = Double.parseDouble(e.getKey());
                for (PhiThetaVariant variant : PhiThetaVariant.values()) {
                    JsonNode p = e.getValue().get(variant.label());
                    if (p == null) {
                        continue;
                    }
                    PhiThetaParameters.Builder b = PhiThetaParameters.builder().variant(variant).theta(theta)
                            .a(p.get("a").asDouble()).b(p.get("b").asDouble()).c(p.get("c").asDouble())
                            .d(p.get("d").asDouble()).f(p.get("f").asDouble()).g(p.get("g").asDouble());
                    if (variant == PhiThetaVariant.POSITIVE) {
                        b.h(p.get("h").asDouble());
                    }
                    entries.add(new CatalogEntry(b.build(), p.get("ks").asDouble(), provenance));
                }
            }
            return new PhiThetaCatalog(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PUBLISHED_PARAMS, e);
        }
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
