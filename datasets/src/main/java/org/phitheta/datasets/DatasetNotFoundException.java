package org.phitheta.datasets;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A data directory or file that is not where it was looked for. The message names every place that was tried, so
 * that the user can see which path (or which environment variable) to fix.
 */
public class DatasetNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    private final List<String> lookedFor;

    /**
     * @param what      what was being looked for, e.g. {@code "Fashion-MNIST training images"}; not null
     * @param lookedFor the paths that were tried, in order; not null, not empty
     */
    public DatasetNotFoundException(String what, List<String> lookedFor) {
        super(message(what, lookedFor));
        this.lookedFor = List.copyOf(lookedFor);
    }

    private static String message(String what, List<String> lookedFor) {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(lookedFor, "lookedFor");
        if (lookedFor.isEmpty()) {
            throw new IllegalArgumentException("lookedFor must name at least one path");
        }
        return what + " not found; looked for: " + String.join(", ", lookedFor);
    }

    /** @return the paths that were tried, in order (unmodifiable) */
    public List<String> lookedFor() {
        return lookedFor;
    }
}
