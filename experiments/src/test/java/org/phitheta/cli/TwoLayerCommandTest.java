package org.phitheta.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.experiment.CatalogChoice;
import org.phitheta.experiment.Json;
import org.phitheta.experiment.TwoLayerExperiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two-layer subcommand: files, layout, and option errors before any work. */
class TwoLayerCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheTableTheComparisonTheFigureAndTheSummary() throws Exception {
        Path out = tmp.resolve("tl");
        CliRun r = CliRun.run("two-layer", "--draws", "2000", "--theta", "3,5", "--activations", "odd,relu",
                "--catalog", "published", "--out", out.toString(), "--seed", "4");
        assertEquals(0, r.code, r.toString());
        List<String> csv = Files.readAllLines(out.resolve(TwoLayerExperiment.CSV));
        assertEquals("layers,activation,n=1,n=2,n=3,n=4,n=5,n=6,n=7,n=8,n=9,n=10", csv.get(0));
        assertEquals(1 + 3 * 3, csv.size(), "3 configurations x (odd 3, odd 5, relu)");
        List<String> cmp = Files.readAllLines(out.resolve(TwoLayerExperiment.COMPARISON_CSV));
        assertEquals("layers,activation,max_abs_diff,mean_abs_diff,mean_diff,n_at_max,within_noise", cmp.get(0));
        assertEquals(10, cmp.size());
        assertTrue(Files.size(out.resolve(TwoLayerExperiment.PNG)) > 10_000);
        Map<String, Object> json = Json.read(out.resolve(TwoLayerExperiment.JSON));
        assertEquals("published", json.get("catalog"));
        assertEquals(2000, ((Number) json.get("draws")).intValue());
        assertTrue(r.out.contains("Against the published table (9 rows)"), r.out);
        assertFalse(r.out.contains("two-layer ["), "no progress bar on stdout");
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary files left");
        }
    }

    @Test
    void badOptionsFailBeforeAnyWork() throws Exception {
        Path out = tmp.resolve("never");
        CliRun theta = CliRun.run("two-layer", "--theta", "2", "--out", out.toString());
        assertEquals(2, theta.code);
        assertTrue(theta.err.contains("theta must be a finite number > 2 (got 2.0)"), theta.err);
        CliRun name = CliRun.run("two-layer", "--activations", "odd,swish", "--out", out.toString());
        assertEquals(2, name.code);
        assertTrue(name.err.contains("unknown activation 'swish'"), name.err);
        if (CatalogChoice.parse("published").catalog().find(3.3, PhiThetaVariant.ODD).isEmpty()) {
            CliRun missing = CliRun.run("two-layer", "--theta", "3.3", "--catalog", "published", "--out", out.toString());
            assertEquals(2, missing.code);
            assertTrue(missing.err.contains("no odd phi_theta in the catalog for theta=3.3"), missing.err);
        }
        CliRun catalog = CliRun.run("two-layer", "--catalog", "/nonexistent.json", "--out", out.toString());
        assertTrue(catalog.err.contains("--catalog must be best, published or a catalog JSON file"), catalog.err);
        CliRun draws = CliRun.run("two-layer", "--draws", "5", "--out", out.toString());
        assertTrue(draws.err.contains("--draws must be >= 100"), draws.err);
        assertFalse(Files.exists(out), "nothing created when options are bad");

        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        CliRun unwritable = CliRun.run("two-layer", "--draws", "1000", "--out", file.resolve("sub").toString());
        assertEquals(2, unwritable.code);
        assertTrue(unwritable.err.contains("is not writable"), unwritable.err);
        assertFalse(unwritable.err.contains("\tat "), "one line, no stack trace");
    }
}
