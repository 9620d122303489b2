package org.phitheta.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.catalog.CatalogEntry;
import org.phitheta.catalog.PhiThetaCatalog;
import org.phitheta.distribution.Theta;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fit subcommand: a real fit of both variants, its file read back by ks --params, and its errors. */
class FitCommandTest {

    @Test
    void fitsBothVariantsAndWritesAFileThatKsReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fit.json");
        CliRun run = CliRun.run("fit", "--theta", "4.5", "--variant", "both", "--out", file.toString());
        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains("theta=4.5 variant=odd ks="), run.out);
        assertTrue(run.out.contains("theta=4.5 variant=positive ks="), run.out);
        assertTrue(run.out.contains("timings_ms: density="), run.out);
        assertTrue(run.out.contains("wall_ms="), run.out);
        PhiThetaCatalog catalog;
        try (InputStream in = Files.newInputStream(file)) {
            catalog = PhiThetaCatalog.read(in, file.toString());
        }
        assertEquals(2, catalog.entries().size());
        for (CatalogEntry e : catalog.entries()) {
            // the bar for a new theta; the file carries timings as extra fields
            assertTrue(e.getKs() <= 2e-3, e.toString());
            assertTrue(e.getDetails().containsKey("timings_ms"), e.toString());
            assertTrue(e.getProvenance().startsWith("fitted by phitheta"), e.getProvenance());
        }
        // ks --params picks the entry of the requested variant, and recomputes the stored KS
        for (PhiThetaVariant v : PhiThetaVariant.values()) {
            CliRun ks = CliRun.run("ks", "--params", file.toString(), "--variant", v.label());
            assertEquals(0, ks.code, ks.toString());
            assertTrue(ks.out.contains("variant=" + v.label()), ks.out);
            double stored = catalog.find(4.5, v).orElseThrow().getKs();
            String last = ks.out.trim().substring(ks.out.trim().lastIndexOf("ks=") + 3);
            assertEquals(stored, Double.parseDouble(last), 1e-12);
        }
        // no temporary file left next to the output
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void rejectsBadThetaAndVariantWithOneLine() {
        CliRun run = CliRun.run("fit", "--theta", "2");
        assertEquals(2, run.code, run.toString());
        assertTrue(run.err.startsWith("error: " + Theta.ALLOWED_RANGE), run.err);
        assertFalse(run.err.contains("\tat "), "no stack trace without --verbose: " + run.err);
        CliRun variant = CliRun.run("fit", "--theta", "3", "--variant", "sideways");
        assertEquals(2, variant.code, variant.toString());
        assertTrue(variant.err.contains("expected odd, positive or both"), variant.err);
        CliRun missing = CliRun.run("fit");
        assertEquals(2, missing.code, missing.toString());
        assertTrue(missing.err.contains("--theta"), missing.err);
    }
}
