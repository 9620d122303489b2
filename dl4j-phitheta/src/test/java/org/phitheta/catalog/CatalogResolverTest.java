package org.phitheta.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phitheta.activation.PhiThetaActivation;
import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogResolverTest {

    /**
     * A fitter that counts its calls and returns, after a delay (so that concurrent callers really overlap), the shape
     * of the nearest listed entry carried over to the requested theta (d clipped at 0 to stay valid).
     */
    static final class CountingFitter implements EntryFitter {
        final AtomicInteger calls = new AtomicInteger();
        final long delayMillis;

        CountingFitter(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        @Override
        public CatalogEntry fit(double theta, PhiThetaVariant variant, List<PhiThetaParameters> startingPoints) {
            calls.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // c^alpha + d > 0 depends on alpha = 1 - 2/theta: with d >= 0 the carried-over shape stays valid
            PhiThetaParameters near = startingPoints.get(0);
            PhiThetaParameters p = near.toBuilder().theta(theta).d(Math.max(0, near.getD())).build();
            return new CatalogEntry(p, 0.00123, "counting fitter", Map.of("calls", calls.get()));
        }
    }

    @Test
    void manyThreadsAskingForTheSameNewThetaTriggerOneFit(@TempDir Path dir) throws Exception {
        CountingFitter fitter = new CountingFitter(300);
        PhiThetaCatalog catalog = PhiThetaCatalog.shipped().withResolver(new CatalogResolver(new CatalogCache(dir), fitter));
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<CatalogEntry>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return catalog.entry(3.37, PhiThetaVariant.ODD);
            }));
        }
        go.countDown();
        CatalogEntry first = futures.get(0).get(30, TimeUnit.SECONDS);
        for (Future<CatalogEntry> f : futures) {
            assertSame(first, f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, fitter.calls.get());
        assertEquals(3.37, first.getTheta(), 0.0);
        // the other variant is a different entry: one more fit
        catalog.entry(3.37, PhiThetaVariant.POSITIVE);
        assertEquals(2, fitter.calls.get());
        // listed thetas never reach the fitter
        catalog.entry(3.0, PhiThetaVariant.ODD);
        assertEquals(2, fitter.calls.get());
        assertTrue(Files.exists(new CatalogCache(dir).file(3.37, PhiThetaVariant.ODD)));
    }

    @Test
    void cacheRoundTripServesANewProcessWithoutFitting(@TempDir Path dir) {
        CountingFitter fitter = new CountingFitter(0);
        CatalogEntry fitted = PhiThetaCatalog.shipped().withResolver(new CatalogResolver(new CatalogCache(dir), fitter))
                .entry(4.5, PhiThetaVariant.POSITIVE);
        assertEquals(1, fitter.calls.get());
        // a fresh catalog on the same directory (as a new JVM would build) reads the file instead of fitting
        CountingFitter second = new CountingFitter(0);
        CatalogEntry cached = PhiThetaCatalog.shipped().withResolver(new CatalogResolver(new CatalogCache(dir), second))
                .entry(4.5, PhiThetaVariant.POSITIVE);
        assertEquals(0, second.calls.get());
        assertEquals(fitted.getParameters(), cached.getParameters());
        assertEquals(fitted.getKs(), cached.getKs(), 0.0);
        assertEquals(fitted.getProvenance(), cached.getProvenance());
        assertEquals(1, ((Number) cached.getDetails().get("calls")).intValue());
        // no temporary files left behind by the atomic writes
        try (var files = Files.list(dir)) {
            assertEquals(List.of("phitheta-positive-4.5.json"), files.map(p -> p.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void entriesFittedByAnotherVersionAreFittedAgain(@TempDir Path dir) throws IOException {
        CatalogCache cache = new CatalogCache(dir);
        PhiThetaParameters near = PhiThetaCatalog.shipped().neighbours(5.5, PhiThetaVariant.ODD).get(0);
        PhiThetaParameters p = near.toBuilder().theta(5.5).d(Math.max(0, near.getD())).build();
        cache.write(new CatalogEntry(p, 0.002, "fitted by phitheta 0.0.1, seed 1, 2020-01-01"));
        CountingFitter fitter = new CountingFitter(0);
        CatalogEntry e = PhiThetaCatalog.shipped().withResolver(new CatalogResolver(cache, fitter))
                .entry(5.5, PhiThetaVariant.ODD);
        assertEquals(1, fitter.calls.get());
        assertEquals("counting fitter", e.getProvenance());
        // an entry of this version is served from the cache
        String current = "fitted by phitheta " + org.phitheta.fitting.PhiThetaFitter.version() + ", seed 1, 2026-01-01";
        cache.write(new CatalogEntry(p, 0.002, current));
        CountingFitter second = new CountingFitter(0);
        assertEquals(current, PhiThetaCatalog.shipped().withResolver(new CatalogResolver(cache, second))
                .entry(5.5, PhiThetaVariant.ODD).getProvenance());
        assertEquals(0, second.calls.get());
    }

    @Test
    void corruptedCacheFileIsIgnoredAndReplaced(@TempDir Path dir) throws IOException {
        CatalogCache cache = new CatalogCache(dir);
        Files.createDirectories(dir);
        Files.writeString(cache.file(5.5, PhiThetaVariant.ODD), "{ not json");
        CountingFitter fitter = new CountingFitter(0);
        CatalogEntry e = PhiThetaCatalog.shipped().withResolver(new CatalogResolver(cache, fitter)).entry(5.5, PhiThetaVariant.ODD);
        assertEquals(1, fitter.calls.get());
        assertEquals(e.getParameters(), cache.read(5.5, PhiThetaVariant.ODD).orElseThrow().getParameters());
        // a file holding another theta is not taken for this one
        Files.copy(cache.file(5.5, PhiThetaVariant.ODD), cache.file(5.6, PhiThetaVariant.ODD));
        assertFalse(cache.read(5.6, PhiThetaVariant.ODD).isPresent());
    }

    @Test
    void failedFitIsNotRemembered(@TempDir Path dir) {
        AtomicInteger calls = new AtomicInteger();
        EntryFitter flaky = (theta, variant, starts) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first fit fails");
            }
            return new CatalogEntry(starts.get(0).toBuilder().theta(theta).build(), 0.001, "second try");
        };
        PhiThetaCatalog catalog = PhiThetaCatalog.shipped().withResolver(new CatalogResolver(new CatalogCache(dir), flaky));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> catalog.entry(6.5, PhiThetaVariant.ODD));
        assertEquals("first fit fails", e.getMessage());
        assertEquals("second try", catalog.entry(6.5, PhiThetaVariant.ODD).getProvenance());
        assertEquals(2, calls.get());
    }

    @Test
    void waitersRetryWhenTheOwningThreadIsInterrupted(@TempDir Path dir) throws Exception {
        // the first caller's fit is cancelled (its thread was interrupted); a second caller waiting on that fit was
        // not interrupted and must get an entry (by fitting again), not the first caller's CancellationException
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        EntryFitter fitter = (theta, variant, starts) -> {
            if (calls.incrementAndGet() == 1) {
                started.countDown();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new java.util.concurrent.CancellationException("fit interrupted");
            }
            return new CatalogEntry(starts.get(0).toBuilder().theta(theta).build(), 0.001, "second fit");
        };
        PhiThetaCatalog catalog = PhiThetaCatalog.shipped().withResolver(new CatalogResolver(new CatalogCache(dir), fitter));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CatalogEntry> owner = pool.submit(() -> catalog.entry(8.5, PhiThetaVariant.ODD));
            started.await();
            Future<CatalogEntry> waiter = pool.submit(() -> catalog.entry(8.5, PhiThetaVariant.ODD));
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> owner.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof java.util.concurrent.CancellationException, e.toString());
            assertEquals("second fit", waiter.get(30, TimeUnit.SECONDS).getProvenance());
            assertEquals(2, calls.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thetasEqualWithinTheToleranceShareOneFit() {
        CountingFitter fitter = new CountingFitter(0);
        PhiThetaCatalog catalog = PhiThetaCatalog.shipped().withResolver(new CatalogResolver(null, fitter));
        catalog.entry(2.3, PhiThetaVariant.ODD);
        catalog.entry(0.1 + 2.2, PhiThetaVariant.ODD);   // 2.3000000000000003
        assertEquals(1, fitter.calls.get());
    }

    @Test
    void unwritableCacheStillAnswers(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("not-a-directory");
        Files.writeString(file, "x");
        CountingFitter fitter = new CountingFitter(0);
        PhiThetaCatalog catalog = PhiThetaCatalog.shipped().withResolver(new CatalogResolver(new CatalogCache(file), fitter));
        assertEquals(7.5, catalog.entry(7.5, PhiThetaVariant.ODD).getTheta(), 0.0);
        // memoised in memory even though the disk write failed
        catalog.entry(7.5, PhiThetaVariant.ODD);
        assertEquals(1, fitter.calls.get());
    }

    @Test
    void activationForANewThetaGoesThroughTheDefaultCatalog(@TempDir Path dir) {
        PhiThetaCatalog saved = PhiThetaCatalog.getDefault();
        CountingFitter fitter = new CountingFitter(0);
        try {
            PhiThetaCatalog.setDefault(PhiThetaCatalog.shipped().withResolver(new CatalogResolver(new CatalogCache(dir), fitter)));
            PhiThetaActivation act = PhiThetaActivation.odd(3.37);
            assertEquals(3.37, act.getTheta(), 0.0);
            assertEquals(PhiThetaVariant.ODD, act.getVariant());
            PhiThetaActivation.odd(3.37);
            assertEquals(1, fitter.calls.get());
        } finally {
            PhiThetaCatalog.setDefault(saved);
        }
    }

    @Test
    void defaultCacheDirectoryFollowsTheSystemProperty(@TempDir Path dir) {
        String old = System.getProperty(CatalogCache.DIRECTORY_PROPERTY);
        try {
            System.setProperty(CatalogCache.DIRECTORY_PROPERTY, dir.toString());
            assertEquals(dir, CatalogCache.defaultDirectory());
            assertEquals(dir, CatalogCache.atDefaultLocation().getDirectory());
        } finally {
            if (old == null) {
                System.clearProperty(CatalogCache.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(CatalogCache.DIRECTORY_PROPERTY, old);
            }
        }
        // without the property: the environment variable, else ~/.phitheta/catalog-cache
        if (System.getProperty(CatalogCache.DIRECTORY_PROPERTY) == null && System.getenv(CatalogCache.DIRECTORY_ENV) == null) {
            assertEquals(Path.of(System.getProperty("user.home"), ".phitheta", "catalog-cache"), CatalogCache.defaultDirectory());
        }
    }

    @Test
    void catalogWithoutResolverNamesTheAvailableThetas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhiThetaCatalog.shipped().entry(3.37, PhiThetaVariant.ODD));
        assertTrue(e.getMessage().contains("available: 2.05"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PhiThetaCatalog.getDefault().entry(2.0, PhiThetaVariant.ODD));
    }
}
