package org.phitheta.catalog;

import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;

import java.util.List;

/**
 * Produces a catalog entry for a theta the catalog does not list. The default is {@link FittingEntryFitter} (an
 * in-process {@link org.phitheta.fitting.PhiThetaFitter} run); tests substitute counting or failing fitters.
 */
@FunctionalInterface
public interface EntryFitter {

    /**
     * @param theta          weight shape, &gt; 2 (already checked)
     * @param variant        family
     * @param startingPoints parameters of nearby listed entries of the same variant (may be empty)
     * @return the new entry, for exactly this theta and variant
     */
    CatalogEntry fit(double theta, PhiThetaVariant variant, List<PhiThetaParameters> startingPoints);
}
