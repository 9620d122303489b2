package org.phitheta.experiment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The main job: runs the parts (two-layer, depth, train) into subdirectories of one output directory, skipping parts
 * whose settings have not changed since they last finished ({@link Manifest}), then writes the report
 * ({@link Report}).
 */
public final class RunSuite {

    /** One part of the suite. */
    public static final class Part {
        final String name;
        final String summaryFile;
        final Map<String, Object> settings;
        final Function<Path, Map<String, Object>> runner;

        /**
         * @param name        part name, also its subdirectory
         * @param summaryFile name of its summary JSON in that directory
         * @param settings    everything its results depend on (hashed)
         * @param runner      computes the part into the given directory and returns its summary
         */
        public Part(String name, String summaryFile, Map<String, Object> settings,
                    Function<Path, Map<String, Object>> runner) {
            this.name = Objects.requireNonNull(name);
            this.summaryFile = Objects.requireNonNull(summaryFile);
            this.settings = Objects.requireNonNull(settings);
            this.runner = Objects.requireNonNull(runner);
        }

        public String name() {
            return name;
        }
    }

    /** What happened to a part. */
    public static final class Outcome {
        final String name;
        final boolean skipped;
        final boolean selected;
        final double seconds;
        final Map<String, Object> summary;

        Outcome(String name, boolean skipped, boolean selected, double seconds, Map<String, Object> summary) {
            this.name = name;
            this.skipped = skipped;
            this.selected = selected;
            this.seconds = seconds;
            this.summary = summary;
        }

        public String name() {
            return name;
        }

        /** @return false for a part finished by an earlier invocation and not asked for this time (kept in the report) */
        public boolean selected() {
            return selected;
        }

        public boolean skipped() {
            return skipped;
        }

        /** @return seconds this time (0 when skipped) */
        public double seconds() {
            return seconds;
        }

        public Map<String, Object> summary() {
            return summary;
        }
    }

    private final Path out;
    private final List<Part> parts;
    private final List<String> reportOrder;
    private final Map<String, Object> runInfo;

    /**
     * @param out         output directory
     * @param parts       parts to bring up to date, in order
     * @param reportOrder every part the report may show, in report order: finished parts of earlier invocations that
     *                    are not in {@code parts} stay in the report
     * @param runInfo     settings of the whole run, for the report header
     */
    public RunSuite(Path out, List<Part> parts, List<String> reportOrder, Map<String, Object> runInfo) {
        this.out = Objects.requireNonNull(out);
        this.parts = List.copyOf(parts);
        this.reportOrder = List.copyOf(reportOrder);
        this.runInfo = new LinkedHashMap<>(runInfo);
    }

    /**
     * Runs the parts that are not up to date, then writes the report.
     *
     * @param log where to say what is skipped or run (stderr)
     * @return one outcome per part
     */
    public List<Outcome> run(PrintStream log) {
        long t0 = System.nanoTime();
        Manifest manifest = Manifest.load(out);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Part p : parts) {
                String hash = Manifest.hash(p.settings);
                Path dir = out.resolve(p.name);
                if (manifest.isUpToDate(p.name, hash)) {
                    log.println(p.name + ": up to date (same settings, files present), not recomputed");
                    outcomes.add(new Outcome(p.name, true, true, 0, Json.read(dir.resolve(p.summaryFile))));
                    continue;
                }
                manifest.invalidate(p.name);
                log.println(p.name + ": running");
                long s = System.nanoTime();
                Map<String, Object> summary = p.runner.apply(dir);
                double seconds = (System.nanoTime() - s) / 1e9;
                List<String> files = new ArrayList<>();
                Object f = summary.get("files");
                if (f instanceof List) {
                    for (Object o : (List<?>) f) {
                        files.add(o.toString());
                    }
                }
                files.add(p.summaryFile);
                manifest.markDone(p.name, hash, p.settings, files, seconds);
                log.println(String.format(Locale.ROOT, "%s: done in %.1f s", p.name, seconds));
                outcomes.add(new Outcome(p.name, false, true, seconds, summary));
            }
        } catch (RuntimeException | Error e) {
            // the failed part is no longer in the manifest: the report must not describe its stale files
            runInfo.put("seconds_this_invocation", (System.nanoTime() - t0) / 1e9);
            try {
                Report.write(out, runInfo, withEarlierParts(outcomes, manifest), manifest);
            } catch (RuntimeException reportFailure) {
                e.addSuppressed(reportFailure);
            }
            throw e;
        }
        runInfo.put("seconds_this_invocation", (System.nanoTime() - t0) / 1e9);
        List<Outcome> all = withEarlierParts(outcomes, manifest);
        Report.write(out, runInfo, all, manifest);
        return all;
    }

    /** Adds the finished parts of earlier invocations that this one did not run, in report order. */
    private List<Outcome> withEarlierParts(List<Outcome> outcomes, Manifest manifest) {
        List<Outcome> all = new ArrayList<>();
        for (String name : reportOrder) {
            Outcome mine = outcomes.stream().filter(o -> o.name.equals(name)).findFirst().orElse(null);
            if (mine != null) {
                all.add(mine);
            } else if (parts.stream().noneMatch(p -> p.name.equals(name))) {
                manifest.finishedSummary(name).ifPresent(file -> all.add(new Outcome(name, true, false, 0,
                        Json.read(file))));
            }
        }
        for (Outcome o : outcomes) {
            if (!all.contains(o)) {
                all.add(o);
            }
        }
        return all;
    }

    /**
     * @param specs recipes
     * @return a description of them for settings hashes: label and parameters
     */
    public static List<Object> describe(List<ActivationSpec> specs) {
        List<Object> l = new ArrayList<>();
        for (ActivationSpec s : specs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", s.label());
            if (s.parameters() != null) {
                List<Double> p = new ArrayList<>();
                for (double v : s.parameters().toArray()) {
                    p.add(v);
                }
                // the parameters determine the results; the provenance is left out of the hash because a fit's
                // provenance carries its date, and re-fitting the same theta on another day gives the same parameters
                m.put("parameters", p);
            }
            l.add(m);
        }
        return l;
    }
}
