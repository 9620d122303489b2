package org.phitheta.experiment;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A text progress bar on stderr: {@code label [#####.....]  42% 12.3s}. On a terminal it redraws one line (at most
 * five times a second); otherwise (a log file) it prints a line at every tenth of the work and at least every 30 seconds while work
 * advances, so that logs stay short but a long step still shows it is alive. Never touches stdout.
 */
public final class Progress implements AutoCloseable {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LOG_INTERVAL_NANOS = 30_000_000_000L;
    private static final int LOG_STEPS = 10;

    private final PrintStream err;
    private final String label;
    private final long total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long done;
    private long lastDraw;
    private int lastTenth = -1;
    private String note = "";
    private boolean closed;

    private Progress(PrintStream err, String label, long total, boolean terminal) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
        this.terminal = terminal;
    }

    /**
     * @param label what is running
     * @param total number of steps
     * @return a bar on System.err, or a silent one if {@code phitheta.progress=false}
     */
    public static Progress start(String label, long total) {
        if ("false".equals(System.getProperty("phitheta.progress"))) {
            return silent(total);
        }
        Progress p = new Progress(System.err, label, total, System.console() != null);
        p.draw(true);
        return p;
    }

    /** @param total steps @return a bar that prints nothing */
    public static Progress silent(long total) {
        return new Progress(null, "", total, false);
    }

    /** @param steps steps just finished */
    public synchronized void step(long steps) {
        done = Math.min(total, done + steps);
        draw(false);
    }

    /** @param text short note shown after the bar (e.g. the current loss) */
    public synchronized void note(String text) {
        this.note = text == null ? "" : text;
    }

    /** @return seconds since start */
    public double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void draw(boolean force) {
        if (err == null || closed) {
            return;
        }
        long now = System.nanoTime();
        int tenth = (int) (LOG_STEPS * done / total);
        if (terminal) {
            if (!force && now - lastDraw < REDRAW_NANOS && done < total) {
                return;
            }
            err.print("\r" + line());
            err.flush();
        } else {
            if (!force && tenth == lastTenth && now - lastDraw < LOG_INTERVAL_NANOS) {
                return;
            }
            err.println(line());
        }
        lastTenth = tenth;
        lastDraw = now;
    }

    private String line() {
        int filled = (int) (WIDTH * done / total);
        StringBuilder bar = new StringBuilder(WIDTH);
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '#' : '.');
        }
        return String.format(Locale.ROOT, "%s [%s] %3d%% %6.1fs %s", label, bar, 100 * done / total,
                elapsedSeconds(), note);
    }

    @Override
    public synchronized void close() {
        if (err == null || closed) {
            return;
        }
        done = total;
        if (terminal) {
            err.print("\r" + line() + System.lineSeparator());
        } else if (lastTenth < LOG_STEPS) {
            err.println(line());
        }
        err.flush();
        closed = true;
    }
}
