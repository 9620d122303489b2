package org.phitheta.catalog;

import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * Answers thetas a catalog does not list: the on-disk cache first, then a fit whose result is written to the cache.
 * Results are memoised in memory; concurrent requests for the same (theta, variant) share one computation (a map of
 * futures: the first caller computes, the others wait for its result). A failed computation is forgotten, so a later
 * request tries again. Thread-safe.
 */
public final class CatalogResolver {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogResolver.class);

    private final CatalogCache cache;
    private final EntryFitter fitter;
    private final ConcurrentMap<Key, CompletableFuture<CatalogEntry>> resolved = new ConcurrentHashMap<>();

    /**
     * @param cache  on-disk cache, or null for none
     * @param fitter computes missing entries
     */
    public CatalogResolver(CatalogCache cache, EntryFitter fitter) {
        this.cache = cache;
        this.fitter = Objects.requireNonNull(fitter, "fitter");
    }

    /** @return the cache, or null */
    public CatalogCache getCache() {
        return cache;
    }

    public EntryFitter getFitter() {
        return fitter;
    }

    /**
     * @param theta          weight shape, &gt; 2
     * @param variant        family
     * @param startingPoints nearby entries' parameters, passed to the fitter
     * @return the entry: from memory, the cache, or a new fit
     */
    CatalogEntry resolve(double theta, PhiThetaVariant variant, List<PhiThetaParameters> startingPoints) {
        Key key = new Key(theta, variant);
        CompletableFuture<CatalogEntry> mine = new CompletableFuture<>();
        CompletableFuture<CatalogEntry> existing;
        while ((existing = resolved.putIfAbsent(key, mine)) != null) {
            try {
                return await(existing);
            } catch (CancellationException e) {
                // the thread that owned the fit was interrupted, not this one: the entry is gone, try again
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                resolved.remove(key, existing);
            }
        }
        try {
            CatalogEntry entry = compute(theta, variant, startingPoints);
            mine.complete(entry);
            return entry;
        } catch (RuntimeException | Error e) {
            resolved.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private CatalogEntry compute(double theta, PhiThetaVariant variant, List<PhiThetaParameters> startingPoints) {
        if (cache != null) {
            java.util.Optional<CatalogEntry> cached = cache.read(theta, variant);
            if (cached.isPresent() && fittedByAnotherVersion(cached.get())) {
                LOG.info("re-fitting phi_theta for theta={} ({}): the cached entry was {}", theta, variant.label(),
                        cached.get().getProvenance());
            } else if (cached.isPresent()) {
                return cached.get();
            }
        }
        LOG.info("fitting phi_theta for theta={} ({}): not in the catalog or the cache", theta, variant.label());
        CatalogEntry entry = fitter.fit(theta, variant, startingPoints);
        if (entry.getVariant() != variant || Math.abs(entry.getTheta() - theta) > PhiThetaCatalog.THETA_TOLERANCE) {
            throw new IllegalStateException("fitter returned " + entry + " for theta=" + theta + ", " + variant.label());
        }
        if (cache != null) {
            try {
                cache.write(entry);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not cache phi_theta for theta={} ({}) in {}: {}", theta, variant.label(),
                        cache.getDirectory(), e.getMessage());
            }
        }
        return entry;
    }

    /**
     * @return true for an entry fitted by another version of this library's fitter (provenance
     *         "fitted by phitheta VERSION, ..."): after an upgrade the fitter may do better, so it is fitted again
     */
    static boolean fittedByAnotherVersion(CatalogEntry entry) {
        String prefix = "fitted by phitheta ";
        String provenance = entry.getProvenance();
        if (provenance == null || !provenance.startsWith(prefix)) {
            return false;
        }
        String rest = provenance.substring(prefix.length());
        int end = rest.indexOf(',');
        String version = (end < 0 ? rest : rest.substring(0, end)).trim();
        return !version.equals(org.phitheta.fitting.PhiThetaFitter.version());
    }

    private static CatalogEntry await(CompletableFuture<CatalogEntry> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;   // keep waiting: the computing thread owns the work
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    if (cause instanceof Error) {
                        throw (Error) cause;
                    }
                    throw new CompletionException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Key {
        private final long thetaBits;
        private final PhiThetaVariant variant;

        Key(double theta, PhiThetaVariant variant) {
            // thetas equal within the catalog's tolerance share one fit (2.3 and 2.3000000000000003)
            this.thetaBits = Math.round(theta / PhiThetaCatalog.THETA_TOLERANCE);
            this.variant = variant;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return thetaBits == k.thetaBits && variant == k.variant;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(thetaBits) * 31 + variant.hashCode();
        }
    }
}
