package org.phitheta.fitting;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SameDiff's unconditional "Added differentiated op" stdout lines must not reach a library user's stdout. */
class SameDiffNoiseFilterTest {

    private static final String NOISE = "Added differentiated op";

    private static String captureStdout(Runnable action) {
        PrintStream saved = System.out;
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(saved);
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    private static SameDiff tinyGraph() {
        SameDiff sd = SameDiff.create();
        SDVariable w = sd.var("w", Nd4j.createFromArray(1.0, 2.0).castTo(DataType.DOUBLE));
        sd.math().square(w).sum("loss");
        sd.setLossVariables("loss");
        return sd;
    }

    @Test
    void sameDiffReallyPrintsTheLinesThisFilterDrops() {
        // the premise: without the filter, building a gradient function prints on stdout (SameDiff 1.0.0-M2.1)
        String out = captureStdout(() -> tinyGraph().calculateGradients(Map.of(), "w"));
        assertTrue(out.contains(NOISE), out);
    }

    @Test
    void quietlyDropsTheLinesKeepsOthersAndRestoresStdout() {
        PrintStream[] during = new PrintStream[1];
        PrintStream[] before = new PrintStream[1];
        String out = captureStdout(() -> {
            before[0] = System.out;
            SameDiffNoiseFilter.quietly(() -> {
                System.out.println("result line");
                during[0] = System.out;
                return tinyGraph().calculateGradients(Map.of(), "w");
            });
            assertSame(before[0], System.out, "stdout restored");
        });
        assertFalse(out.contains(NOISE), out);
        assertEquals("result line" + System.lineSeparator(), out);
        assertTrue(during[0] != before[0], "filtered while the action ran");
    }

    @Test
    void aFitPrintsNothingOnStdout() {
        String out = captureStdout(() -> {
            DensityFitter fitter = new DensityFitter(3.37);
            new DensityGraph(fitter.quadrature(), fitter.box()).evaluate(new double[]{0.3, -0.2, 0.4}, 0.01, 1);
        });
        assertEquals("", out);
    }

    @Test
    void noiseLinesAreDroppedAndOthersKeptInOrder() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream filtered = new PrintStream(new SameDiffNoiseFilter(sink), true, StandardCharsets.UTF_8);
        filtered.println("x,phi");
        filtered.println("Added differentiated op reduce_sum");
        filtered.print("ks=0.1");
        filtered.println();
        filtered.flush();
        assertEquals("x,phi" + System.lineSeparator() + "ks=0.1" + System.lineSeparator(),
                sink.toString(StandardCharsets.UTF_8));
    }
}
