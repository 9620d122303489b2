package org.phitheta.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a {@link TrainStudy} and writes its files. */
public final class TrainExperiment {

    private TrainExperiment() {
    }

    /**
     * @param settings settings
     * @param catalog  where phi_theta parameters come from (recorded)
     * @param dir      output directory
     * @return the summary ({@link TrainResult#JSON})
     */
    public static Map<String, Object> run(TrainStudy.Settings settings, CatalogChoice catalog, Path dir) {
        long t0 = System.nanoTime();
        TrainStudy study = new TrainStudy(settings);
        TrainStudy.Prepared data = study.prepare();
        List<TrainStudy.Run> runs = study.run(data);
        TrainResult result = new TrainResult(settings, runs, data.description, (System.nanoTime() - t0) / 1e9);
        Map<String, Object> summary = result.write(dir);
        summary.put("catalog", catalog.name());
        Json.write(dir.resolve(TrainResult.JSON), summary);
        return summary;
    }
}
