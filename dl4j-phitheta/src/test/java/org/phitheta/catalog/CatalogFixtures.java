package org.phitheta.catalog;

import java.util.ArrayList;
import java.util.List;

/** Catalog entries shared by the tests that must hold for every parameter set the project ships. */
public final class CatalogFixtures {

    private CatalogFixtures() {
    }

    /** @return the shipped (re-fitted) entries and the published ones they replaced: both must hold */
    public static List<CatalogEntry> allEntries() {
        List<CatalogEntry> all = new ArrayList<>(PhiThetaCatalog.shipped().entries());
        all.addAll(PhiThetaCatalog.published().entries());
        return all;
    }
}
