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
                    baselines.append(baselines.length() == 0 ? "" : ", ")
                            .append(r.kind.equals("relu") ? "ReLU" : r.kind.equals("selu") ? "SELU" : r.activation)
                            .append(' ').append(fmt(v));
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

    static String actName(Map<String, Object> series) {
        String kind = (String) series.get("kind");
        if (kind.equals("odd") || kind.equals("positive")) {
            return phiName(kind, num(series.get("theta")));
        }
        return kind.equals("relu") ? "ReLU" : kind.equals("selu") ? "SELU" : "tanh";
    }

    private static double max(double[] v) {
        double m = Double.NaN;
        for (double d : v) {
            if (Double.isFinite(d) && !(d <= m)) {
                m = d;
            }
        }
        return m;
    }

    /**
     * @param summary the depth summary ({@link DepthResult#JSON})
     * @return one sentence per finding
     */
    public static List<String> depth(Map<String, Object> summary) {
        List<String> out = new ArrayList<>();
        int depth = (int) num(summary.get("depth"));
        List<Map<String, Object>> series = list(summary.get("series"));
        out.add(String.format(Locale.ROOT, "Depth study: %d hidden layers, widths %s, about %,d pooled "
                        + "pre-activations per layer (independent weight draws x width), computed in %.1f s.",
                depth, summary.get("widths"), (long) num(summary.get("samples_per_layer")),
                num(summary.get("seconds"))));
        String first = series.isEmpty() ? "ones" : (String) series.get(0).get("input");
        // layer 1 is exactly N(0,1) for phi_theta and SELU (N(0, 1/fanIn) first layer, no bias)
        double worstRatio = 0;
        String worst = null;
        for (Map<String, Object> s : series) {
            String kind = (String) s.get("kind");
            if (!(kind.equals("odd") || kind.equals("positive") || kind.equals("selu"))) {
                continue;
            }
            int width = (int) num(s.get("width"));
            long n = (long) num(s.get("draws")) * width;
            double ks1 = doubles(s.get("ks"))[0];
            double bound = 1.95 / Math.sqrt(n);   // Kolmogorov 0.1% critical value: several cells are compared
            if (ks1 / bound > worstRatio || worst == null) {
                worstRatio = ks1 / bound;
                worst = String.format(Locale.ROOT, "KS = %s at width %d, input %s, against the 0.1%% critical value "
                        + "1.95/sqrt(%,d) = %s", fmt(ks1), width, s.get("input"), n, fmt(bound));
            }
        }
        if (worst != null) {
            out.add("Layer 1 (Gaussian first layer, ||x||^2/dim = 1) is N(0,1) " + (worstRatio < 1 ? "within noise"
                    : "NOT within noise") + " for phi_theta and SELU: the largest " + worst + ".");
        }
        for (Object wo : (List<?>) summary.get("widths")) {
            int width = ((Number) wo).intValue();
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "Width %d, largest KS to N(0,1) over the %d layers (value at layer %d): ", width, depth, depth));
            StringBuilder shape = new StringBuilder();
            boolean firstItem = true;
            for (Map<String, Object> s : series) {
                if ((int) num(s.get("width")) != width || !first.equals(s.get("input"))) {
                    continue;
                }
                double[] ks = doubles(s.get("ks"));
                double[] fit = doubles(s.get("ks_fitted"));
                sb.append(firstItem ? "" : "; ").append(actName(s)).append(' ').append(fmt(max(ks)))
                        .append(" (").append(fmt(ks[depth - 1])).append(')');
                shape.append(firstItem ? "" : ", ").append(actName(s)).append(' ').append(fmt(fit[depth - 1]));
                firstItem = false;
            }
            if (!firstItem) {
                out.add(sb.append('.').toString());
                out.add(String.format(Locale.ROOT, "Width %d, shape only (KS to the normal with the sample's own "
                        + "mean and sd) at layer %d: %s.", width, depth, shape));
            }
        }
        // ranking at the widest width, last layer
        // image vs ones
        List<String> inputs = new ArrayList<>();
        for (Map<String, Object> s : series) {
            if (!inputs.contains((String) s.get("input"))) {
                inputs.add((String) s.get("input"));
            }
        }
        if (inputs.size() > 1) {
            double maxDiff = 0;
            String where = "";
            for (Map<String, Object> a : series) {
                if (!a.get("input").equals(inputs.get(0))) {
                    continue;
                }
                for (Map<String, Object> b : series) {
                    if (b.get("input").equals(inputs.get(1)) && b.get("width").equals(a.get("width"))
                            && b.get("activation").equals(a.get("activation"))) {
                        double[] ka = doubles(a.get("ks"));
                        double[] kb = doubles(b.get("ks"));
                        for (int l = 0; l < ka.length; l++) {
                            double d = Math.abs(ka[l] - kb[l]);
                            if (d > maxDiff) {
                                maxDiff = d;
                                where = String.format(Locale.ROOT, "%s, width %s, layer %d", actName(a),
                                        a.get("width"), l + 1);
                            }
                        }
                    }
                }
            }
            out.add(String.format(Locale.ROOT, "Input '%s' against '%s': the per-layer KS differ by at most %s (%s). "
                            + "The law of the first layer depends on x only through ||x||^2/dim = 1, so any "
                            + "difference is Monte-Carlo noise.", inputs.get(1), inputs.get(0), fmt(maxDiff), where));
        }
        return out;
    }

    /**
     * @param summary the train summary ({@link TrainResult#JSON})
     * @return one sentence per finding
     */
    public static List<String> train(Map<String, Object> summary) {
        List<String> out = new ArrayList<>();
        List<Map<String, Object>> runs = list(summary.get("runs"));
        out.add(String.format(Locale.ROOT, "Training: %s; hidden widths %s, %d epoch(s), batch %d, Adam (lr %s), "
                        + "%.1f s in all.", summary.get("data"), summary.get("hidden"), (int) num(summary.get("epochs")),
                (int) num(summary.get("batch_size")), num(summary.get("learning_rate")), num(summary.get("seconds"))));
        StringBuilder acc = new StringBuilder("Final test accuracy: ");
        Map<String, Object> best = null;
        for (int i = 0; i < runs.size(); i++) {
            Map<String, Object> r = runs.get(i);
            acc.append(i == 0 ? "" : ", ").append(actName(r)).append(' ')
                    .append(String.format(Locale.ROOT, "%.3f", num(r.get("final_test_accuracy"))));
            if (best == null || num(r.get("final_test_accuracy")) > num(best.get("final_test_accuracy"))) {
                best = r;
            }
        }
        if (best != null) {
            acc.append(String.format(Locale.ROOT, "; best: %s (%.3f).", actName(best),
                    num(best.get("final_test_accuracy"))));
            out.add(acc.toString());
        }
        for (Map<String, Object> r : runs) {
            List<Map<String, Object>> layers = list(r.get("layers"));
            if (layers.isEmpty()) {
                continue;
            }
            double initMax = 0;
            for (Map<String, Object> l : layers) {
                initMax = Math.max(initMax, num(l.get("ks_initial")));
            }
            Map<String, Object> last = layers.get(layers.size() - 1);
            out.add(String.format(Locale.ROOT, "%s: at initialization the largest per-layer KS to N(0,1) is %s; "
                            + "after training, layer %d has KS %s to N(0,1) (sd %s -> %s) but %s to the normal with "
                            + "its own mean and sd (excess kurtosis %s).",
                    actName(r), fmt(initMax), (int) num(last.get("layer")), fmt(num(last.get("ks_final"))),
                    fmt(num(last.get("sd_initial"))), fmt(num(last.get("sd_final"))),
                    fmt(num(last.get("ks_fitted_final"))), fmt(num(last.get("excess_kurtosis_final")))));
        }
        return out;
    }
}
