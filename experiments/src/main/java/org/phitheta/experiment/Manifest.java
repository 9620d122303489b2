package org.phitheta.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's manifest ({@code manifest.json} in the output directory): for every finished part, the hash of its
 * settings, its files and its timing. A part is up to date when its entry exists with the same settings hash and all
 * its files are present; {@code run} then skips it. The manifest is rewritten atomically after each part.
 */
public final class Manifest {

    /** File name. */
    public static final String FILE = "manifest.json";
    /** Bumped when a change of the experiment code makes old results incomparable. */
    public static final String CODE_VERSION = "phitheta-experiments/1";

    private final Path dir;
    private final Map<String, Object> root;

    private Manifest(Path dir, Map<String, Object> root) {
        this.dir = dir;
        this.root = root;
    }

    /**
     * @param dir output directory
     * @return its manifest, or an empty one (also when the file is unreadable: then everything is recomputed)
     */
    public static Manifest load(Path dir) {
        Path file = dir.resolve(FILE);
        Map<String, Object> root = null;
        if (Files.isRegularFile(file)) {
            try {
                root = Json.read(file);
            } catch (RuntimeException e) {
                root = null;
            }
        }
        if (root == null || !(root.get("parts") instanceof Map)) {
            root = new LinkedHashMap<>();
            root.put("format", "phitheta-run-manifest/1");
            root.put("parts", new LinkedHashMap<String, Object>());
        }
        return new Manifest(dir, root);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parts() {
        return (Map<String, Object>) root.get("parts");
    }

    /**
     * @param settings a part's settings (maps, lists, strings, numbers)
     * @return SHA-256 of their canonical JSON and the code version
     */
    public static String hash(Map<String, Object> settings) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(CODE_VERSION.getBytes(StandardCharsets.UTF_8));
            md.update(Json.toString(settings).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : md.digest()) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param part part name (also its subdirectory)
     * @param hash settings hash
     * @return true if the part finished with these settings and its files are all there
     */
    @SuppressWarnings("unchecked")
    public boolean isUpToDate(String part, String hash) {
        Object o = parts().get(part);
        if (!(o instanceof Map)) {
            return false;
        }
        Map<String, Object> e = (Map<String, Object>) o;
        if (!hash.equals(e.get("settings_hash")) || !Boolean.TRUE.equals(e.get("done"))) {
            return false;
        }
        Object files = e.get("files");
        if (!(files instanceof List)) {
            return false;
        }
        for (Object f : (List<Object>) files) {
            if (!Files.isRegularFile(dir.resolve(part).resolve(f.toString()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Records a finished part and rewrites the manifest atomically.
     *
     * @param part     part name
     * @param hash     settings hash
     * @param settings settings (for the record)
     * @param files    files of the part, relative to its directory (the summary JSON included)
     * @param seconds  wall-clock seconds
     */
    public void markDone(String part, String hash, Map<String, Object> settings, List<String> files, double seconds) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("done", true);
        e.put("settings_hash", hash);
        e.put("finished", Instant.now().toString());
        e.put("seconds", seconds);
        e.put("files", files);
        e.put("summary_file", files.isEmpty() ? null : files.get(files.size() - 1));
        e.put("settings", settings);
        parts().put(part, e);
        save();
    }

    /**
     * @param part part name
     * @return the summary JSON of a finished part whose files are all present (whatever its settings), else empty
     */
    @SuppressWarnings("unchecked")
    public java.util.Optional<Path> finishedSummary(String part) {
        Object o = parts().get(part);
        if (!(o instanceof Map)) {
            return java.util.Optional.empty();
        }
        Object hash = ((Map<String, Object>) o).get("settings_hash");
        Object summary = ((Map<String, Object>) o).get("summary_file");
        if (hash == null || summary == null || !isUpToDate(part, hash.toString())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(dir.resolve(part).resolve(summary.toString()));
    }

    /** Forgets a part (before recomputing it) and rewrites the manifest. */
    public void invalidate(String part) {
        if (parts().remove(part) != null) {
            save();
        }
    }

    /**
     * @param part part name
     * @return seconds the part took when it was computed, or NaN
     */
    @SuppressWarnings("unchecked")
    public double seconds(String part) {
        Object o = parts().get(part);
        return o instanceof Map ? Interpretation.num(((Map<String, Object>) o).get("seconds")) : Double.NaN;
    }

    private void save() {
        root.put("code_version", CODE_VERSION);
        Json.write(dir.resolve(FILE), root);
    }
}
