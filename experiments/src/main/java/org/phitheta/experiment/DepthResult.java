package org.phitheta.experiment;

import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Results of a {@link DepthStudy}: per-layer statistics, QQ quantiles, CSV files, figures and a summary. */
public final class DepthResult {

    /** Statistics of one layer. */
    public static final class Row {
        final String input;
        final int width;
        final int draws;
        final ActivationSpec activation;
        final int layer;
        final LayerStats stats;

        Row(String input, int width, int draws, ActivationSpec activation, int layer, LayerStats stats) {
            this.input = input;
            this.width = width;
            this.draws = draws;
            this.activation = activation;
            this.layer = layer;
            this.stats = stats;
        }

        public String input() {
            return input;
        }

        public int width() {
            return width;
        }

        public int draws() {
            return draws;
        }

        public ActivationSpec activation() {
            return activation;
        }

        public int layer() {
            return layer;
        }

        public LayerStats stats() {
            return stats;
        }
    }

    /** Sample quantiles of one layer at probabilities (i + 1/2) / QQ_POINTS. */
    public static final class Qq {
        final String input;
        final int width;
        final ActivationSpec activation;
        final int layer;
        final double[] quantiles;

        Qq(String input, int width, ActivationSpec activation, int layer, double[] quantiles) {
            this.input = input;
            this.width = width;
            this.activation = activation;
            this.layer = layer;
            this.quantiles = quantiles;
        }
    }

    /** Per-layer statistics. */
    public static final String CSV = "depth_stats.csv";
    /** QQ quantiles. */
    public static final String QQ_CSV = "depth_qq.csv";
    /** KS to N(0,1) against layer. */
    public static final String KS_PNG = "depth_ks.png";
    /** KS to the fitted normal against layer. */
    public static final String KS_FITTED_PNG = "depth_ks_fitted.png";
    /** Variance and excess kurtosis against layer. */
    public static final String MOMENTS_PNG = "depth_moments.png";
    /** QQ plots. */
    public static final String QQ_PNG = "depth_qq.png";
    /** Summary. */
    public static final String JSON = "depth.json";
    /** CSV header of {@link #CSV}. */
    public static final String HEADER = "input,width,activation,layer,draws,samples,ks,ks_fitted,mean,variance,"
            + "skewness,excess_kurtosis";

    private final DepthStudy.Settings settings;
    private final List<Row> rows;
    private final List<Qq> qqs;
    private final double seconds;

    DepthResult(DepthStudy.Settings settings, List<Row> rows, List<Qq> qqs, double seconds) {
        this.settings = settings;
        this.rows = List.copyOf(rows);
        this.qqs = List.copyOf(qqs);
        this.seconds = seconds;
    }

    public List<Row> rows() {
        return rows;
    }

    public double seconds() {
        return seconds;
    }

    /**
     * @param input      input name
     * @param width      width
     * @param activation activation label
     * @param layer      layer, 1-based
     * @return the row, or null
     */
    public Row row(String input, int width, String activation, int layer) {
        for (Row r : rows) {
            if (r.input.equals(input) && r.width == width && r.activation.label().equals(activation) && r.layer == layer) {
                return r;
            }
        }
        return null;
    }

    private List<String> inputs() {
        List<String> in = new ArrayList<>();
        for (Row r : rows) {
            if (!in.contains(r.input)) {
                in.add(r.input);
            }
        }
        return in;
    }

    /** @return the statistics CSV */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            LayerStats s = r.stats;
            sb.append(Csv.line(List.of(r.input, Integer.toString(r.width), r.activation.label(),
                    Integer.toString(r.layer), Integer.toString(r.draws), Long.toString(s.count), Csv.g6(s.ks),
                    Csv.g6(s.ksFitted), Csv.g6(s.mean), Csv.g6(s.variance), Csv.g6(s.skewness),
                    Csv.g6(s.excessKurtosis)))).append('\n');
        }
        return sb.toString();
    }

    /** @return the QQ CSV: input,width,activation,layer,p,normal_quantile,sample_quantile */
    public String qqCsv() {
        org.apache.commons.math3.distribution.NormalDistribution normal =
                new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
        StringBuilder sb = new StringBuilder("input,width,activation,layer,p,normal_quantile,sample_quantile\n");
        for (Qq q : qqs) {
            for (int i = 0; i < q.quantiles.length; i++) {
                double p = (i + 0.5) / q.quantiles.length;
                sb.append(Csv.line(List.of(q.input, Integer.toString(q.width), q.activation.label(),
                        Integer.toString(q.layer), Csv.g6(p), Csv.g6(normal.inverseCumulativeProbability(p)),
                        Csv.g6(q.quantiles[i])))).append('\n');
            }
        }
        return sb.toString();
    }

    private double[] series(String input, int width, ActivationSpec a, ToDoubleFunction<LayerStats> f) {
        double[] y = new double[settings.depth];
        java.util.Arrays.fill(y, Double.NaN);
        for (Row r : rows) {
            if (r.input.equals(input) && r.width == width && r.activation.label().equals(a.label())) {
                y[r.layer - 1] = f.applyAsDouble(r.stats);
            }
        }
        return y;
    }

    private double[] layers() {
        double[] x = new double[settings.depth];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    private void perWidthChart(Path target, String title, String yLabel, boolean logY, double lo, double hi,
                               ToDoubleFunction<LayerStats> f, boolean floor) {
        List<JFreeChart> panels = new ArrayList<>();
        List<String> inputs = inputs();
        double[] x = layers();
        for (int w : settings.widths) {
            int draws = settings.draws(w);
            String t = String.format(Locale.ROOT, "width %d  (%,d draws x %d units)", w, draws, w);
            Charts.LineChart chart = Charts.line(t, "layer", yLabel, logY).xRange(0.5, settings.depth + 0.5);
            if (settings.depth <= 12) {
                chart.integerX();
            }
            if (lo < hi) {
                chart.yRange(lo, hi);
            }
            for (int k = 0; k < inputs.size(); k++) {
                for (ActivationSpec a : settings.activations) {
                    Color c = Charts.of(a, settings.activations);
                    chart.series(a.shortName() + (k == 0 ? "" : " (" + inputs.get(k) + ")"), x,
                            series(inputs.get(k), w, a, f), c, k > 0, settings.depth <= 12, k == 0);
                }
            }
            if (floor) {
                chart.hline("0.87/√(draws·width)", 1, settings.depth, 0.87 / Math.sqrt((double) draws * w));
            }
            panels.add(chart.chart());
        }
        String sub = inputs.size() > 1 ? "solid: input " + inputs.get(0) + ", dashed: input " + inputs.get(1)
                : "input: " + inputs.get(0);
        Charts.saveGrid(panels, Math.min(2, panels.size()), 640, 480, title + "\n" + sub
                + ";  samples pooled over units and independent weight draws;  dotted: Monte-Carlo floor for "
                + "independent samples (exact at layer 1)", target);
    }

    private void momentsChart(Path target) {
        List<JFreeChart> panels = new ArrayList<>();
        String input = inputs().get(0);
        double[] x = layers();
        for (int w : settings.widths) {
            Charts.LineChart v = Charts.line("width " + w + ": variance", "layer", "variance of z", true)
                    .xRange(0.5, settings.depth + 0.5).yRange(0.05, 20);
            Charts.LineChart k = Charts.line("width " + w + ": excess kurtosis (axis clipped to [-2, 10])", "layer",
                    "excess kurtosis of z", false).xRange(0.5, settings.depth + 0.5).yRange(-2, 10);
            for (ActivationSpec a : settings.activations) {
                Color c = Charts.of(a, settings.activations);
                v.series(a.shortName(), x, series(input, w, a, LayerStats::variance), c, false, false, true);
                k.series(a.shortName(), x, series(input, w, a, LayerStats::excessKurtosis), c, false, false, true);
            }
            panels.add(v.chart());
            panels.add(k.chart());
        }
        Charts.saveGrid(panels, 2, 600, 420, "Deep networks at initialization: variance and excess kurtosis of the "
                + "pre-activations\ninput: " + input + ";  N(0,1) has variance 1 and excess kurtosis 0", target);
    }

    private void qqChart(Path target) {
        if (qqs.isEmpty()) {
            return;
        }
        org.apache.commons.math3.distribution.NormalDistribution normal =
                new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
        String input = inputs().get(0);
        List<JFreeChart> panels = new ArrayList<>();
        double[] nq = new double[DepthStudy.QQ_POINTS];
        for (int i = 0; i < nq.length; i++) {
            nq[i] = normal.inverseCumulativeProbability((i + 0.5) / nq.length);
        }
        for (int w : settings.widths) {
            for (int layer : settings.qqLayers) {
                Charts.LineChart chart = Charts.line("width " + w + ", layer " + layer, "N(0,1) quantile",
                        "sample quantile", false).xRange(-3.2, 3.2).yRange(-5, 5);
                chart.series("y = x", new double[]{-3.2, 3.2}, new double[]{-3.2, 3.2}, Color.GRAY, true, false, true);
                for (Qq q : qqs) {
                    if (q.input.equals(input) && q.width == w && q.layer == layer) {
                        chart.series(q.activation.shortName(), nq, q.quantiles, Charts.of(q.activation,
                                settings.activations), false, false, true);
                    }
                }
                panels.add(chart.chart());
            }
        }
        Charts.saveGrid(panels, settings.qqLayers.size(), 440, 420, "QQ plots of the pre-activations against N(0,1)"
                + "\ninput: " + input + ";  points on y = x mean an N(0,1) law; a slope != 1 is a wrong variance, "
                + "curved tails are heavy or light tails", target);
    }

    /**
     * Writes every file into a directory.
     *
     * @param dir output directory
     * @return the summary written to {@link #JSON}
     */
    public Map<String, Object> write(Path dir) {
        AtomicFiles.writeString(dir.resolve(CSV), toCsv());
        AtomicFiles.writeString(dir.resolve(QQ_CSV), qqCsv());
        perWidthChart(dir.resolve(KS_PNG), "Deep networks at initialization: KS distance of the pre-activations to "
                + "N(0,1)", "KS distance to N(0,1)", true, 1e-3, 1.0, LayerStats::ks, true);
        perWidthChart(dir.resolve(KS_FITTED_PNG), "Deep networks at initialization: KS distance to the fitted normal "
                + "(shape only)", "KS to N(mean, sd²) of the sample", true, 1e-3, 1.0, LayerStats::ksFitted, true);
        momentsChart(dir.resolve(MOMENTS_PNG));
        List<String> files = new ArrayList<>(List.of(CSV, QQ_CSV, KS_PNG, KS_FITTED_PNG, MOMENTS_PNG));
        if (!qqs.isEmpty()) {
            qqChart(dir.resolve(QQ_PNG));
            files.add(QQ_PNG);
        }
        Map<String, Object> summary = summary();
        summary.put("files", files);
        Json.write(dir.resolve(JSON), summary);
        return summary;
    }

    /** @return the summary: settings, and per (input, width, activation) the per-layer series */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("part", "depth");
        m.put("depth", settings.depth);
        m.put("widths", settings.widths);
        m.put("samples_per_layer", settings.samplesPerLayer);
        m.put("seed", settings.seed);
        m.put("seconds", seconds);
        m.put("qq_layers", settings.qqLayers);
        List<Map<String, Object>> series = new ArrayList<>();
        for (String input : inputs()) {
            for (int w : settings.widths) {
                for (ActivationSpec a : settings.activations) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("input", input);
                    s.put("width", w);
                    s.put("draws", settings.draws(w));
                    s.put("activation", a.label());
                    s.put("kind", a.kind().label());
                    s.put("theta", a.kind().isPhiTheta() ? a.theta() : null);
                    s.put("ks", toList(series(input, w, a, LayerStats::ks)));
                    s.put("ks_fitted", toList(series(input, w, a, LayerStats::ksFitted)));
                    s.put("mean", toList(series(input, w, a, LayerStats::mean)));
                    s.put("variance", toList(series(input, w, a, LayerStats::variance)));
                    s.put("excess_kurtosis", toList(series(input, w, a, LayerStats::excessKurtosis)));
                    series.add(s);
                }
            }
        }
        m.put("series", series);
        return m;
    }

    private static List<Double> toList(double[] v) {
        List<Double> l = new ArrayList<>(v.length);
        for (double d : v) {
            l.add(Double.isFinite(d) ? d : null);
        }
        return l;
    }
}
