package org.phitheta.experiment;

/**
 * The three hidden-size configurations [n0, n1] of the published two-layer study, as functions of n = 1..N.
 */
public enum TwoLayerConfig {
    /** n0 = 1, n1 = n. */
    ONE_N("n0=1,n1=n"),
    /** n0 = n, n1 = 2. */
    N_TWO("n0=n,n1=2"),
    /** n0 = n1 = n. */
    N_N("n0=n1=n");

    private final String label;

    TwoLayerConfig(String label) {
        this.label = label;
    }

    /** @return the label of the published CSV ("n0=1,n1=n", ...) */
    public String label() {
        return label;
    }

    /** @param n size parameter @return width of the first hidden layer */
    public int n0(int n) {
        return this == ONE_N ? 1 : n;
    }

    /** @param n size parameter @return width of the second hidden layer */
    public int n1(int n) {
        return this == N_TWO ? 2 : n;
    }

    /**
     * @param label a label as in the CSV
     * @return the configuration
     */
    public static TwoLayerConfig fromLabel(String label) {
        for (TwoLayerConfig c : values()) {
            if (c.label.equals(label.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown two-layer configuration '" + label + "'");
    }
}
