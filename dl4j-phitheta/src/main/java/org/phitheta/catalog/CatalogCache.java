package org.phitheta.catalog;

import org.phitheta.activation.PhiThetaVariant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.Optional;

/**
 * An on-disk cache of fitted catalog entries: one file per (theta, variant), in the catalog JSON format with one
 * entry, named {@code phitheta-VARIANT-THETA.json} (theta as Java prints the double, so that distinct thetas never
 * share a file). Files are written to a temporary file in the same directory and then moved atomically, so readers
 * never see a partial file. A file that cannot be read or does not hold exactly the requested entry is ignored (and
 * later overwritten).
 *
 * <p>Default directory ({@link #defaultDirectory()}): the system property {@value #DIRECTORY_PROPERTY}, else the
 * environment variable {@value #DIRECTORY_ENV}, else {@code ~/.phitheta/catalog-cache}.
 */
public final class CatalogCache {

    /** System property naming the cache directory. */
    public static final String DIRECTORY_PROPERTY = "phitheta.cache.dir";
    /** Environment variable naming the cache directory (used when the system property is not set). */
    public static final String DIRECTORY_ENV = "PHITHETA_CACHE";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogCache.class);

    private final Path directory;

    /**
     * @param directory where the entries live (created on the first write)
     */
    public CatalogCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** @return the cache in {@link #defaultDirectory()} */
    public static CatalogCache atDefaultLocation() {
        return new CatalogCache(defaultDirectory());
    }

    /**
     * @return the system property {@value #DIRECTORY_PROPERTY}, else the environment variable
     *         {@value #DIRECTORY_ENV}, else {@code ~/.phitheta/catalog-cache}
     */
    public static Path defaultDirectory() {
        String property = System.getProperty(DIRECTORY_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Paths.get(property);
        }
        String env = System.getenv(DIRECTORY_ENV);
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        return Paths.get(System.getProperty("user.home"), ".phitheta", "catalog-cache");
    }

    public Path getDirectory() {
        return directory;
    }

    /**
     * @param theta   weight shape
     * @param variant family
     * @return the file of this entry
     */
    public Path file(double theta, PhiThetaVariant variant) {
        return directory.resolve("phitheta-" + variant.label() + "-" + Double.toString(theta) + ".json");
    }

    /**
     * @param theta   weight shape
     * @param variant family
     * @return the cached entry, if a readable file holds exactly it
     */
    public Optional<CatalogEntry> read(double theta, PhiThetaVariant variant) {
        Path file = file(theta, variant);
        try (InputStream in = Files.newInputStream(file)) {
            PhiThetaCatalog catalog = PhiThetaCatalog.read(in, file.toString());
            if (catalog.entries().size() == 1) {
                CatalogEntry e = catalog.entries().get(0);
                if (e.getVariant() == variant && Math.abs(e.getTheta() - theta) <= PhiThetaCatalog.THETA_TOLERANCE) {
                    return Optional.of(e);
                }
            }
            LOG.warn("ignoring cache file {}: it does not hold exactly the {} entry for theta={}", file, variant.label(), theta);
        } catch (NoSuchFileException e) {
            // not cached
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable cache file {}: {}", file, e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Writes an entry (temporary file, then atomic move).
     *
     * @param entry the entry
     * @return the file written
     * @throws IOException if the directory cannot be created or written
     */
    public Path write(CatalogEntry entry) throws IOException {
        Path file = file(entry.getTheta(), entry.getVariant());
        new PhiThetaCatalog(java.util.List.of(entry)).writeTo(file);
        return file;
    }

    @Override
    public String toString() {
        return "CatalogCache{" + directory + "}";
    }
}
