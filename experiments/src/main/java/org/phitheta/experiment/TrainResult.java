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

/** Files, figures and summary of a {@link TrainStudy}. */
public final class TrainResult {

    /** Per-probe, per-layer statistics. */
    public static final String STATS_CSV = "train_stats.csv";
    /** Per-epoch loss and accuracy. */
    public static final String EPOCHS_CSV = "train_epochs.csv";
    /** Per-iteration minibatch loss. */
    public static final String LOSS_CSV = "train_loss.csv";
    /** Per-layer KS over training. */
    public static final String KS_PNG = "train_ks.png";
    /** Loss and accuracy curves. */
    public static final String CURVES_PNG = "train_curves.png";
    /** Summary. */
    public static final String JSON = "train.json";
    /** Header of {@link #STATS_CSV}. */
    public static final String STATS_HEADER = "activation,iteration,epoch,layer,samples,mean,sd,skewness,"
            + "excess_kurtosis,ks,ks_fitted";
    /** Header of {@link #EPOCHS_CSV}. */
    public static final String EPOCHS_HEADER = "activation,epoch,iterations,train_loss,test_accuracy,seconds";

    private final TrainStudy.Settings settings;
    private final List<TrainStudy.Run> runs;
    private final String dataDescription;
    private final double seconds;

    /**
     * @param settings        settings
     * @param runs            one record per activation
     * @param dataDescription where the data came from
     * @param seconds         wall-clock seconds
     */
    public TrainResult(TrainStudy.Settings settings, List<TrainStudy.Run> runs, String dataDescription, double seconds) {
        this.settings = settings;
        this.runs = List.copyOf(runs);
        this.dataDescription = dataDescription;
        this.seconds = seconds;
    }

    public List<TrainStudy.Run> runs() {
        return runs;
    }

    String statsCsv() {
        StringBuilder sb = new StringBuilder(STATS_HEADER).append('\n');
        for (TrainStudy.Run r : runs) {
            for (TrainStudy.Probe p : r.probes) {
                LayerStats s = p.stats;
                sb.append(Csv.line(List.of(r.activation.label(), Integer.toString(p.iteration),
                        Integer.toString(p.epoch), Integer.toString(p.layer), Long.toString(s.count), Csv.g6(s.mean),
                        Csv.g6(Math.sqrt(s.variance)), Csv.g6(s.skewness), Csv.g6(s.excessKurtosis), Csv.g6(s.ks),
                        Csv.g6(s.ksFitted)))).append('\n');
            }
        }
        return sb.toString();
    }

    String epochsCsv() {
        StringBuilder sb = new StringBuilder(EPOCHS_HEADER).append('\n');
        for (TrainStudy.Run r : runs) {
            sb.append(Csv.line(List.of(r.activation.label(), "0", "0", "NaN", Csv.g6(r.initialTestAccuracy), "0")))
                    .append('\n');
            for (TrainStudy.Epoch e : r.epochs) {
                sb.append(Csv.line(List.of(r.activation.label(), Integer.toString(e.epoch),
                        Integer.toString(e.iterations), Csv.g6(e.trainLoss), Csv.g6(e.testAccuracy),
                        String.format(Locale.ROOT, "%.2f", e.seconds)))).append('\n');
            }
        }
        return sb.toString();
    }

    String lossCsv() {
        StringBuilder sb = new StringBuilder("activation,iteration,loss\n");
        for (TrainStudy.Run r : runs) {
            for (double[] l : r.losses) {
                sb.append(r.activation.label()).append(',').append((int) l[0]).append(',').append(Csv.g6(l[1]))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static double[][] probeSeries(TrainStudy.Run r, int layer, ToDoubleFunction<LayerStats> f) {
        List<double[]> pts = new ArrayList<>();
        for (TrainStudy.Probe p : r.probes) {
            if (p.layer == layer) {
                pts.add(new double[]{p.iteration, f.applyAsDouble(p.stats)});
            }
        }
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xy[0][i] = pts.get(i)[0];
            xy[1][i] = pts.get(i)[1];
        }
        return xy;
    }

    private void ksChart(Path target) {
        List<JFreeChart> panels = new ArrayList<>();
        int layers = settings.hidden.size();
        List<ActivationSpec> specs = settings.activations;
        for (int row = 0; row < 2; row++) {
            for (int l = 1; l <= layers; l++) {
                String title = String.format(Locale.ROOT, "hidden layer %d (width %d): %s", l,
                        settings.hidden.get(l - 1), row == 0 ? "KS to N(0,1)" : "KS to fitted normal");
                Charts.LineChart c = Charts.line(title, "iteration", row == 0 ? "KS distance to N(0,1)"
                        : "KS to N(mean, sd²)", true).yRange(1e-3, 1.0);
                for (TrainStudy.Run r : runs) {
                    double[][] xy = probeSeries(r, l, row == 0 ? LayerStats::ks : LayerStats::ksFitted);
                    c.series(r.activation.shortName(), xy[0], xy[1], Charts.of(r.activation, specs), false,
                            xy[0].length <= 30, true);
                }
                panels.add(c.chart());
            }
        }
        Charts.saveGrid(panels, layers, Math.max(420, 1500 / layers), 430, "Pre-activations of a fixed probe "
                + "batch during training (Fashion-MNIST)\n" + dataDescription + ";  top: KS to N(0,1); bottom: KS to "
                + "the normal with the sample's mean and sd (shape only)", target);
    }

    private void curvesChart(Path target) {
        List<ActivationSpec> specs = settings.activations;
        // a window of about 1% of the run (at least 20 iterations) smooths mini-batch noise without hiding trends;
        // the y axis starts after the first 2% of iterations: the initial drop from ~2.3 would squeeze the curves
        int longest = runs.stream().mapToInt(r -> r.losses.size()).max().orElse(0);
        int window = Math.max(20, longest / 100);
        Charts.LineChart loss = Charts.line("training loss (moving average over " + window + " iterations)",
                "iteration", "cross-entropy (axis fitted after 2% of training)", false);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        Charts.LineChart acc = Charts.line("test accuracy after each epoch (chance: 0.1)", "epoch", "accuracy",
                false).integerX().xRange(0.8, settings.epochs + 0.2);
        for (TrainStudy.Run r : runs) {
            Color c = Charts.of(r.activation, specs);
            int n = r.losses.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += r.losses.get(i)[1];
                if (i >= window) {
                    sum -= r.losses.get(i - window)[1];
                }
                x[i] = r.losses.get(i)[0];
                y[i] = sum / Math.min(i + 1, window);
                if (i >= n / 50 && Double.isFinite(y[i])) {
                    lo = Math.min(lo, y[i]);
                    hi = Math.max(hi, y[i]);
                }
            }
            loss.series(r.activation.shortName(), x, y, c, false, false, true);
            double[] ex = new double[r.epochs.size()];
            double[] ey = new double[ex.length];
            for (int i = 0; i < r.epochs.size(); i++) {
                ex[i] = r.epochs.get(i).epoch;
                ey[i] = r.epochs.get(i).testAccuracy;
            }
            acc.series(r.activation.shortName(), ex, ey, c, false, true, true);
        }
        if (hi > lo) {
            double pad = 0.05 * (hi - lo);
            loss.yRange(Math.max(0, lo - pad), hi + pad);
        }
        Charts.saveGrid(List.of(loss.chart(), acc.chart()), 2, 640, 460, "Training on Fashion-MNIST: loss and "
                + "test accuracy\n" + dataDescription, target);
    }

    /**
     * @param dir output directory
     * @return the summary written to {@link #JSON}
     */
    public Map<String, Object> write(Path dir) {
        AtomicFiles.writeString(dir.resolve(STATS_CSV), statsCsv());
        AtomicFiles.writeString(dir.resolve(EPOCHS_CSV), epochsCsv());
        AtomicFiles.writeString(dir.resolve(LOSS_CSV), lossCsv());
        ksChart(dir.resolve(KS_PNG));
        curvesChart(dir.resolve(CURVES_PNG));
        Map<String, Object> m = summary();
        m.put("files", List.of(STATS_CSV, EPOCHS_CSV, LOSS_CSV, KS_PNG, CURVES_PNG));
        Json.write(dir.resolve(JSON), m);
        return m;
    }

    /** @return the summary */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("part", "train");
        m.put("data", dataDescription);
        m.put("full_data", settings.data.isFull());
        m.put("hidden", settings.hidden);
        m.put("epochs", settings.epochs);
        m.put("batch_size", settings.batchSize);
        m.put("learning_rate", settings.learningRate);
        m.put("probe_every", settings.probeEvery);
        m.put("probe_size", settings.probeSize);
        m.put("seed", settings.seed);
        m.put("seconds", seconds);
        List<Map<String, Object>> rs = new ArrayList<>();
        for (TrainStudy.Run r : runs) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("activation", r.activation.label());
            x.put("kind", r.activation.kind().label());
            x.put("theta", r.activation.kind().isPhiTheta() ? r.activation.theta() : null);
            x.put("seconds", r.seconds);
            x.put("initial_test_accuracy", r.initialTestAccuracy);
            x.put("final_test_accuracy", r.finalTestAccuracy());
            List<Double> acc = new ArrayList<>();
            List<Double> loss = new ArrayList<>();
            for (TrainStudy.Epoch e : r.epochs) {
                acc.add(e.testAccuracy);
                loss.add(e.trainLoss);
            }
            x.put("test_accuracy", acc);
            x.put("train_loss", loss);
            List<Map<String, Object>> layers = new ArrayList<>();
            for (int l = 1; l <= settings.hidden.size(); l++) {
                Map<String, Object> lm = new LinkedHashMap<>();
                TrainStudy.Probe first = null;
                TrainStudy.Probe last = null;
                double maxKs = 0;
                for (TrainStudy.Probe p : r.probes) {
                    if (p.layer == l) {
                        if (first == null) {
                            first = p;
                        }
                        last = p;
                        maxKs = Math.max(maxKs, p.stats.ks);
                    }
                }
                lm.put("layer", l);
                lm.put("ks_initial", first.stats.ks);
                lm.put("ks_final", last.stats.ks);
                lm.put("ks_max", maxKs);
                lm.put("ks_fitted_initial", first.stats.ksFitted);
                lm.put("ks_fitted_final", last.stats.ksFitted);
                lm.put("sd_initial", Math.sqrt(first.stats.variance));
                lm.put("sd_final", Math.sqrt(last.stats.variance));
                lm.put("mean_final", last.stats.mean);
                lm.put("excess_kurtosis_final", last.stats.excessKurtosis);
                lm.put("samples", last.stats.count);
                layers.add(lm);
            }
            x.put("layers", layers);
            rs.add(x);
        }
        m.put("runs", rs);
        return m;
    }
}
