package org.phitheta.catalog;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.distribution.Theta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps (theta, variant) to the parameters of phi_theta, with provenance and measured KS for every entry.
 *
 * <p>The default catalog ships in the library ({@code org/phitheta/catalog/catalog.json}); it is seeded from the
 * published fits of Wolinski and Arbel (theta in {2.05, 2.1, 2.2, 2.5, 3, 4, 5, 6, 7, 8, 9, 10}, odd; positive for
 * 2.05, 2.5, 3, 4, 5, 7, 10). Immutable and thread-safe.
 */
public final class PhiThetaCatalog {

    /** Catalog thetas match a requested theta when they differ by at most this. */
    public static final double THETA_TOLERANCE = 1e-9;

    private static final String DEFAULT_RESOURCE = "/org/phitheta/catalog/catalog.json";

    private static final class DefaultHolder {
        private static final PhiThetaCatalog INSTANCE = loadResource(DEFAULT_RESOURCE);
    }

    private final List<CatalogEntry> entries;

    /**
     * @param entries the entries; at most one per (theta, variant)
     */
    public PhiThetaCatalog(List<CatalogEntry> entries) {
        List<CatalogEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(CatalogEntry::getVariant).thenComparingDouble(CatalogEntry::getTheta));
        for (int i = 1; i < sorted.size(); i++) {
            CatalogEntry prev = sorted.get(i - 1);
            CatalogEntry cur = sorted.get(i);
            if (prev.getVariant() == cur.getVariant() && Math.abs(prev.getTheta() - cur.getTheta()) <= THETA_TOLERANCE) {
                throw new IllegalArgumentException("duplicate catalog entry for theta=" + cur.getTheta() + ", "
                        + cur.getVariant().label());
            }
        }
        this.entries = Collections.unmodifiableList(sorted);
    }

    /** @return the catalog shipped with the library */
    public static PhiThetaCatalog getDefault() {
        return DefaultHolder.INSTANCE;
    }

    /** @return every entry, sorted by variant then theta */
    public List<CatalogEntry> entries() {
        return entries;
    }

    /**
     * @param theta   weight shape, &gt; 2
     * @param variant family
     * @return the entry, if the catalog has one
     */
    public Optional<CatalogEntry> find(double theta, PhiThetaVariant variant) {
        Theta.requireValid(theta);
        return entries.stream()
                .filter(e -> e.getVariant() == variant && Math.abs(e.getTheta() - theta) <= THETA_TOLERANCE)
                .findFirst();
    }

    /**
     * @param variant family
     * @return the thetas the catalog holds for this variant, ascending
     */
    public List<Double> thetas(PhiThetaVariant variant) {
        return entries.stream().filter(e -> e.getVariant() == variant).map(CatalogEntry::getTheta)
                .collect(Collectors.toList());
    }

    /**
     * @param theta   weight shape, &gt; 2
     * @param variant family
     * @return the entry
     * @throws IllegalArgumentException if theta is out of range, or naming the available thetas if it is unknown
     */
    public CatalogEntry entry(double theta, PhiThetaVariant variant) {
        return find(theta, variant).orElseThrow(() -> new IllegalArgumentException(
                "no " + variant.label() + " phi_theta in the catalog for theta=" + theta + "; available: "
                        + thetas(variant).stream().map(t -> String.format(Locale.ROOT, "%s", t))
                        .collect(Collectors.joining(", "))));
    }

    /**
     * @param theta   weight shape, &gt; 2
     * @param variant family
     * @return the parameters
     */
    public PhiThetaParameters parameters(double theta, PhiThetaVariant variant) {
        return entry(theta, variant).getParameters();
    }

    /**
     * Reads a catalog from a class-path resource.
     *
     * @param resource absolute resource name
     * @return the catalog
     */
    public static PhiThetaCatalog loadResource(String resource) {
        try (InputStream in = PhiThetaCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource " + resource + " is missing from the class path");
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog resource " + resource, e);
        }
    }

    /**
     * Reads a catalog in the format {@code phitheta-catalog/1}.
     *
     * @param in     the JSON document
     * @param source name of the source, for error messages
     * @return the catalog
     * @throws IOException if the document is not valid JSON
     */
    public static PhiThetaCatalog read(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !root.has("entries") || !root.get("entries").isArray()) {
            throw new IllegalArgumentException("catalog " + source + " has no 'entries' array");
        }
        List<CatalogEntry> list = new ArrayList<>();
        for (JsonNode node : root.get("entries")) {
            list.add(parseEntry(node, source));
        }
        return new PhiThetaCatalog(list);
    }

    static CatalogEntry parseEntry(JsonNode node, String source) {
        try {
            PhiThetaVariant variant = PhiThetaVariant.parse(node.path("variant").asText(null));
            double theta = requireNumber(node, "theta");
            JsonNode p = node.path("parameters");
            PhiThetaParameters.Builder b = PhiThetaParameters.builder().variant(variant).theta(theta)
                    .a(requireNumber(p, "a")).b(requireNumber(p, "b")).c(requireNumber(p, "c"))
                    .d(requireNumber(p, "d")).f(requireNumber(p, "f")).g(requireNumber(p, "g"));
            if (variant == PhiThetaVariant.POSITIVE) {
                b.h(requireNumber(p, "h"));
            }
            for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!"abcdfg".contains(name) && !(variant == PhiThetaVariant.POSITIVE && name.equals("h"))) {
                    throw new IllegalArgumentException("unknown parameter '" + name + "'");
                }
            }
            return new CatalogEntry(b.build(), requireNumber(node, "ks"), node.path("provenance").asText("unknown"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad catalog entry in " + source + ": " + e.getMessage() + " in " + node, e);
        }
    }

    private static double requireNumber(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a number");
        }
        return v.asDouble();
    }
}
