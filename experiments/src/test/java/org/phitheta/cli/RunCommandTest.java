package org.phitheta.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phitheta.experiment.Json;
import org.phitheta.experiment.Manifest;
import org.phitheta.experiment.Report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main job: report completeness, resume, and option errors. */
class RunCommandTest {

    @TempDir
    Path tmp;

    private static final String[] TINY = {"--quick", "--samples", "1000", "--epochs", "1", "--theta", "3",
            "--seed", "2"};

    private static String[] args(Path out, int draws) {
        List<String> a = new ArrayList<>(List.of("run", "--out", out.toString(), "--draws", Integer.toString(draws)));
        a.addAll(List.of(TINY));
        return a.toArray(new String[0]);
    }

    @Test
    void reportIsCompleteAndRerunsResume() throws Exception {
        Path out = tmp.resolve("out");
        CliRun first = CliRun.run(args(out, 2000));
        assertEquals(0, first.code, first.toString());
        assertTrue(first.out.contains("report: " + out.toAbsolutePath().normalize().resolve("report.md")), first.out);
        assertTrue(first.out.contains("Final test accuracy"), first.out);

        // report.md: every referenced figure exists; every part's CSV parses with the right header
        String md = Files.readString(out.resolve(Report.MARKDOWN));
        Matcher m = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(md);
        int images = 0;
        while (m.find()) {
            Path png = out.resolve(m.group(1));
            assertTrue(Files.size(png) > 10_000, "figure " + png);
            byte[] head = Files.readAllBytes(png);
            assertEquals((byte) 0x89, head[0]);
            assertEquals('P', head[1]);
            images++;
        }
        assertEquals(7, images, "two-layer 1, depth 4, train 2");
        assertTrue(md.contains("## Summary") && md.contains("## 1. Two-layer") && md.contains("## 2. Deep")
                && md.contains("## 3. Training"), md);
        assertTrue(Files.readString(out.resolve(Report.HTML)).contains("<img src=\"two-layer/two_layer_ks.png\""));
        List<String> tl = Files.readAllLines(out.resolve("two-layer/two_layer_ks.csv"));
        assertEquals("layers,activation,n=1,n=2,n=3,n=4,n=5,n=6,n=7,n=8,n=9,n=10", tl.get(0));
        assertEquals(1 + 3 * 4, tl.size(), "odd 3, positive 3, relu, tanh per configuration");
        for (String line : tl.subList(1, tl.size())) {
            String[] f = line.split(",");
            for (int i = f.length - 10; i < f.length; i++) {
                double v = Double.parseDouble(f[i]);
                assertTrue(v >= 0 && v <= 1, line);
            }
        }
        List<String> depth = Files.readAllLines(out.resolve("depth/depth_stats.csv"));
        assertEquals(1 + 3 * 5 * 50, depth.size(), "3 widths x 5 activations x 50 layers");
        Map<String, Object> manifest = Json.read(out.resolve(Manifest.FILE));
        assertEquals(3, ((Map<?, ?>) manifest.get("parts")).size());
        try (Stream<Path> files = Files.walk(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary files");
        }

        // second run: nothing recomputed (files keep their modification times)
        Path marker = out.resolve("two-layer/two_layer_ks.csv");
        Path trainMarker = out.resolve("train/train_stats.csv");
        FileTime t1 = Files.getLastModifiedTime(marker);
        FileTime t2 = Files.getLastModifiedTime(trainMarker);
        Thread.sleep(1100);
        CliRun second = CliRun.run(args(out, 2000));
        assertEquals(0, second.code, second.toString());
        assertTrue(second.out.contains("two-layer: reused (up to date)"), second.out);
        assertTrue(second.out.contains("train: reused (up to date)"), second.out);
        assertEquals(t1, Files.getLastModifiedTime(marker));
        assertEquals(t2, Files.getLastModifiedTime(trainMarker));

        // an interrupted part (a file missing) and a changed setting are recomputed; the rest is reused
        Files.delete(out.resolve("depth/depth_ks.png"));
        CliRun third = CliRun.run(args(out, 3000));
        assertEquals(0, third.code, third.toString());
        assertFalse(third.out.contains("two-layer: reused"), third.out);
        assertFalse(third.out.contains("depth: reused"), third.out);
        assertTrue(third.out.contains("train: reused (up to date)"), third.out);
        assertNotEquals(t1, Files.getLastModifiedTime(marker));
        assertEquals(t2, Files.getLastModifiedTime(trainMarker));
        assertTrue(Files.exists(out.resolve("depth/depth_ks.png")));
        assertTrue(Files.readString(out.resolve(Report.MARKDOWN)).contains("3,000 independent weight draws"));

        // running one part only keeps the other finished parts in the report
        List<String> onlyTwoLayer = new ArrayList<>(List.of(args(out, 3000)));
        onlyTwoLayer.addAll(List.of("--parts", "two-layer"));
        CliRun fourth = CliRun.run(onlyTwoLayer.toArray(new String[0]));
        assertEquals(0, fourth.code, fourth.toString());
        assertTrue(fourth.out.contains("two-layer: reused (up to date)"), fourth.out);
        assertTrue(fourth.out.contains("train: kept from an earlier invocation (not selected)"), fourth.out);
        String md4 = Files.readString(out.resolve(Report.MARKDOWN));
        assertTrue(md4.contains("## 2. Deep") && md4.contains("## 3. Training"), md4);
        assertTrue(md4.contains("part depth: not selected this time"), md4);
    }

    @Test
    void badOptionsFailBeforeAnyWork() throws Exception {
        Path out = tmp.resolve("never");
        CliRun theta = CliRun.run("run", "--quick", "--theta", "2", "--out", out.toString());
        assertEquals(2, theta.code);
        assertTrue(theta.err.contains("theta must be a finite number > 2 (got 2.0)"), theta.err);
        CliRun act = CliRun.run("run", "--quick", "--activations", "odd,elu", "--out", out.toString());
        assertTrue(act.err.contains("unknown activation 'elu'"), act.err);
        CliRun part = CliRun.run("run", "--quick", "--parts", "two-layer,fit", "--out", out.toString());
        assertTrue(part.err.contains("unknown part 'fit'"), part.err);
        CliRun epochs = CliRun.run("run", "--quick", "--epochs", "0", "--out", out.toString());
        assertTrue(epochs.err.contains("--epochs must be in 1..1000"), epochs.err);
        assertFalse(Files.exists(out), "nothing written when options are bad");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliRun unwritable = CliRun.run("run", "--quick", "--out", file.toString());
        assertEquals(2, unwritable.code);
        assertTrue(unwritable.err.contains("exists and is not a directory"), unwritable.err);
        assertEquals("x", Files.readString(file));
    }
}
