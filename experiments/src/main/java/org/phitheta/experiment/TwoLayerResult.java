package org.phitheta.experiment;

import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The KS table of a {@link TwoLayerStudy}, its CSV files, its comparison with the published table and its figure. */
public final class TwoLayerResult {

    /** One row: a configuration and an activation, KS for n = 1..N. */
    public static final class Row {
        final TwoLayerConfig config;
        final ActivationSpec activation;
        final double[] ks;

        Row(TwoLayerConfig config, ActivationSpec activation, double[] ks) {
            this.config = config;
            this.activation = activation;
            this.ks = ks;
        }

        public TwoLayerConfig config() {
            return config;
        }

        public ActivationSpec activation() {
            return activation;
        }

        /** @return KS for n = 1..N (index n - 1) */
        public double[] ks() {
            return ks.clone();
        }
    }

    /** One row of the comparison with the published table. */
    public static final class Comparison {
        final String config;
        final String activation;
        final double maxAbsDiff;
        final double meanAbsDiff;
        final int nAtMax;
        final double meanDiff;

        Comparison(String config, String activation, double maxAbsDiff, double meanAbsDiff, int nAtMax, double meanDiff) {
            this.config = config;
            this.activation = activation;
            this.maxAbsDiff = maxAbsDiff;
            this.meanAbsDiff = meanAbsDiff;
            this.nAtMax = nAtMax;
            this.meanDiff = meanDiff;
        }

        public String config() {
            return config;
        }

        public String activation() {
            return activation;
        }

        public double maxAbsDiff() {
            return maxAbsDiff;
        }

        public double meanAbsDiff() {
            return meanAbsDiff;
        }

        public int nAtMax() {
            return nAtMax;
        }

        /** @return mean of (ours - published): a systematic offset shows here */
        public double meanDiff() {
            return meanDiff;
        }
    }

    private final TwoLayerStudy.Settings settings;
    private final List<Row> rows;
    private final double seconds;

    TwoLayerResult(TwoLayerStudy.Settings settings, List<Row> rows, double seconds) {
        this.settings = settings;
        this.rows = List.copyOf(rows);
        this.seconds = seconds;
    }

    public List<Row> rows() {
        return rows;
    }

    /** @return wall-clock seconds of the computation */
    public double seconds() {
        return seconds;
    }

    public TwoLayerStudy.Settings settings() {
        return settings;
    }

    /**
     * @param config     configuration
     * @param activation activation label
     * @return the row, or null
     */
    public Row row(TwoLayerConfig config, String activation) {
        for (Row r : rows) {
            if (r.config == config && r.activation.label().equals(activation)) {
                return r;
            }
        }
        return null;
    }

    /**
     * Monte-Carlo standard deviation bound of one KS estimate from N draws: sd &le; 1/(2 sqrt N) (the empirical CDF
     * at a fixed point has variance F(1-F)/N &le; 1/(4N)).
     *
     * @param draws N
     * @return the bound
     */
    public static double noiseSd(long draws) {
        return 0.5 / Math.sqrt(draws);
    }

    /**
     * Tolerance for |ours - published| of one value: 4 standard deviations of the difference of two independent
     * estimates (ours with our draws, published with 200,000).
     *
     * @param draws our draws
     * @return the tolerance
     */
    public static double comparisonTolerance(long draws) {
        double a = noiseSd(draws);
        double b = noiseSd(200_000);
        return 4 * Math.sqrt(a * a + b * b);
    }

    /** @return the table in exactly the layout of the published CSV (5 decimals) */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("layers", "activation"));
        for (int n = 1; n <= settings.maxN; n++) {
            header.add("n=" + n);
        }
        sb.append(Csv.line(header)).append('\n');
        for (Row r : rows) {
            List<String> f = new ArrayList<>(List.of(r.config.label(), r.activation.label()));
            for (double v : r.ks) {
                f.add(Csv.f5(v));
            }
            sb.append(Csv.line(f)).append('\n');
        }
        return sb.toString();
    }

    /**
     * @param published the published table
     * @return one comparison per row that the published table also has
     */
    public List<Comparison> compare(PublishedTwoLayer published) {
        List<Comparison> out = new ArrayList<>();
        for (Row r : rows) {
            double[] p = published.row(r.config.label(), r.activation.label());
            if (p == null) {
                continue;
            }
            int m = Math.min(p.length, r.ks.length);
            double max = -1;
            double sumAbs = 0;
            double sum = 0;
            int at = 0;
            for (int i = 0; i < m; i++) {
                double d = r.ks[i] - p[i];
                sum += d;
                sumAbs += Math.abs(d);
                if (Math.abs(d) > max) {
                    max = Math.abs(d);
                    at = i + 1;
                }
            }
            out.add(new Comparison(r.config.label(), r.activation.label(), max, sumAbs / m, at, sum / m));
        }
        return out;
    }

    /**
     * @param comparisons from {@link #compare}
     * @return the comparison CSV: layers,activation,max_abs_diff,mean_abs_diff,mean_diff,n_at_max,within_noise
     */
    public String comparisonCsv(List<Comparison> comparisons) {
        double tol = comparisonTolerance(settings.draws);
        StringBuilder sb = new StringBuilder("layers,activation,max_abs_diff,mean_abs_diff,mean_diff,n_at_max,within_noise\n");
        for (Comparison c : comparisons) {
            sb.append(Csv.line(List.of(c.config, c.activation, Csv.f5(c.maxAbsDiff), Csv.f5(c.meanAbsDiff),
                    Csv.f5(c.meanDiff), Integer.toString(c.nAtMax), Boolean.toString(c.maxAbsDiff <= tol)))).append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes the figure: one panel per configuration (rows) and phi_theta variant (columns), KS against n on a log
     * axis, one line per theta, baselines in every panel, published curves dashed in the same colour.
     *
     * @param target    PNG file
     * @param published the published table (dashed curves), or null
     * @param subtitle  extra words for the overall title (e.g. catalog and draws)
     */
    public void writeChart(Path target, PublishedTwoLayer published, String subtitle) {
        List<JFreeChart> panels = new ArrayList<>();
        List<ActivationSpec.Kind> variants = new ArrayList<>();
        for (ActivationSpec.Kind k : new ActivationSpec.Kind[]{ActivationSpec.Kind.ODD, ActivationSpec.Kind.POSITIVE}) {
            if (rows.stream().anyMatch(r -> r.activation.kind() == k)) {
                variants.add(k);
            }
        }
        if (variants.isEmpty()) {
            variants.add(null);
        }
        double[] x = new double[settings.maxN];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        for (TwoLayerConfig config : TwoLayerConfig.values()) {
            for (ActivationSpec.Kind variant : variants) {
                String title = String.format(Locale.ROOT, "[n0, n1] = [%s, %s]%s", config.n0(-1) == 1 ? "1" : "n",
                        config.n1(-1) == 2 ? "2" : "n", variant == null ? "" : ", φθ " + variant.label());
                Charts.LineChart chart = Charts.line(title, "n", "KS distance to N(0,1)", true).integerX()
                        .xRange(0.7, settings.maxN + 0.3).yRange(5e-4, 0.6);
                List<Row> phi = new ArrayList<>();
                for (Row r : rows) {
                    if (r.config == config && r.activation.kind() == variant) {
                        phi.add(r);
                    }
                }
                for (int i = 0; i < phi.size(); i++) {
                    Row r = phi.get(i);
                    Color c = Charts.ordered(i, phi.size());
                    chart.series("θ=" + ActivationSpec.trim(r.activation.theta()), x, r.ks, c, false, true, true);
                    addPublished(chart, published, r, x, c);
                }
                for (Row r : rows) {
                    if (r.config == config && !r.activation.kind().isPhiTheta()) {
                        Color c = baselineColor(r.activation.kind());
                        chart.series(r.activation.kind().label(), x, r.ks, c, false, true, true);
                        addPublished(chart, published, r, x, c);
                    }
                }
                chart.hline("MC floor", 1, settings.maxN, 0.87 / Math.sqrt(settings.draws));
                panels.add(chart.chart());
            }
        }
        String title = "Two-layer networks, x = 1: KS distance of the output pre-activation to N(0,1)\n"
                + "solid: this run" + (subtitle == null ? "" : " (" + subtitle + ")")
                + (published != null ? ";  dashed: published (Wolinski & Arbel)" : "")
                + ";  dotted: Monte-Carlo floor 0.87/√N";
        Charts.saveGrid(panels, variants.size(), 620, 460, title, target);
    }

    private static void addPublished(Charts.LineChart chart, PublishedTwoLayer published, Row r, double[] x, Color c) {
        if (published == null) {
            return;
        }
        double[] p = published.row(r.config.label(), r.activation.label());
        if (p != null) {
            double[] px = new double[Math.min(p.length, x.length)];
            double[] py = new double[px.length];
            for (int i = 0; i < px.length; i++) {
                px[i] = x[i];
                py[i] = p[i];
            }
            chart.series("published " + r.activation.label(), px, py, c, true, false, false);
        }
    }

    static Color baselineColor(ActivationSpec.Kind kind) {
        switch (kind) {
            case RELU:
                return Charts.RELU;
            case TANH:
                return Charts.TANH;
            default:
                return Charts.SELU;
        }
    }

    /** @return summary numbers for the manifest and the report */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("draws", settings.draws);
        m.put("max_n", settings.maxN);
        m.put("seed", settings.seed);
        m.put("seconds", seconds);
        return m;
    }
}
