package org.phitheta.cli;

import org.junit.jupiter.api.Test;
import org.phitheta.activation.PhiThetaFunction;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.catalog.PhiThetaCatalog;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The core subcommands: phi, ks, and error handling. */
class CoreCommandsTest {

    private static final class Run {
        final int code;
        final String out;
        final String err;

        Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }

    private static Run run(String... args) {
        CommandLine cli = PhiThetaCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void phiPrintsCsvMatchingTheFunction() {
        Run r = run("phi", "--theta", "3", "--variant", "positive", "--from", "-1", "--to", "1", "--step", "0.5");
        assertEquals(0, r.code, r.err);
        String[] lines = r.out.trim().split("\\R");
        assertEquals("x,phi,dphi", lines[0]);
        assertEquals(6, lines.length, r.out);
        PhiThetaFunction phi = PhiThetaCatalog.getDefault().parameters(3, PhiThetaVariant.POSITIVE).function();
        String[] row = lines[3].split(",");
        assertEquals(0.0, Double.parseDouble(row[0]), 1e-12);
        assertEquals(phi.value(0.0), Double.parseDouble(row[1]), 1e-15);
        assertEquals(phi.derivative(0.0), Double.parseDouble(row[2]), 1e-15);
    }

    @Test
    void ksReadsOneEntryOfAWholeCatalogFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("published.json");
        PhiThetaCatalog.published().writeTo(file);
        Run r = run("ks", "--params", file.toString(), "--theta", "10", "--variant", "positive");
        assertEquals(0, r.code, r.err);
        String[] lines = r.out.trim().split("\\R");
        // the published positive fit at theta = 10 has KS 0.0048407 (published_params.json)
        assertEquals(0.0048407, Double.parseDouble(lines[lines.length - 1].substring("ks=".length())), 1e-6);
        Run ambiguous = run("ks", "--params", file.toString(), "--variant", "odd");
        assertEquals(2, ambiguous.code);
        assertTrue(ambiguous.err.contains("choose one with --variant and --theta"), ambiguous.err);
    }

    @Test
    void phiGridIsDecimal() {
        Run r = run("phi", "--theta", "3", "--from", "-6", "--to", "-5.8", "--step", "0.05");
        assertEquals(0, r.code, r.err);
        String[] lines = r.out.trim().split("\\R");
        StringBuilder xs = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            xs.append(lines[i].split(",")[0]).append(' ');
        }
        assertEquals("-6.0 -5.95 -5.9 -5.85 -5.8", xs.toString().trim());
    }

    @Test
    void ksEndsWithTheValueLine() {
        Run r = run("ks", "--theta", "3", "--variant", "odd");
        assertEquals(0, r.code, r.err);
        String[] lines = r.out.trim().split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.matches("ks=[0-9.eE-]+"), last);
        double ks = Double.parseDouble(last.substring(3));
        double stored = PhiThetaCatalog.getDefault().entry(3, PhiThetaVariant.ODD).getKs();
        // the same quadrature as the catalog figure: agreement to 1e-9
        assertEquals(stored, ks, 1e-9);
    }

    @Test
    void thetaAtMostTwoIsAOneLineErrorWithoutStackTrace() {
        Run r = run("ks", "--theta", "2");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("theta must be a finite number > 2 (got 2.0)"), r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace without --verbose: " + r.err);
        assertEquals("", r.out);

        Run verbose = run("phi", "--theta", "1.5", "--verbose");
        assertEquals(2, verbose.code);
        assertTrue(verbose.err.contains("\tat "), "stack trace with --verbose: " + verbose.err);
    }

    @Test
    void badArgumentsAreReported() {
        Run unknown = run("phi", "--theta", "3", "--variant", "even");
        assertTrue(unknown.code != 0);
        assertTrue(unknown.err.contains("unknown phi_theta variant 'even'"), unknown.err);
        Run step = run("phi", "--theta", "3", "--step", "0");
        assertTrue(step.err.contains("--step must be"), step.err);
        Run missing = run("ks", "--params", "/nonexistent/p.json");
        assertTrue(missing.err.contains("parameter file not found: /nonexistent/p.json"), missing.err);
        Run noTheta = run("ks");
        assertTrue(noTheta.err.contains("give --theta"), noTheta.err);
        // a value of the wrong type: one line naming it, not the usage text
        Run notANumber = run("ks", "--theta", "abc");
        assertEquals(2, notANumber.code);
        assertTrue(notANumber.err.contains("'abc' is not a double"), notANumber.err);
        assertFalse(notANumber.err.contains("Usage:"), notANumber.err);
        assertEquals(2, notANumber.err.trim().split("\\R").length, notANumber.err);
    }

    @Test
    void corruptParameterFileIsAOneLineError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("corrupt.json"), "{\"format\":");
        Run r = run("ks", "--params", file.toString());
        assertEquals(2, r.code, r.err);
        String first = r.err.trim().split("\\R")[0];
        assertTrue(first.startsWith("error: cannot read parameter file " + file + ": " + file + " is not valid JSON: "),
                first);
        assertTrue(first.contains("(line 1, column "), first);
        assertFalse(r.err.contains("ChannelInputStream"), r.err);
    }
}
