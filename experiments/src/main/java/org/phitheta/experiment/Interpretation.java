package org.phitheta.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sentences computed from the numbers of each part, used by the report and by the stdout summaries. Every sentence
 * quotes the values it is built from, so that it is right whatever the numbers turn out to be.
 */
public final class Interpretation {

    private Interpretation() {
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v != 0 && Math.abs(v) < 0.01) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    static double num(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    static double[] doubles(Object o) {
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) o;
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = num(l.get(i));
        }
        return v;
    }

    /** A row of the two-layer summary. */
    private static final class TlRow {
        String layers;
        String activation;
        String kind;
        double theta;
        double[] ks;
    }

    private static List<TlRow> tlRows(Map<String, Object> summary) {
        List<TlRow> rows = new ArrayList<>();
        for (Map<String, Object> m : list(summary.get("rows"))) {
            TlRow r = new TlRow();
            r.layers = (String) m.get("layers");
            r.activation = (String) m.get("activation");
            r.kind = (String) m.get("kind");
            r.theta = num(m.get("theta"));
            r.ks = doubles(m.get("ks"));
            rows.add(r);
        }
        return rows;
    }

    static String phiName(String kind, double theta) {
        return String.format(Locale.ROOT, "%s phi_theta (theta=%s)", kind, ActivationSpec.trim(theta));
    }

    /**
     * @param summary the two-layer summary ({@link TwoLayerExperiment#JSON})
     * @return one sentence per finding
     */
    public static List<String> twoLayer(Map<String, Object> summary) {
        List<String> out = new ArrayList<>();
        List<TlRow> rows = tlRows(summary);
        int maxN = (int) num(summary.get("max_n"));
        out.add(String.format(Locale.ROOT, "Two-layer study: %,d independent weight draws per cell, %d rows, "
                        + "catalog '%s', computed in %.1f s (Monte-Carlo sd of one KS value <= %s).",
                (long) num(summary.get("draws")), rows.size(), summary.get("catalog"), num(summary.get("seconds")),
                fmt(num(summary.get("noise_sd")))));
        for (TwoLayerConfig config : TwoLayerConfig.values()) {
            TlRow best = null;
            TlRow worst = null;
            StringBuilder baselines = new StringBuilder();
            for (TlRow r : rows) {
                if (!r.layers.equals(config.label())) {
                    continue;
                }
                double v = r.ks[maxN - 1];
                if (r.kind.equals("odd") || r.kind.equals("positive")) {
                    if (best == null || v < best.ks[maxN - 1]) {
                        best = r;
                    }
                    if (worst == null || v > worst.ks[maxN - 1]) {
                        worst = r;
                    }
                } else {
                    baselines.append(baselines.length() == 0 ? "" : ", ").append(r.activation).append(' ')
                            .append(fmt(v));
                }
            }
            if (best == null && baselines.length() == 0) {
                continue;
            }
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "[n0, n1] = [%s, %s] at n = %d: ",
                    config.n0(maxN), config.n1(maxN), maxN));
            if (best != null) {
                s.append(String.format(Locale.ROOT, "phi_theta KS ranges from %s (%s) to %s (%s)", fmt(best.ks[maxN - 1]),
                        phiName(best.kind, best.theta), fmt(worst.ks[maxN - 1]), phiName(worst.kind, worst.theta)));
                if (baselines.length() > 0) {
                    s.append(", against ");
                }
            }
            if (baselines.length() > 0) {
                s.append(baselines);
            }
            s.append('.');
            out.add(s.toString());
        }
        // the n = 2 bump of narrow second layers
        TlRow bump = null;
        int bumpN = 0;
        for (TlRow r : rows) {
            if (!(r.kind.equals("odd") || r.kind.equals("positive"))) {
                continue;
            }
            for (int i = 0; i < r.ks.length; i++) {
                if (bump == null || r.ks[i] > bump.ks[bumpN - 1]) {
                    bump = r;
                    bumpN = i + 1;
                }
            }
        }
        if (bump != null) {
            out.add(String.format(Locale.ROOT, "The largest phi_theta KS in the table is %s, for %s at %s, n = %d: "
                            + "with few units, dependence between units (they share their inputs) breaks the "
                            + "independence the construction relies on; larger theta suffers more.",
                    fmt(bump.ks[bumpN - 1]), phiName(bump.kind, bump.theta), bump.layers, bumpN));
        }
        int compared = (int) num(summary.get("compared_rows"));
        if (compared > 0) {
            int outside = (int) num(summary.get("rows_outside_tolerance"));
            out.add(String.format(Locale.ROOT, "Against the published table (%d rows): max |ours - published| = %s "
                            + "(%s); the tolerance for one value, 4 sd of the difference of two Monte-Carlo "
                            + "estimates, is %s; %s.",
                    compared, fmt(num(summary.get("max_abs_diff"))), summary.get("max_abs_diff_at"),
                    fmt(num(summary.get("comparison_tolerance"))),
                    outside == 0 ? "every row is within Monte-Carlo noise"
                            : outside + " row(s) exceed it" + ("published".equals(summary.get("catalog")) ? ""
                            : " (expected where the catalog's parameters differ from the published ones)")));
        }
        return out;
    }
}
