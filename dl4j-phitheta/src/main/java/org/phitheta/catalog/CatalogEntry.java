package org.phitheta.catalog;

import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One catalog entry: the parameters of phi_theta for a (theta, variant), where they come from, and their measured
 * Gaussianity defect KS(theta, phi) (by quadrature, {@link org.phitheta.gaussianity.GaussianityDefect}).
 */
public final class CatalogEntry {

    private final PhiThetaParameters parameters;
    private final double ks;
    private final String provenance;
    private final Map<String, Object> details;

    /**
     * @param parameters the activation parameters
     * @param ks         measured KS distance of W phi(X) to N(0, 1), in [0, 1]
     * @param provenance where the parameters come from
     */
    public CatalogEntry(PhiThetaParameters parameters, double ks, String provenance) {
        this(parameters, ks, provenance, Collections.emptyMap());
    }

    /**
     * @param parameters the activation parameters
     * @param ks         measured KS distance of W phi(X) to N(0, 1), in [0, 1]
     * @param provenance where the parameters come from
     * @param details    extra information written with the entry (for instance fit timings): JSON-compatible values
     *                   (numbers, strings, booleans, lists and maps of them)
     */
    public CatalogEntry(PhiThetaParameters parameters, double ks, String provenance, Map<String, Object> details) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        if (!(ks >= 0 && ks <= 1)) {
            throw new IllegalArgumentException("catalog KS must be in [0, 1] (got " + ks + ")");
        }
        this.ks = ks;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
    }

    public PhiThetaParameters getParameters() {
        return parameters;
    }

    public double getTheta() {
        return parameters.getTheta();
    }

    public PhiThetaVariant getVariant() {
        return parameters.getVariant();
    }

    public double getKs() {
        return ks;
    }

    public String getProvenance() {
        return provenance;
    }

    /** @return extra information stored with the entry (empty for most entries) */
    public Map<String, Object> getDetails() {
        return details;
    }

    @Override
    public String toString() {
        return "CatalogEntry{" + parameters + ", ks=" + ks + ", provenance='" + provenance + "'}";
    }
}
