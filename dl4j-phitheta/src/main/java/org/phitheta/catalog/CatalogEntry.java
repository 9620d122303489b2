package org.phitheta.catalog;

import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;

import java.util.Objects;

/**
 * One catalog entry: the parameters of phi_theta for a (theta, variant), where they come from, and their measured
 * Gaussianity defect KS(theta, phi) (by quadrature, {@link org.phitheta.gaussianity.GaussianityDefect}).
 */
public final class CatalogEntry {

    private final PhiThetaParameters parameters;
    private final double ks;
    private final String provenance;

    /**
     * @param parameters the activation parameters
     * @param ks         measured KS distance of W phi(X) to N(0, 1), in [0, 1]
     * @param provenance where the parameters come from
     */
    public CatalogEntry(PhiThetaParameters parameters, double ks, String provenance) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        if (!(ks >= 0 && ks <= 1)) {
            throw new IllegalArgumentException("catalog KS must be in [0, 1] (got " + ks + ")");
        }
        this.ks = ks;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
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

    @Override
    public String toString() {
        return "CatalogEntry{" + parameters + ", ks=" + ks + ", provenance='" + provenance + "'}";
    }
}
