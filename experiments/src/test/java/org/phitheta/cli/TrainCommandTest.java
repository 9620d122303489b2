package org.phitheta.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phitheta.experiment.Json;
import org.phitheta.experiment.TrainResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The train subcommand. */
class TrainCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesStatisticsCurvesAndSummary() throws Exception {
        Path out = tmp.resolve("train");
        CliRun r = CliRun.run("train", "--train-limit", "200", "--test-limit", "100", "--hidden", "16,16",
                "--epochs", "1", "--batch", "50", "--probe-every", "2", "--probe-size", "50", "--activations",
                "positive,selu", "--theta", "3", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        List<String> stats = Files.readAllLines(out.resolve(TrainResult.STATS_CSV));
        assertEquals(TrainResult.STATS_HEADER, stats.get(0));
        // probes at iterations 0, 2, 4 (4 iterations per epoch), 2 layers, 2 activations
        assertEquals(1 + 3 * 2 * 2, stats.size());
        List<String> epochs = Files.readAllLines(out.resolve(TrainResult.EPOCHS_CSV));
        assertEquals(TrainResult.EPOCHS_HEADER, epochs.get(0));
        assertEquals(1 + 2 * 2, epochs.size(), "epoch 0 (untrained) and epoch 1, per activation");
        assertTrue(Files.size(out.resolve(TrainResult.KS_PNG)) > 10_000);
        assertTrue(Files.size(out.resolve(TrainResult.CURVES_PNG)) > 10_000);
        Map<String, Object> json = Json.read(out.resolve(TrainResult.JSON));
        assertEquals(2, ((List<?>) json.get("runs")).size());
        assertTrue(r.out.contains("Final test accuracy: positive phi_theta (theta=3)"), r.out);
    }

    @Test
    void badOptionsFailBeforeAnyWork() {
        Path out = tmp.resolve("never");
        CliRun epochs = CliRun.run("train", "--epochs", "0", "--out", out.toString());
        assertEquals(2, epochs.code);
        assertTrue(epochs.err.contains("--epochs must be in 1..1000"), epochs.err);
        CliRun data = CliRun.run("train", "--data", "/nonexistent", "--out", out.toString());
        assertTrue(data.err.contains("--data must be subset, full or a directory"), data.err);
        CliRun hidden = CliRun.run("train", "--hidden", "0", "--out", out.toString());
        assertTrue(hidden.err.contains("--hidden must list widths"), hidden.err);
        CliRun act = CliRun.run("train", "--activations", "gelu", "--out", out.toString());
        assertTrue(act.err.contains("unknown activation 'gelu'"), act.err);
        assertFalse(Files.exists(out));
    }
}
