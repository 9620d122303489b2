package org.phitheta.experiment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a run: {@code report.md} (and the same content as {@code report.html}) showing every figure and table
 * of the parts, each followed by sentences computed from the numbers ({@link Interpretation}).
 */
public final class Report {

    /** Markdown report. */
    public static final String MARKDOWN = "report.md";
    /** HTML report (same content). */
    public static final String HTML = "report.html";

    /** A block of the document. */
    private interface Block {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Para(String text) implements Block {
    }

    private record Bullets(List<String> items) implements Block {
    }

    private record Image(String path, String alt) implements Block {
    }

    private record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();

    private Report() {
    }

    /**
     * Writes report.md and report.html.
     *
     * @param out      output directory
     * @param runInfo  settings of the run
     * @param outcomes the parts
     * @param manifest the manifest (timings of skipped parts)
     * @return the summary sentences (also at the top of the report)
     */
    public static List<String> write(Path out, Map<String, Object> runInfo, List<RunSuite.Outcome> outcomes,
                                     Manifest manifest) {
        Report r = new Report();
        r.build(runInfo, outcomes, manifest);
        AtomicFiles.writeString(out.resolve(MARKDOWN), r.markdown());
        AtomicFiles.writeString(out.resolve(HTML), r.html());
        return r.summary;
    }

    /**
     * @param out output directory of a finished run
     * @return the summary sentences of report.md (the bullets under "Summary")
     */
    public static List<String> readSummary(Path out) {
        List<String> lines = new ArrayList<>();
        try {
            boolean in = false;
            for (String l : java.nio.file.Files.readAllLines(out.resolve(MARKDOWN))) {
                if (l.startsWith("## Summary")) {
                    in = true;
                } else if (l.startsWith("## ")) {
                    in = false;
                } else if (in && l.startsWith("- ")) {
                    lines.add(l.substring(2));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines;
    }

    private void build(Map<String, Object> runInfo, List<RunSuite.Outcome> outcomes, Manifest manifest) {
        blocks.add(new Heading(1, "Gaussian pre-activations with φθ: experiment report"));
        blocks.add(new Para("Wolinski & Arbel, \"Gaussian Pre-Activations in Neural Networks: Myth or Reality?\" "
                + "(TMLR 2025): weights W(θ,1)/√fanIn paired with the activation φθ keep pre-activations N(0,1) "
                + "layer after layer. This report checks it with Deeplearning4j: the published two-layer finite-width "
                + "study, deep narrow networks at initialization, and training on Fashion-MNIST."));
        List<String> info = new ArrayList<>();
        info.add("generated " + Instant.now().toString().replaceAll("\\.\\d+Z$", "Z") + " by `phitheta run`"
                + (Boolean.TRUE.equals(runInfo.get("quick")) ? " `--quick` (smoke-test settings: small samples, "
                + "noisy figures)" : ""));
        info.add("settings: " + runInfo.get("settings"));
        if (runInfo.get("command") != null) {
            info.add("command: `" + runInfo.get("command") + "`");
        }
        for (RunSuite.Outcome o : outcomes) {
            info.add(String.format(Locale.ROOT, "part %s: %s", o.name(), !o.selected()
                    ? String.format(Locale.ROOT, "not selected this time; kept from an earlier invocation, with the "
                    + "settings recorded in manifest.json (computed in %.1f s)", manifest.seconds(o.name()))
                    : o.skipped() ? String.format(Locale.ROOT, "reused from an earlier invocation (computed in %.1f s)",
                    manifest.seconds(o.name())) : String.format(Locale.ROOT, "computed in %.1f s", o.seconds())));
        }
        info.add(String.format(Locale.ROOT, "this invocation: %.1f s", Interpretation.num(
                runInfo.get("seconds_this_invocation"))));
        int summaryAt = blocks.size();
        for (RunSuite.Outcome o : outcomes) {
            switch (o.name()) {
                case "two-layer":
                    twoLayer(o.summary());
                    break;
                case "depth":
                    depth(o.summary());
                    break;
                case "train":
                    train(o.summary());
                    break;
                default:
                    break;
            }
        }
        List<Block> head = new ArrayList<>();
        head.add(new Bullets(info));
        head.add(new Heading(2, "Summary"));
        head.add(new Bullets(summary.isEmpty() ? List.of("no part was run") : summary));
        blocks.addAll(summaryAt, head);
        blocks.add(new Heading(2, "Files"));
        List<String> files = new ArrayList<>();
        files.add("`report.md` and `report.html`: this report");
        files.add("`manifest.json`: settings hash, timing and files of every finished part (re-running `phitheta run` "
                + "with the same settings reuses finished parts)");
        for (RunSuite.Outcome o : outcomes) {
            Object f = o.summary().get("files");
            if (f instanceof List) {
                for (Object x : (List<?>) f) {
                    files.add("`" + o.name() + "/" + x + "`");
                }
            }
        }
        blocks.add(new Bullets(files));
    }

    // ---------------------------------------------------------------- two-layer

    private void twoLayer(Map<String, Object> s) {
        List<String> sentences = Interpretation.twoLayer(s);
        blocks.add(new Heading(2, "1. Two-layer networks: the published finite-width study"));
        blocks.add(new Para("Input x = 1, hidden sizes [n0, n1] ∈ {[1, n], [n, 2], [n, n]}, n = 1..10; first layer "
                + "N(0,1) weights, later layers W(θ,1)/√fanIn without bias for φθ; baselines ReLU (N(0, 2/fanIn), no "
                + "bias) and tanh (σw² = 1.46, σb² = 0.013). The KS distance of the output pre-activation to N(0,1) is "
                + "the exact Kolmogorov-Smirnov statistic over independent weight draws."));
        blocks.add(new Image("two-layer/" + TwoLayerExperiment.PNG, "two-layer KS against n"));
        // the last sentence is the comparison with the published table when there is one; it goes under Table 2
        boolean compared = Interpretation.num(s.get("compared_rows")) > 0 && !sentences.isEmpty();
        String comparison = compared ? sentences.get(sentences.size() - 1) : null;
        blocks.add(new Bullets(compared ? sentences.subList(0, sentences.size() - 1) : sentences));
        int maxN = (int) Interpretation.num(s.get("max_n"));
        // table of our values at n = maxN (and n = 2)
        List<List<String>> rows = new ArrayList<>();
        List<String> acts = new ArrayList<>();
        for (Map<String, Object> r : Interpretation.list(s.get("rows"))) {
            if (!acts.contains((String) r.get("activation"))) {
                acts.add((String) r.get("activation"));
            }
        }
        int phiBelow = 0;
        int phiTotal = 0;
        for (String a : acts) {
            List<String> row = new ArrayList<>();
            row.add(a);
            for (TwoLayerConfig c : TwoLayerConfig.values()) {
                double[] ks = ksRow(s, c.label(), a);
                row.add(ks == null ? "" : Interpretation.fmt(ks[Math.min(1, ks.length - 1)]));
                row.add(ks == null ? "" : Interpretation.fmt(ks[ks.length - 1]));
            }
            rows.add(row);
        }
        for (TwoLayerConfig c : TwoLayerConfig.values()) {
            double bestBaseline = Double.POSITIVE_INFINITY;
            for (String a : acts) {
                if (!a.contains(":")) {
                    double[] ks = ksRow(s, c.label(), a);
                    bestBaseline = Math.min(bestBaseline, ks[ks.length - 1]);
                }
            }
            for (String a : acts) {
                if (a.contains(":")) {
                    double[] ks = ksRow(s, c.label(), a);
                    phiTotal++;
                    if (ks[ks.length - 1] < bestBaseline) {
                        phiBelow++;
                    }
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("activation"));
        for (TwoLayerConfig c : TwoLayerConfig.values()) {
            String name = c == TwoLayerConfig.ONE_N ? "[1,n]" : c == TwoLayerConfig.N_TWO ? "[n,2]" : "[n,n]";
            header.add(name + " n=2");
            header.add(name + " n=" + maxN);
        }
        blocks.add(new Para("Table 1: KS distance to N(0,1) of the output pre-activation, this run (the full "
                + "table is `two-layer/" + TwoLayerExperiment.CSV + "`, in the published layout)."));
        blocks.add(new Table(header, rows));
        if (phiTotal > 0) {
            blocks.add(new Para(String.format(Locale.ROOT, "At n = %d, %d of the %d φθ cells (activation × "
                    + "configuration) are below the best baseline of their configuration.", maxN, phiBelow, phiTotal)));
        }
        // comparison with the published table
        List<Map<String, Object>> comp = Interpretation.list(s.get("comparison"));
        if (!comp.isEmpty()) {
            List<List<String>> crow = new ArrayList<>();
            List<String> cacts = new ArrayList<>();
            for (Map<String, Object> c : comp) {
                if (!cacts.contains((String) c.get("activation"))) {
                    cacts.add((String) c.get("activation"));
                }
            }
            double tol = Interpretation.num(s.get("comparison_tolerance"));
            for (String a : cacts) {
                List<String> row = new ArrayList<>();
                row.add(a);
                for (TwoLayerConfig cfg : TwoLayerConfig.values()) {
                    String cell = "";
                    for (Map<String, Object> c : comp) {
                        if (c.get("activation").equals(a) && c.get("layers").equals(cfg.label())) {
                            double d = Interpretation.num(c.get("max_abs_diff"));
                            cell = Interpretation.fmt(d) + (d > tol ? " (!)" : "");
                        }
                    }
                    row.add(cell);
                }
                crow.add(row);
            }
            blocks.add(new Para(String.format(Locale.ROOT, "Table 2: max over n of |ours − published| per row "
                            + "(catalog '%s', %,d draws; `two-layer/%s`). Monte-Carlo sd of one KS value ≤ 1/(2√N): "
                            + "%s here, %s for the published 200,000 draws; (!) marks rows above %s, 4 sd of the "
                            + "difference.", s.get("catalog"), (long) Interpretation.num(s.get("draws")),
                    TwoLayerExperiment.COMPARISON_CSV, Interpretation.fmt(Interpretation.num(s.get("noise_sd"))),
                    Interpretation.fmt(TwoLayerResult.noiseSd(200_000)), Interpretation.fmt(tol))));
            blocks.add(new Table(List.of("activation", "[1,n]", "[n,2]", "[n,n]"), crow));
            if (comparison != null) {
                blocks.add(new Para(comparison));
                summary.add(comparison);
            }
        }
        for (String x : sentences) {
            if (x.startsWith("[n0, n1] = [" + maxN + ", " + maxN + "]")) {
                summary.add("Two-layer " + x);
            }
        }
    }

    private static double[] ksRow(Map<String, Object> s, String layers, String activation) {
        for (Map<String, Object> r : Interpretation.list(s.get("rows"))) {
            if (r.get("layers").equals(layers) && r.get("activation").equals(activation)) {
                return Interpretation.doubles(r.get("ks"));
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- depth

    private void depth(Map<String, Object> s) {
        List<String> sentences = Interpretation.depth(s);
        int depth = (int) Interpretation.num(s.get("depth"));
        List<Map<String, Object>> series = Interpretation.list(s.get("series"));
        String input = series.isEmpty() ? "ones" : (String) series.get(0).get("input");
        blocks.add(new Heading(2, "2. Deep networks at initialization"));
        blocks.add(new Para("A fixed input (x = 1, or a Fashion-MNIST test image scaled to ||x||²/784 = 1) and many "
                + "independent weight draws of networks with " + depth + " hidden layers of equal width; per layer, "
                + "the pre-activations of all units and draws are pooled. φθ uses the paper's recipe; tanh "
                + "(σw² = 1.46, σb² = 0.013), ReLU with He init and SELU with LeCun-normal init are the baselines."));
        blocks.add(new Image("depth/" + DepthResult.KS_PNG, "KS to N(0,1) against layer"));
        List<String> ks = new ArrayList<>();
        List<String> shape = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String x : sentences) {
            if (x.contains("shape only")) {
                shape.add(x);
            } else if (x.startsWith("Width")) {
                ks.add(x);
            } else {
                other.add(x);
            }
        }
        List<String> first = new ArrayList<>(other);
        first.addAll(ks);
        blocks.add(new Bullets(first));
        blocks.add(new Image("depth/" + DepthResult.KS_FITTED_PNG, "KS to the fitted normal against layer"));
        blocks.add(new Bullets(shape));
        blocks.add(new Image("depth/" + DepthResult.MOMENTS_PNG, "variance and excess kurtosis against layer"));
        blocks.add(new Bullets(momentSentences(series, input, depth)));
        Object files = s.get("files");
        if (files instanceof List && ((List<?>) files).contains(DepthResult.QQ_PNG)) {
            blocks.add(new Image("depth/" + DepthResult.QQ_PNG, "QQ plots"));
            blocks.add(new Para("QQ plots of layers " + s.get("qq_layers") + " (input " + input + "): a line of slope "
                    + "1 through 0 is N(0,1); a different slope is a variance drift (tanh, ReLU), S-shaped ends are "
                    + "heavy tails (large excess kurtosis, quoted above)."));
        }
        // table: KS at layers 1, 10, depth
        List<Integer> layers = new ArrayList<>(List.of(1));
        if (depth >= 10) {
            layers.add(10);
        }
        if (depth > 1 && !layers.contains(depth)) {
            layers.add(depth);
        }
        List<String> header = new ArrayList<>(List.of("width", "activation"));
        for (int l : layers) {
            header.add("KS layer " + l);
        }
        header.add("KS fitted, layer " + depth);
        header.add("variance, layer " + depth);
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> x : series) {
            if (!input.equals(x.get("input"))) {
                continue;
            }
            double[] k = Interpretation.doubles(x.get("ks"));
            List<String> row = new ArrayList<>();
            row.add(String.valueOf((int) Interpretation.num(x.get("width"))));
            row.add((String) x.get("activation"));
            for (int l : layers) {
                row.add(Interpretation.fmt(k[l - 1]));
            }
            row.add(Interpretation.fmt(Interpretation.doubles(x.get("ks_fitted"))[depth - 1]));
            row.add(Interpretation.fmt(Interpretation.doubles(x.get("variance"))[depth - 1]));
            rows.add(row);
        }
        blocks.add(new Para("Table 3: KS distance to N(0,1) at chosen layers, input " + input
                + " (every layer: `depth/" + DepthResult.CSV + "`)."));
        blocks.add(new Table(header, rows));
        blocks.add(new Para(tableSentence(series, input, depth)));
        summary.add(tableSentence(series, input, depth));
    }

    private static List<String> momentSentences(List<Map<String, Object>> series, String input, int depth) {
        List<String> out = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (Map<String, Object> x : series) {
            int w = (int) Interpretation.num(x.get("width"));
            if (!widths.contains(w)) {
                widths.add(w);
            }
        }
        for (int w : new int[]{widths.get(0), widths.get(widths.size() - 1)}) {
            StringBuilder v = new StringBuilder();
            for (Map<String, Object> x : series) {
                if (!input.equals(x.get("input")) || (int) Interpretation.num(x.get("width")) != w) {
                    continue;
                }
                double var = Interpretation.doubles(x.get("variance"))[depth - 1];
                double kurt = Interpretation.doubles(x.get("excess_kurtosis"))[depth - 1];
                v.append(v.length() == 0 ? "" : "; ").append(proseName(x)).append(": variance ")
                        .append(Interpretation.fmt(var)).append(", excess kurtosis ")
                        .append(Double.isNaN(kurt) ? "undefined (every unit dead: zero variance)" : Interpretation.fmt(kurt));
            }
            out.add(String.format(Locale.ROOT, "Width %d, layer %d: %s.", w, depth, v));
            if (widths.size() == 1) {
                break;
            }
        }
        out.add("N(0,1) has variance 1 and excess kurtosis 0: a variance far from 1 at depth means the "
                + "initialization does not preserve the scale (tanh converges to its variance fixed point, ReLU "
                + "networks of small width die or explode), a large kurtosis means heavy tails.");
        return out;
    }

    private static String tableSentence(List<Map<String, Object>> series, String input, int depth) {
        // at the narrowest and widest width: best phi vs best baseline at the last layer
        List<Integer> widths = new ArrayList<>();
        for (Map<String, Object> x : series) {
            int w = (int) Interpretation.num(x.get("width"));
            if (!widths.contains(w)) {
                widths.add(w);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int w : widths) {
            String bestPhi = null;
            double bestPhiKs = Double.POSITIVE_INFINITY;
            String bestBase = null;
            double bestBaseKs = Double.POSITIVE_INFINITY;
            for (Map<String, Object> x : series) {
                if (!input.equals(x.get("input")) || (int) Interpretation.num(x.get("width")) != w) {
                    continue;
                }
                double[] k = Interpretation.doubles(x.get("ks"));
                double m = 0;
                for (double v : k) {
                    m = Math.max(m, Double.isFinite(v) ? v : 1);
                }
                String kind = (String) x.get("kind");
                if (kind.equals("odd") || kind.equals("positive")) {
                    if (m < bestPhiKs) {
                        bestPhiKs = m;
                        bestPhi = proseName(x);
                    }
                } else if (m < bestBaseKs) {
                    bestBaseKs = m;
                    bestBase = proseName(x);
                }
            }
            sb.append(sb.length() == 0 ? "Over all " + depth + " layers, " : "; ");
            sb.append(String.format(Locale.ROOT, "at width %d ", w));
            if (bestPhi != null) {
                sb.append(String.format(Locale.ROOT, "%s keeps the KS to N(0,1) below %s", bestPhi,
                        Interpretation.fmt(bestPhiKs)));
            }
            if (bestBase != null) {
                sb.append(bestPhi != null ? ", " : "").append(String.format(Locale.ROOT,
                        "the best baseline (%s) reaches %s", bestBase, Interpretation.fmt(bestBaseKs)));
            }
        }
        return sb.append('.').toString();
    }

    // ---------------------------------------------------------------- train

    private void train(Map<String, Object> s) {
        List<String> sentences = Interpretation.train(s);
        blocks.add(new Heading(2, "3. Training on Fashion-MNIST"));
        blocks.add(new Para("MLPs trained with DL4J `MultiLayerNetwork.fit` (Adam, softmax cross-entropy); inputs "
                + "standardised and scaled to ||x||²/784 = 1. A DL4J training listener records, every "
                + (int) Interpretation.num(s.get("probe_every")) + " iterations, the pre-activations of every hidden "
                + "layer on a fixed probe batch of " + (int) Interpretation.num(s.get("probe_size")) + " test images, "
                + "and the test accuracy after every epoch."));
        blocks.add(new Image("train/" + TrainResult.CURVES_PNG, "loss and accuracy"));
        blocks.add(new Bullets(sentences.subList(0, Math.min(2, sentences.size()))));
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> r : Interpretation.list(s.get("runs"))) {
            double[] loss = Interpretation.doubles(r.get("train_loss"));
            rows.add(List.of((String) r.get("activation"),
                    String.format(Locale.ROOT, "%.3f", Interpretation.num(r.get("initial_test_accuracy"))),
                    String.format(Locale.ROOT, "%.3f", Interpretation.num(r.get("final_test_accuracy"))),
                    loss.length == 0 ? "" : String.format(Locale.ROOT, "%.4f", loss[loss.length - 1]),
                    String.format(Locale.ROOT, "%.1f", Interpretation.num(r.get("seconds")))));
        }
        blocks.add(new Para("Table 4: test accuracy before and after training, mean training loss of the last "
                + "epoch, training time (`train/" + TrainResult.EPOCHS_CSV + "`)."));
        blocks.add(new Table(List.of("activation", "test accuracy, untrained", "final test accuracy",
                "last-epoch train loss", "seconds"), rows));
        blocks.add(new Image("train/" + TrainResult.KS_PNG, "per-layer KS during training"));
        blocks.add(new Bullets(sentences.subList(Math.min(2, sentences.size()), sentences.size())));
        blocks.add(new Para("Training moves the pre-activations away from N(0,1) mostly by changing their scale: "
                + "compare the top row (KS to N(0,1)) with the bottom row (KS to the normal with the same mean and "
                + "sd)."));
        if (sentences.size() > 1) {
            summary.add(sentences.get(1) + (Boolean.TRUE.equals(s.get("full_data")) ? "" : " (bundled subset)"));
        }
    }

    // ---------------------------------------------------------------- rendering

    String markdown() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Heading) {
                Heading h = (Heading) b;
                sb.append("#".repeat(h.level)).append(' ').append(h.text).append("\n\n");
            } else if (b instanceof Para) {
                sb.append(((Para) b).text).append("\n\n");
            } else if (b instanceof Bullets) {
                for (String i : ((Bullets) b).items) {
                    sb.append("- ").append(i).append('\n');
                }
                sb.append('\n');
            } else if (b instanceof Image) {
                Image im = (Image) b;
                sb.append("![").append(im.alt).append("](").append(im.path).append(")\n\n");
            } else if (b instanceof Table) {
                Table t = (Table) b;
                sb.append("| ").append(String.join(" | ", t.header)).append(" |\n|");
                for (int i = 0; i < t.header.size(); i++) {
                    sb.append(numericColumn(t, i) ? "---:|" : "---|");
                }
                sb.append('\n');
                for (List<String> r : t.rows) {
                    sb.append("| ").append(String.join(" | ", r)).append(" |\n");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static boolean numericColumn(Table t, int column) {
        if (column == 0) {
            return false;
        }
        for (List<String> r : t.rows) {
            String c = r.get(column).replace(" (!)", "").trim();
            if (c.isEmpty()) {
                continue;
            }
            try {
                Double.parseDouble(c);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String inline(String s) {
        return esc(s).replaceAll("`([^`]*)`", "<code>$1</code>");
    }

    String html() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>phitheta "
                + "report</title>\n<style>body{font-family:sans-serif;max-width:1300px;margin:2em auto;line-height:1.45}"
                + "img{max-width:100%;border:1px solid #ddd}table{border-collapse:collapse;margin:1em 0}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child,"
                + "td:nth-child(2){text-align:left}code{background:#f4f4f4}</style></head><body>\n");
        for (Block b : blocks) {
            if (b instanceof Heading) {
                Heading h = (Heading) b;
                sb.append("<h").append(h.level).append('>').append(inline(h.text)).append("</h").append(h.level)
                        .append(">\n");
            } else if (b instanceof Para) {
                sb.append("<p>").append(inline(((Para) b).text)).append("</p>\n");
            } else if (b instanceof Bullets) {
                sb.append("<ul>\n");
                for (String i : ((Bullets) b).items) {
                    sb.append("<li>").append(inline(i)).append("</li>\n");
                }
                sb.append("</ul>\n");
            } else if (b instanceof Image) {
                Image im = (Image) b;
                sb.append("<p><img src=\"").append(esc(im.path)).append("\" alt=\"").append(esc(im.alt))
                        .append("\"></p>\n");
            } else if (b instanceof Table) {
                Table t = (Table) b;
                sb.append("<table><tr>");
                for (String h : t.header) {
                    sb.append("<th>").append(inline(h)).append("</th>");
                }
                sb.append("</tr>\n");
                for (List<String> r : t.rows) {
                    sb.append("<tr>");
                    for (String c : r) {
                        sb.append("<td>").append(inline(c)).append("</td>");
                    }
                    sb.append("</tr>\n");
                }
                sb.append("</table>\n");
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    /** The readable name of a series, as in the other sentences: "positive phi_theta (theta=3)", "SELU". */
    private static String proseName(Map<String, Object> series) {
        return series.get("kind") != null ? Interpretation.actName(series) : String.valueOf(series.get("activation"));
    }
}
