package org.phitheta.fitting;

/**
 * Receives progress reports during a fit. Calls are serialised by the fitter (never concurrent), but may come from
 * different threads when both variants are fitted in parallel; keep the work done here small.
 */
@FunctionalInterface
public interface FitProgressListener {

    /** A listener that ignores every report. */
    FitProgressListener NONE = progress -> { };

    /**
     * @param progress the current state
     */
    void onProgress(FitProgress progress);
}
