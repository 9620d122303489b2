package org.phitheta.fitting;

import org.junit.jupiter.api.Test;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.catalog.CatalogEntry;
import org.phitheta.catalog.PhiThetaCatalog;
import org.phitheta.distribution.Theta;
import org.phitheta.gaussianity.GaussianityDefect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KsResidualTest {

    @Test
    void residualsAreTheSurvivalGapOfGaussianityDefect() {
        // the refinement's quadrature (banded, theta-sized panels) against the library's reference quadrature
        // (9,000 nodes, ~1e-9 for z >= 0.05): agreement to 1e-8 at every z >= 0.05 of the grid, for every shipped
        // entry. (Below z = 0.05 the reference loses accuracy for the odd variant, up to 2e-5 at z = 0.001, because
        // its uniform panels do not resolve the kernel's switch near x = 0; see smallThresholdsMatchAdaptiveIntegration.)
        for (CatalogEntry e : PhiThetaCatalog.shipped().entries()) {
            ClosedFormModel model = new ClosedFormModel(e.getTheta(), e.getVariant());
            KsResidual residual = KsResidual.standard(model);
            double[] q = model.fromParameters(e.getParameters());
            double[] r = new double[residual.size()];
            residual.evaluate(q, r, null);
            GaussianityDefect reference = GaussianityDefect.of(e.getTheta(), e.getParameters().function()::value);
            double[] z = residual.z();
            for (int k = 0; k < z.length; k += 7) {
                if (z[k] >= 0.05) {
                    assertEquals(reference.survivalGap(z[k]), r[k], 1e-8, e + " z=" + z[k]);
                }
            }
            // its grid KS is within 3e-5 below the exact KS: the grid (step 0.03) misses the top of a peak by
            // |r''| h^2 / 8 ~ 1e-5..3e-5; it can never exceed it
            assertTrue(residual.ks(q) <= e.getKs() + 1e-8 && residual.ks(q) >= e.getKs() - 3e-5, e.toString());
        }
    }

    @Test
    void smallThresholdsMatchAdaptiveIntegration() {
        // the published odd fit for theta = 2.05 at z = 0.001 and 0.02; reference values by adaptive quadrature
        // (scipy.integrate.quad split at z/10, z, 10z, tolerance 1e-15 absolute): -2.0923349087653698e-05 and
        // -1.5651466117516666e-04. Log-spaced panels below x = 1 resolve the kernel's switch at phi(x) = z: 1e-10.
        CatalogEntry e = PhiThetaCatalog.published().find(2.05, PhiThetaVariant.ODD).orElseThrow();
        ClosedFormModel model = new ClosedFormModel(2.05, PhiThetaVariant.ODD);
        KsResidual residual = new KsResidual(model, new double[]{0.001, 0.02});
        double[] r = new double[residual.size()];
        residual.evaluate(model.fromParameters(e.getParameters()), r, null);
        assertEquals(-2.0923349087653698e-05, r[0], 1e-10);
        assertEquals(-1.5651466117516666e-04, r[1], 1e-10);
    }

    @Test
    void quadratureIsResolvedForLargeTheta() {
        // theta = 50: the kernel switches over |Delta ln phi| ~ 1/50; the panels shrink with theta. Against the
        // reference quadrature to 1e-8.
        ClosedFormModel model = new ClosedFormModel(50, PhiThetaVariant.POSITIVE);
        double[] q = {-4.0, 0.5, -2.0, -1.0, -2.0, 3.0, 1.8};
        KsResidual residual = KsResidual.standard(model);
        double[] r = new double[residual.size()];
        residual.evaluate(q, r, null);
        GaussianityDefect reference = GaussianityDefect.of(50, x -> model.value(q, x));
        double[] z = residual.z();
        for (int k = 0; k < z.length; k += 5) {
            if (z[k] >= 0.05) {
                assertEquals(reference.survivalGap(z[k]), r[k], 1e-8, "z=" + z[k]);
            }
        }
        // last residual: the second moment's deviation beyond the tolerance (0 here if within 0.6%)
        double m2 = GaussianityDefect.secondMoment(x -> model.value(q, x)) / Theta.targetSecondMoment(50) - 1;
        double excess = Math.max(0, Math.abs(m2) - KsResidual.MOMENT_TOLERANCE) * Math.signum(m2) * KsResidual.MOMENT_WEIGHT;
        assertEquals(excess, r[z.length], 1e-9);
    }

    @Test
    void jacobianMatchesFiniteDifferences() {
        for (PhiThetaVariant variant : PhiThetaVariant.values()) {
            ClosedFormModel model = new ClosedFormModel(3.37, variant);
            KsResidual residual = KsResidual.standard(model);
            // a point with a second moment off by more than the tolerance, so that row is active too
            double[] q = variant == PhiThetaVariant.ODD ? new double[]{0.9, -0.5, 1.0, 0.5, 1.5, 0.8}
                    : new double[]{-3.0, 0.5, -1.0, -1.0, -1.0, 1.0, 1.5};
            int n = q.length;
            int m = residual.size();
            double[] r = new double[m];
            double[] jac = new double[m * n];
            residual.evaluate(q, r, jac);
            assertTrue(r[m - 1] != 0, "moment row inactive: " + r[m - 1]);
            double[] up = new double[m];
            double[] down = new double[m];
            for (int j = 0; j < n; j++) {
                double[] qu = q.clone();
                double[] qd = q.clone();
                qu[j] += 1e-6;
                qd[j] -= 1e-6;
                residual.evaluate(qu, up, null);
                residual.evaluate(qd, down, null);
                for (int k = 0; k < m; k++) {
                    double numeric = (up[k] - down[k]) / 2e-6;
                    // rounding in the differences of sums of ~1e3 terms: 1e-7 absolute
                    assertEquals(numeric, jac[k * n + j], 1e-7 + 1e-6 * Math.abs(numeric), variant + " k=" + k + " j=" + j);
                }
            }
        }
    }
}
