package org.phitheta.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published two-layer table (a copy of {@code published_two_layer_ks.csv} in this module): KS for n = 1..10 by
 * (configuration label, activation label). Monte-Carlo noise of one value is about 0.002 (200,000 draws).
 */
public final class PublishedTwoLayer {

    /** Class-path copy of the published table. */
    public static final String RESOURCE = "/org/phitheta/experiment/reference/published_two_layer_ks.csv";
    /** Header of the published table, which our CSV reproduces exactly. */
    public static final String HEADER = "layers,activation,n=1,n=2,n=3,n=4,n=5,n=6,n=7,n=8,n=9,n=10";

    private final Map<String, double[]> rows;

    private PublishedTwoLayer(Map<String, double[]> rows) {
        this.rows = rows;
    }

    /** @return the published table */
    public static PublishedTwoLayer load() {
        try (InputStream in = PublishedTwoLayer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param csv a table in the published layout
     * @return the table
     */
    public static PublishedTwoLayer parse(String csv) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(csv))) {
            String header = r.readLine();
            if (header == null || !header.startsWith("layers,activation,n=1")) {
                throw new IllegalArgumentException("not a two-layer KS table: header " + header);
            }
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = Csv.split(line);
                double[] v = new double[f.size() - 2];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.parseDouble(f.get(i + 2));
                }
                rows.put(key(f.get(0), f.get(1)), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PublishedTwoLayer(rows);
    }

    static String key(String config, String activation) {
        return config + "|" + activation;
    }

    /**
     * @param config     configuration label
     * @param activation activation label ("odd:3.00", "relu")
     * @return the published KS for n = 1..10, or null if the table has no such row
     */
    public double[] row(String config, String activation) {
        return rows.get(key(config, activation));
    }

    /** @return number of rows */
    public int size() {
        return rows.size();
    }
}
