package org.phitheta.cli;

import org.phitheta.datasets.FashionMnist;
import org.phitheta.experiment.ActivationSpec;
import org.phitheta.experiment.CatalogChoice;
import org.phitheta.experiment.Data;
import org.phitheta.experiment.DepthExperiment;
import org.phitheta.experiment.DepthResult;
import org.phitheta.experiment.DepthStudy;
import org.phitheta.experiment.Report;
import org.phitheta.experiment.RunSuite;
import org.phitheta.experiment.TrainExperiment;
import org.phitheta.experiment.TrainResult;
import org.phitheta.experiment.TrainStudy;
import org.phitheta.experiment.TwoLayerExperiment;
import org.phitheta.experiment.TwoLayerStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** The main job: the default suite and its report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the default suite (two-layer study, deep networks at initialization, a short training on "
                + "Fashion-MNIST) into one directory with a report (report.md, report.html).",
                "Re-running with the same settings reuses finished parts (manifest.json); --quick is a one-minute "
                        + "smoke test."})
final class RunCommand implements Callable<Integer> {

    static final List<String> ALL_PARTS = List.of("two-layer", "depth", "train");

    @Mixin
    ExperimentOptions options;
    @Mixin
    CommonOptions common;

    @Option(names = "--quick", description = "Small settings for a smoke test (about a minute).")
    boolean quick;

    @Option(names = "--draws", description = "Two-layer study: weight draws per cell (default: 200000; --quick: "
            + "20000).")
    Long draws;

    @Option(names = "--samples", description = "Depth study: pooled pre-activations per layer (default: 40000; "
            + "--quick: 4000).")
    Long samples;

    @Option(names = "--epochs", description = "Training epochs (default: 5; --quick: 1).")
    Integer epochs;

    @Option(names = "--data", defaultValue = "subset", paramLabel = "subset|full|DIR",
            description = "Fashion-MNIST for training and the image input (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--parts", split = ",", description = "Parts to run: two-layer, depth, train (default: all).")
    List<String> parts;

    @Option(names = "--force", description = "Recompute every part even if it is up to date.")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // everything is checked before any work starts
        List<String> selected = parts == null ? ALL_PARTS : parts.stream().map(p -> p.trim().toLowerCase(Locale.ROOT))
                .toList();
        for (String p : selected) {
            if (!ALL_PARTS.contains(p)) {
                throw new IllegalArgumentException("unknown part '" + p + "': expected two-layer, depth or train");
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("--parts: give at least one part");
        }
        CatalogChoice catalog = options.catalogChoice();
        int threads = options.threads();
        long seed = options.seed();
        Path out = options.out("phitheta-out");
        options.checkNamesAndThetas();
        if (epochs != null && (epochs < 1 || epochs > 1000)) {
            throw new IllegalArgumentException("--epochs must be in 1..1000 (got " + epochs + ")");
        }
        // before any theta missing from the catalog is fitted or any data is read
        ExperimentOptions.checkOut(out);
        List<RunSuite.Part> list = new ArrayList<>();
        Map<String, Object> runSettings = new LinkedHashMap<>();
        runSettings.put("seed", seed);
        runSettings.put("catalog", catalog.name());
        runSettings.put("quick", quick);

        FashionMnist fm = selected.contains("train") || (selected.contains("depth") && !quick) ? Data.resolve(data)
                : null;
        if (selected.contains("two-layer")) {
            List<ActivationSpec> specs = options.specs(TwoLayerCommand.DEFAULT_ACTIVATIONS,
                    TwoLayerCommand.DEFAULT_THETAS);
            long d = draws != null ? draws : quick ? 20_000 : 200_000;
            TwoLayerStudy.Settings s = new TwoLayerStudy.Settings(d, 10, seed, 10_000, specs, true, threads);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("draws", d);
            h.put("max_n", 10);
            h.put("seed", seed);
            h.put("catalog", catalog.name());
            h.put("activations", RunSuite.describe(specs));
            list.add(new RunSuite.Part("two-layer", TwoLayerExperiment.JSON, h,
                    dir -> TwoLayerExperiment.run(s, catalog, dir)));
            runSettings.put("two_layer_draws", d);
        }
        if (selected.contains("depth")) {
            List<ActivationSpec> specs = options.specs(DepthCommand.DEFAULT_ACTIVATIONS, DepthCommand.DEFAULT_THETAS);
            long n = samples != null ? samples : quick ? 4_000 : 40_000;
            List<Integer> widths = quick ? List.of(2, 10, 100) : List.of(2, 5, 10, 100);
            List<DepthStudy.Input> inputs = new ArrayList<>();
            inputs.add(DepthStudy.Input.onesOfWidth());
            if (!quick) {
                inputs.add(Data.image(fm, 0));
            }
            DepthStudy.Settings s = new DepthStudy.Settings(widths, 50, n, 0, seed, specs, inputs, List.of(1, 10, 50),
                    true, threads);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("widths", widths);
            h.put("depth", 50);
            h.put("samples", n);
            h.put("seed", seed);
            h.put("inputs", inputs.stream().map(DepthStudy.Input::name).toList());
            h.put("image_source", quick || fm == null ? null : fm.describe());   // --quick uses x = 1 only
            h.put("catalog", catalog.name());
            h.put("activations", RunSuite.describe(specs));
            list.add(new RunSuite.Part("depth", DepthResult.JSON, h, dir -> DepthExperiment.run(s, catalog, dir)));
            runSettings.put("depth_samples", n);
        }
        if (selected.contains("train")) {
            List<ActivationSpec> specs = options.specs(TrainCommand.DEFAULT_ACTIVATIONS, TrainCommand.DEFAULT_THETAS);
            int e = epochs != null ? epochs : quick ? 1 : 5;
            List<Integer> hidden = quick ? List.of(64, 64) : List.of(256, 256, 256);
            int trainLimit = quick ? 1000 : 0;
            int testLimit = quick ? 500 : 0;
            int batch = quick ? 50 : 64;
            int probeEvery = quick ? 5 : 20;
            int probeSize = quick ? 200 : 500;
            TrainStudy.Settings s = new TrainStudy.Settings(fm, trainLimit, testLimit, hidden, e, batch, 1e-3,
                    probeEvery, probeSize, seed, specs, true);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("data", fm.describe());
            h.put("train_limit", trainLimit);
            h.put("test_limit", testLimit);
            h.put("hidden", hidden);
            h.put("epochs", e);
            h.put("batch", batch);
            h.put("lr", 1e-3);
            h.put("probe_every", probeEvery);
            h.put("probe_size", probeSize);
            h.put("seed", seed);
            h.put("catalog", catalog.name());
            h.put("activations", RunSuite.describe(specs));
            list.add(new RunSuite.Part("train", TrainResult.JSON, h, dir -> TrainExperiment.run(s, catalog, dir)));
            runSettings.put("epochs", e);
            runSettings.put("data", fm.describe());
        }
        if (force) {
            for (RunSuite.Part p : list) {
                org.phitheta.experiment.Manifest.load(out).invalidate(p.name());
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("quick", quick);
        StringBuilder settingsText = new StringBuilder();
        runSettings.forEach((k, v) -> settingsText.append(settingsText.length() == 0 ? "" : ", ").append(k)
                .append(' ').append(v));
        info.put("settings", settingsText.toString());
        info.put("command", "phitheta " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        List<RunSuite.Outcome> outcomes = new RunSuite(out, list, ALL_PARTS, info).run(System.err);
        PrintWriter w = spec.commandLine().getOut();
        for (String line : Report.readSummary(out)) {
            w.println(line);
        }
        for (RunSuite.Outcome o : outcomes) {
            w.println(String.format(Locale.ROOT, "%s: %s", o.name(), !o.selected()
                    ? "kept from an earlier invocation (not selected)" : o.skipped() ? "reused (up to date)"
                    : String.format(Locale.ROOT, "%.1f s", o.seconds())));
        }
        w.println("report: " + out.toAbsolutePath().normalize().resolve(Report.MARKDOWN));
        w.flush();
        return 0;
    }
}
