package org.phitheta.catalog;

import org.nd4j.shade.jackson.core.type.TypeReference;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.distribution.Theta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps (theta, variant) to the parameters of phi_theta, with provenance and measured KS for every entry.
 *
 * <p>The shipped catalog ({@code org/phitheta/catalog/catalog.json}, {@link #shipped()}) lists theta in
 * {2.05, 2.1, 2.2, 2.5, 3, 4, 5, 6, 7, 8, 9, 10}, both variants: the fits of {@link org.phitheta.fitting.PhiThetaFitter}
 * where they beat the published fits of Wolinski and Arbel, the published fits elsewhere (each entry records its
 * provenance and KS). The default catalog ({@link #getDefault()}) answers any theta &gt; 2: listed entries first, then
 * the on-disk cache ({@link CatalogCache}, default directory from the system property {@code phitheta.cache.dir},
 * the environment variable {@code PHITHETA_CACHE}, or {@code ~/.phitheta/catalog-cache}), then an in-process fit whose
 * result is cached ({@link CatalogResolver}; concurrent requests for the same new theta share one fit).
 *
 * <p>The list of entries is immutable; the catalog is thread-safe.
 */
public final class PhiThetaCatalog {

    /** Catalog thetas match a requested theta when they differ by at most this. */
    public static final double THETA_TOLERANCE = 1e-9;

    /** Value of the "format" field of catalog files. */
    public static final String FORMAT = "phitheta-catalog/1";

    private static final String DEFAULT_RESOURCE = "/org/phitheta/catalog/catalog.json";
    private static final String PUBLISHED_RESOURCE = "/org/phitheta/catalog/published.json";
    private static final String ABOUT = "phi_theta parameters by (theta, variant). ks = Kolmogorov-Smirnov distance of "
            + "W*phi(X) to N(0,1) by quadrature (GaussianityDefect).";

    private static final class ShippedHolder {
        private static final PhiThetaCatalog INSTANCE = loadResource(DEFAULT_RESOURCE);
    }

    private static final class PublishedHolder {
        private static final PhiThetaCatalog INSTANCE = loadResource(PUBLISHED_RESOURCE);
    }

    private static volatile PhiThetaCatalog defaultCatalog;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<CatalogEntry> entries;
    private final CatalogResolver resolver;

    /**
     * A catalog of these entries only (no cache, no fitting).
     *
     * @param entries the entries; at most one per (theta, variant)
     */
    public PhiThetaCatalog(List<CatalogEntry> entries) {
        this(entries, null);
    }

    /**
     * @param entries  the entries; at most one per (theta, variant)
     * @param resolver answers thetas the entries do not list (cache, then fit), or null
     */
    public PhiThetaCatalog(List<CatalogEntry> entries, CatalogResolver resolver) {
        this.resolver = resolver;
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

    /**
     * The catalog {@link org.phitheta.activation.PhiThetaActivation#odd(double)} and
     * {@link org.phitheta.activation.PhiThetaActivation#positive(double)} use: the
     * shipped entries, then the cache in {@link CatalogCache#defaultDirectory()}, then an in-process fit
     * ({@link FittingEntryFitter}). Replace it with {@link #setDefault(PhiThetaCatalog)}.
     *
     * @return the default catalog
     */
    public static PhiThetaCatalog getDefault() {
        PhiThetaCatalog c = defaultCatalog;
        if (c == null) {
            synchronized (PhiThetaCatalog.class) {
                c = defaultCatalog;
                if (c == null) {
                    c = shipped().withResolver(new CatalogResolver(CatalogCache.atDefaultLocation(), new FittingEntryFitter()));
                    defaultCatalog = c;
                }
            }
        }
        return c;
    }

    /**
     * Replaces the default catalog (for instance {@code getDefault().withCache(dir)} to use another cache directory).
     *
     * @param catalog the new default
     */
    public static void setDefault(PhiThetaCatalog catalog) {
        synchronized (PhiThetaCatalog.class) {
            defaultCatalog = Objects.requireNonNull(catalog, "catalog");
        }
    }

    /** @return the catalog shipped with the library, without cache or fitting */
    public static PhiThetaCatalog shipped() {
        return ShippedHolder.INSTANCE;
    }

    /**
     * The published fits of Wolinski &amp; Arbel (odd: theta in {2.05, 2.1, 2.2, 2.5, 3, ..., 10}; positive: 2.05,
     * 2.5, 3, 4, 5, 7, 10), each with its KS by quadrature: the entries the shipped catalog was re-fitted from, kept to
     * reproduce the paper's figures.
     *
     * @return the published catalog, without cache or fitting
     */
    public static PhiThetaCatalog published() {
        return PublishedHolder.INSTANCE;
    }

    /**
     * @param resolver answers unlisted thetas, or null for none
     * @return a catalog with the same entries and this resolver
     */
    public PhiThetaCatalog withResolver(CatalogResolver resolver) {
        return new PhiThetaCatalog(entries, resolver);
    }

    /**
     * @param directory cache directory
     * @return a catalog with the same entries, caching fitted entries in this directory (with this catalog's fitter,
     *         or the default one)
     */
    public PhiThetaCatalog withCache(Path directory) {
        EntryFitter fitter = resolver != null ? resolver.getFitter() : new FittingEntryFitter();
        return withResolver(new CatalogResolver(new CatalogCache(directory), fitter));
    }

    /** @return the resolver for unlisted thetas, if any */
    public Optional<CatalogResolver> getResolver() {
        return Optional.ofNullable(resolver);
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
     * @return the listed entry; else, with a resolver, the cached or newly fitted one
     * @throws IllegalArgumentException if theta is out of range, or, without a resolver, naming the available thetas
     *                                  if it is not listed
     */
    public CatalogEntry entry(double theta, PhiThetaVariant variant) {
        Optional<CatalogEntry> listed = find(theta, variant);
        if (listed.isPresent()) {
            return listed.get();
        }
        if (resolver != null) {
            return resolver.resolve(theta, variant, neighbours(theta, variant));
        }
        return listed.orElseThrow(() -> new IllegalArgumentException(
                "no " + variant.label() + " phi_theta in the catalog for theta=" + theta + "; available: "
                        + thetas(variant).stream().map(t -> String.format(Locale.ROOT, "%s", t))
                        .collect(Collectors.joining(", "))));
    }

    /**
     * @param theta   weight shape
     * @param variant family
     * @return parameters of the listed entries of this variant nearest to theta (at most one below, one above)
     */
    public List<PhiThetaParameters> neighbours(double theta, PhiThetaVariant variant) {
        CatalogEntry below = null;
        CatalogEntry above = null;
        for (CatalogEntry e : entries) {
            if (e.getVariant() != variant) {
                continue;
            }
            if (e.getTheta() <= theta && (below == null || e.getTheta() > below.getTheta())) {
                below = e;
            }
            if (e.getTheta() >= theta && (above == null || e.getTheta() < above.getTheta())) {
                above = e;
            }
        }
        List<PhiThetaParameters> out = new ArrayList<>();
        if (below != null) {
            out.add(below.getParameters());
        }
        if (above != null && above != below) {
            out.add(above.getParameters());
        }
        return out;
    }

    /**
     * @param theta   weight shape, &gt; 2
     * @param variant family
     * @return the parameters (listed, cached or fitted: see {@link #entry(double, PhiThetaVariant)})
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
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (org.nd4j.shade.jackson.core.JsonProcessingException e) {
            org.nd4j.shade.jackson.core.JsonLocation at = e.getLocation();
            throw new IOException(source + " is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        }
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
            Map<String, Object> details = new LinkedHashMap<>();
            JsonNode d = node.get("details");
            if (d != null && d.isObject()) {
                details = MAPPER.convertValue(d, new TypeReference<LinkedHashMap<String, Object>>() { });
            }
            return new CatalogEntry(b.build(), requireNumber(node, "ks"), node.path("provenance").asText("unknown"), details);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad catalog entry in " + source + ": " + e.getMessage() + " in " + node, e);
        }
    }

    /**
     * @return this catalog's entries as a document in the format {@value #FORMAT}, which {@link #read} reads back
     */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("about", ABOUT);
        ArrayNode list = root.putArray("entries");
        for (CatalogEntry e : entries) {
            ObjectNode node = list.addObject();
            PhiThetaParameters p = e.getParameters();
            node.put("theta", p.getTheta());
            node.put("variant", p.getVariant().label());
            ObjectNode params = node.putObject("parameters");
            params.put("a", p.getA());
            params.put("b", p.getB());
            params.put("c", p.getC());
            params.put("d", p.getD());
            params.put("f", p.getF());
            params.put("g", p.getG());
            if (p.getVariant() == PhiThetaVariant.POSITIVE) {
                params.put("h", p.getH());
            }
            node.put("ks", e.getKs());
            node.put("provenance", e.getProvenance());
            if (!e.getDetails().isEmpty()) {
                node.set("details", MAPPER.valueToTree(e.getDetails()));
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Writes {@link #toJson()} to a file: to a temporary file in the same directory, then moved atomically over the
     * target (readers never see a partial file). Creates the parent directories.
     *
     * @param file target
     * @throws IOException if writing fails
     */
    public void writeTo(Path file) throws IOException {
        writeAtomically(file, toJson());
    }

    /**
     * Writes text to a file through a temporary file in the same directory and an atomic move.
     *
     * @param file target
     * @param text content (UTF-8)
     * @throws IOException if writing fails
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, text.getBytes(StandardCharsets.UTF_8));
            try {
                // temporary files are created owner-only; the result is an ordinary readable file
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep its defaults
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
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
