package org.phitheta.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phitheta.experiment.DepthResult;
import org.phitheta.experiment.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The depth subcommand. */
class DepthCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesStatisticsQqDataFiguresAndSummary() throws Exception {
        Path out = tmp.resolve("depth");
        CliRun r = CliRun.run("depth", "--widths", "2,4", "--depth", "5", "--samples", "2000", "--qq-layers", "1,5,99",
                "--activations", "odd,relu,selu", "--theta", "3", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        List<String> csv = Files.readAllLines(out.resolve(DepthResult.CSV));
        assertEquals(DepthResult.HEADER, csv.get(0));
        assertEquals(1 + 2 * 3 * 5, csv.size(), "widths x activations x layers");
        List<String> qq = Files.readAllLines(out.resolve(DepthResult.QQ_CSV));
        assertEquals(1 + 2 * 3 * 2 * 199, qq.size(), "layer 99 > depth is dropped");
        for (String png : new String[]{DepthResult.KS_PNG, DepthResult.KS_FITTED_PNG, DepthResult.MOMENTS_PNG,
                DepthResult.QQ_PNG}) {
            assertTrue(Files.size(out.resolve(png)) > 10_000, png);
        }
        Map<String, Object> json = Json.read(out.resolve(DepthResult.JSON));
        assertEquals(5, ((Number) json.get("depth")).intValue());
        assertEquals(6, ((List<?>) json.get("series")).size());
        assertTrue(r.out.contains("Layer 1 (Gaussian first layer"), r.out);
    }

    @Test
    void badOptionsFailBeforeAnyWork() {
        Path out = tmp.resolve("never");
        CliRun width = CliRun.run("depth", "--widths", "0", "--out", out.toString());
        assertEquals(2, width.code);
        assertTrue(width.err.contains("widths must be in 1..2048"), width.err);
        CliRun input = CliRun.run("depth", "--input", "noise", "--out", out.toString());
        assertTrue(input.err.contains("unknown --input 'noise'"), input.err);
        CliRun data = CliRun.run("depth", "--input", "image", "--data", "/nonexistent/dir", "--out", out.toString());
        assertTrue(data.err.contains("--data must be subset, full or a directory"), data.err);
        CliRun theta = CliRun.run("depth", "--theta", "1.5,3", "--out", out.toString());
        assertTrue(theta.err.contains("theta must be a finite number > 2 (got 1.5)"), theta.err);
        assertFalse(Files.exists(out));
    }
}
