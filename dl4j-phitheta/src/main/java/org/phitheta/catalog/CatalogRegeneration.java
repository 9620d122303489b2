package org.phitheta.catalog;

import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.fitting.FitOptions;
import org.phitheta.fitting.FitResult;
import org.phitheta.fitting.PhiThetaFitter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Re-fits catalog entries with {@link PhiThetaFitter} and keeps, for every (theta, variant), whichever of the old and
 * the new entry has the lower KS. The shipped catalog is produced this way (command: {@code phitheta fit
 * --catalog-out FILE --thorough}, see the experiments module), from the published fits, with
 * {@link FitOptions#thorough()} and seed 1.
 */
public final class CatalogRegeneration {

    /** The thetas of the shipped catalog. */
    public static final List<Double> CATALOG_THETAS = Collections.unmodifiableList(
            List.of(2.05, 2.1, 2.2, 2.5, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0));

    private CatalogRegeneration() {
    }

    /** One row of the comparison table. */
    public static final class Row {
        private final double theta;
        private final PhiThetaVariant variant;
        private final Double oldKs;
        private final double newKs;
        private final boolean replaced;
        private final long millis;

        Row(double theta, PhiThetaVariant variant, Double oldKs, double newKs, boolean replaced, long millis) {
            this.theta = theta;
            this.variant = variant;
            this.oldKs = oldKs;
            this.newKs = newKs;
            this.replaced = replaced;
            this.millis = millis;
        }

        public double getTheta() {
            return theta;
        }

        public PhiThetaVariant getVariant() {
            return variant;
        }

        /** @return KS of the previous entry, empty if there was none */
        public Optional<Double> getOldKs() {
            return Optional.ofNullable(oldKs);
        }

        /** @return KS of the new fit */
        public double getNewKs() {
            return newKs;
        }

        /** @return whether the new fit replaced (or added) the entry */
        public boolean isReplaced() {
            return replaced;
        }

        /** @return wall-clock time of the fit, both variants together (shared step 1) */
        public long getMillis() {
            return millis;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%6.2f  %-8s  %-10s  %.6f  %s", theta, variant.label(),
                    oldKs == null ? "-" : String.format(Locale.ROOT, "%.6f", oldKs), newKs, replaced ? "new" : "kept");
        }
    }

    /** The regenerated catalog and its comparison table. */
    public static final class Result {
        private final PhiThetaCatalog catalog;
        private final List<Row> rows;

        Result(PhiThetaCatalog catalog, List<Row> rows) {
            this.catalog = catalog;
            this.rows = Collections.unmodifiableList(rows);
        }

        public PhiThetaCatalog getCatalog() {
            return catalog;
        }

        public List<Row> getRows() {
            return rows;
        }

        /** @return the table, one line per (theta, variant), with a header */
        public String table() {
            StringBuilder sb = new StringBuilder(" theta  variant   old KS      new KS    entry\n");
            for (Row r : rows) {
                sb.append(r).append('\n');
            }
            return sb.toString();
        }
    }

    /**
     * @param current  the catalog to improve (its listed entries only)
     * @param thetas   thetas to fit, both variants each
     * @param fitter   the fitter
     * @param options  fit settings (seed included)
     * @param log      receives one line per fitted theta
     * @return the merged catalog (entries of other thetas kept) and the table
     */
    public static Result regenerate(PhiThetaCatalog current, List<Double> thetas, PhiThetaFitter fitter,
                                    FitOptions options, Consumer<String> log) {
        Objects.requireNonNull(log, "log");
        Map<String, CatalogEntry> merged = new LinkedHashMap<>();
        for (CatalogEntry e : current.entries()) {
            merged.put(key(e.getTheta(), e.getVariant()), e);
        }
        List<Row> rows = new ArrayList<>();
        for (double theta : thetas) {
            long t0 = System.nanoTime();
            Map<PhiThetaVariant, FitResult> fits = fitter.fitBoth(theta, options);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            for (PhiThetaVariant variant : PhiThetaVariant.values()) {
                FitResult fit = fits.get(variant);
                Optional<CatalogEntry> old = current.find(theta, variant);
                Double oldKs = old.map(CatalogEntry::getKs).orElse(null);
                boolean replace = oldKs == null || fit.getKs() < oldKs;
                if (replace) {
                    Map<String, Object> details = new LinkedHashMap<>(FittingEntryFitter.details(fit));
                    old.ifPresent(o -> {
                        details.put("replaced_ks", o.getKs());
                        details.put("replaced_provenance", o.getProvenance());
                    });
                    merged.put(key(theta, variant), new CatalogEntry(fit.getParameters(), fit.getKs(), fit.provenance(),
                            details));
                }
                Row row = new Row(theta, variant, oldKs, fit.getKs(), replace, millis);
                rows.add(row);
                log.accept(row + String.format(Locale.ROOT, "  (%d ms)", millis));
            }
        }
        return new Result(new PhiThetaCatalog(new ArrayList<>(merged.values())), rows);
    }

    private static String key(double theta, PhiThetaVariant variant) {
        return variant.label() + "@" + Math.round(theta * 1e6);
    }
}
