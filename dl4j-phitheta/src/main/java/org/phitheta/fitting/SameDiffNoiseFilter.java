package org.phitheta.fitting;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Drops the lines SameDiff 1.0.0-M2.1 prints unconditionally on {@code System.out} while it builds a gradient graph
 * ("Added differentiated op ..."), so that stdout carries only the program's results. Every other line passes
 * unchanged, in order.
 *
 * <p>The fitter runs its SameDiff gradient calls inside {@link #quietly(Supplier)}, so that an application using the
 * library does not get those lines; a command-line program may {@link #install()} the filter for good.
 */
public final class SameDiffNoiseFilter extends FilterOutputStream {

    static final String NOISE_PREFIX = "Added differentiated op ";

    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    /** @param out where the other lines go */
    public SameDiffNoiseFilter(OutputStream out) {
        super(out);
    }

    /** Replaces System.out with a filtered stream (idempotent). */
    public static synchronized void install() {
        if (!(System.out instanceof Marked)) {
            System.setOut(new Marked(new SameDiffNoiseFilter(System.out)));
        }
    }

    /**
     * Runs an action with System.out filtered, then puts System.out back (unless someone replaced it meanwhile).
     * Lines other threads print in that window pass through unchanged.
     *
     * @param action the SameDiff call
     * @param <T>    its result type
     * @return its result
     */
    public static <T> T quietly(Supplier<T> action) {
        PrintStream saved;
        PrintStream mine;
        synchronized (SameDiffNoiseFilter.class) {
            saved = System.out;
            if (saved instanceof Marked) {
                return action.get();   // already filtered for good
            }
            mine = new Marked(new SameDiffNoiseFilter(saved));
            System.setOut(mine);
        }
        try {
            return action.get();
        } finally {
            synchronized (SameDiffNoiseFilter.class) {
                mine.flush();
                if (System.out == mine) {
                    System.setOut(saved);
                }
            }
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emitLine();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private void emitLine() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        if (!text.startsWith(NOISE_PREFIX)) {
            line.writeTo(out);
        }
        line.reset();
    }

    @Override
    public synchronized void flush() throws IOException {
        // a partial line is held back until its end, unless it cannot be noise
        String text = line.toString(StandardCharsets.UTF_8);
        if (line.size() > 0 && !NOISE_PREFIX.startsWith(text) && !text.startsWith(NOISE_PREFIX)) {
            line.writeTo(out);
            line.reset();
        }
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        line.writeTo(out);
        line.reset();
        super.close();
    }

    /** A PrintStream marker so install() stays idempotent. */
    private static final class Marked extends PrintStream {
        Marked(OutputStream out) {
            super(out, true, StandardCharsets.UTF_8);
        }
    }
}
