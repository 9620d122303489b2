package org.phitheta.experiment;

import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.distribution.Theta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Expands activation names and thetas into the list of recipes an experiment compares: every odd theta, then every
 * positive theta, then the baselines, in the order given. Checks everything up front: unknown names, theta &le; 2,
 * thetas missing from the catalog.
 */
public final class ActivationSelection {

    private ActivationSelection() {
    }

    /**
     * @param names   names among odd, positive, tanh, relu, selu
     * @param thetas  thetas for the phi_theta families (each &gt; 2)
     * @param catalog where phi_theta parameters come from
     * @return the recipes, phi_theta first (odd, then positive, theta ascending), then baselines
     */
    public static List<ActivationSpec> expand(List<String> names, List<Double> thetas, CatalogChoice catalog) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("give at least one activation (odd, positive, tanh, relu, selu)");
        }
        Set<ActivationSpec.Kind> kinds = new LinkedHashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException("empty activation name in --activations");
            }
            kinds.add(ActivationSpec.Kind.parse(n));
        }
        List<Double> sortedThetas = new ArrayList<>();
        if (kinds.contains(ActivationSpec.Kind.ODD) || kinds.contains(ActivationSpec.Kind.POSITIVE)) {
            if (thetas == null || thetas.isEmpty()) {
                throw new IllegalArgumentException("give at least one --theta for the phi_theta activations");
            }
            for (Double t : thetas) {
                if (t == null) {
                    throw new IllegalArgumentException("empty value in --theta");
                }
                Theta.requireValid(t);
                if (sortedThetas.stream().noneMatch(s -> Math.abs(s - t) < 1e-9)) {
                    sortedThetas.add(t);
                }
            }
            Collections.sort(sortedThetas);
        }
        List<ActivationSpec> specs = new ArrayList<>();
        for (ActivationSpec.Kind k : new ActivationSpec.Kind[]{ActivationSpec.Kind.ODD, ActivationSpec.Kind.POSITIVE}) {
            if (kinds.contains(k)) {
                PhiThetaVariant variant = k == ActivationSpec.Kind.ODD ? PhiThetaVariant.ODD : PhiThetaVariant.POSITIVE;
                for (double t : sortedThetas) {
                    specs.add(catalog.spec(t, variant));
                }
            }
        }
        for (ActivationSpec.Kind k : kinds) {
            if (!k.isPhiTheta()) {
                specs.add(ActivationSpec.baseline(k));
            }
        }
        return specs;
    }

    /**
     * @param csv comma-separated numbers
     * @return the numbers
     */
    public static List<Double> parseThetas(String csv) {
        List<Double> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            String t = s.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                out.add(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--theta: '" + t + "' is not a number");
            }
        }
        return out;
    }

    /**
     * @param csv comma-separated names
     * @return the names, lower-case
     */
    public static List<String> parseNames(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
