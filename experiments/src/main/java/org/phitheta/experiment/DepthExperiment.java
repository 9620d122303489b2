package org.phitheta.experiment;

import java.nio.file.Path;
import java.util.Map;

/** Runs a {@link DepthStudy} and writes its files. */
public final class DepthExperiment {

    private DepthExperiment() {
    }

    /**
     * @param settings study settings
     * @param catalog  where phi_theta parameters come from (recorded)
     * @param dir      output directory
     * @return the summary ({@link DepthResult#JSON})
     */
    public static Map<String, Object> run(DepthStudy.Settings settings, CatalogChoice catalog, Path dir) {
        DepthResult result = new DepthStudy(settings).run();
        Map<String, Object> summary = result.write(dir);
        summary.put("catalog", catalog.name());
        Json.write(dir.resolve(DepthResult.JSON), summary);
        return summary;
    }
}
