package org.phitheta.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs a {@link TwoLayerStudy} and writes its files into a directory. */
public final class TwoLayerExperiment {

    /** KS table in the published layout. */
    public static final String CSV = "two_layer_ks.csv";
    /** Row-by-row comparison with the published table. */
    public static final String COMPARISON_CSV = "two_layer_vs_published.csv";
    /** Figure. */
    public static final String PNG = "two_layer_ks.png";
    /** Summary for the report. */
    public static final String JSON = "two_layer.json";

    private TwoLayerExperiment() {
    }

    /**
     * @param settings study settings
     * @param catalog  which phi_theta parameters (recorded in the summary)
     * @param dir      output directory
     * @return the summary written to {@link #JSON}
     */
    public static Map<String, Object> run(TwoLayerStudy.Settings settings, CatalogChoice catalog, Path dir) {
        TwoLayerResult result = new TwoLayerStudy(settings).run();
        return write(result, catalog, dir);
    }

    static Map<String, Object> write(TwoLayerResult result, CatalogChoice catalog, Path dir) {
        PublishedTwoLayer published = PublishedTwoLayer.load();
        List<TwoLayerResult.Comparison> comparisons = result.compare(published);
        AtomicFiles.writeString(dir.resolve(CSV), result.toCsv());
        AtomicFiles.writeString(dir.resolve(COMPARISON_CSV), result.comparisonCsv(comparisons));
        result.writeChart(dir.resolve(PNG), published, String.format(Locale.ROOT, "catalog %s, %,d draws",
                catalog.name(), result.settings().draws()));

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("part", "two-layer");
        summary.put("catalog", catalog.name());
        summary.putAll(result.summary());
        summary.put("noise_sd", TwoLayerResult.noiseSd(result.settings().draws()));
        double tol = TwoLayerResult.comparisonTolerance(result.settings().draws());
        summary.put("comparison_tolerance", tol);
        double worst = 0;
        String worstRow = "";
        int outside = 0;
        for (TwoLayerResult.Comparison c : comparisons) {
            if (c.maxAbsDiff() > worst) {
                worst = c.maxAbsDiff();
                worstRow = c.config() + " " + c.activation() + " n=" + c.nAtMax();
            }
            if (c.maxAbsDiff() > tol) {
                outside++;
            }
        }
        summary.put("compared_rows", comparisons.size());
        summary.put("max_abs_diff", worst);
        summary.put("max_abs_diff_at", worstRow);
        summary.put("rows_outside_tolerance", outside);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TwoLayerResult.Row r : result.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layers", r.config().label());
            m.put("activation", r.activation().label());
            m.put("kind", r.activation().kind().label());
            m.put("theta", r.activation().kind().isPhiTheta() ? r.activation().theta() : null);
            m.put("provenance", r.activation().provenance());
            List<Double> ks = new ArrayList<>();
            for (double v : r.ks()) {
                ks.add(v);
            }
            m.put("ks", ks);
            rows.add(m);
        }
        summary.put("rows", rows);
        List<Map<String, Object>> comp = new ArrayList<>();
        for (TwoLayerResult.Comparison c : comparisons) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layers", c.config());
            m.put("activation", c.activation());
            m.put("max_abs_diff", c.maxAbsDiff());
            m.put("mean_abs_diff", c.meanAbsDiff());
            m.put("mean_diff", c.meanDiff());
            m.put("n_at_max", c.nAtMax());
            comp.add(m);
        }
        summary.put("comparison", comp);
        summary.put("files", List.of(CSV, COMPARISON_CSV, PNG));
        Json.write(dir.resolve(JSON), summary);
        return summary;
    }
}
