package org.phitheta.fitting;

import org.junit.jupiter.api.Test;
import org.phitheta.activation.PhiThetaFunction;
import org.phitheta.activation.PhiThetaParameters;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.catalog.CatalogEntry;
import org.phitheta.catalog.PhiThetaCatalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClosedFormModelTest {

    @Test
    void shapeCoordinatesAreTheSameFunction() {
        // every shipped entry: natural -> q -> natural round trip, and phi_q(x) = phi(x) to 1e-12 relative
        for (CatalogEntry e : PhiThetaCatalog.shipped().entries()) {
            ClosedFormModel model = new ClosedFormModel(e.getTheta(), e.getVariant());
            double[] q = model.fromParameters(e.getParameters());
            PhiThetaParameters back = model.toParameters(q);
            assertArrayEquals(e.getParameters().toArray(), back.toArray(), 1e-9 * 1e3, e.toString());
            PhiThetaFunction phi = e.getParameters().function();
            for (double x = -8; x <= 8; x += 0.37) {
                double expected = phi.value(x);
                assertEquals(expected, model.value(q, x), 1e-12 * Math.max(1, Math.abs(expected)), e + " at x=" + x);
            }
        }
    }

    @Test
    void everyPointOfTheBoxGivesValidParameters() {
        for (PhiThetaVariant variant : PhiThetaVariant.values()) {
            ClosedFormModel model = new ClosedFormModel(3.37, variant);
            double[] lo = model.lower();
            double[] hi = model.upper();
            int n = model.dimension();
            for (int corner = 0; corner < (1 << n); corner++) {
                double[] q = new double[n];
                for (int j = 0; j < n; j++) {
                    q[j] = ((corner >> j) & 1) == 0 ? lo[j] : hi[j];
                }
                PhiThetaParameters p = model.toParameters(q);   // throws if a check of PhiThetaParameters fails
                assertTrue(Double.isFinite(p.function().value(1.0)));
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        // analytic d phi / d q (used by the KS refinement and Levenberg-Marquardt) vs central differences, step 1e-6:
        // agreement to 1e-7 relative
        for (PhiThetaVariant variant : PhiThetaVariant.values()) {
            ClosedFormModel model = new ClosedFormModel(4.2, variant);
            double[] q = variant == PhiThetaVariant.ODD ? new double[]{0.3, -0.2, 1.1, -0.7, 2.0, -0.5}
                    : new double[]{-2.0, 0.45, -1.5, -2.0, -1.0, 1.5, 1.4};
            double[] g = new double[q.length];
            for (double x : new double[]{-3.1, -0.4, 0.01, 0.7, 2.5, 6.0}) {
                model.evaluate(q, x, g);
                for (int j = 0; j < q.length; j++) {
                    double[] up = q.clone();
                    double[] down = q.clone();
                    up[j] += 1e-6;
                    down[j] -= 1e-6;
                    double numeric = (model.value(up, x) - model.value(down, x)) / 2e-6;
                    assertEquals(numeric, g[j], 1e-7 * Math.max(1, Math.abs(numeric)), variant + " x=" + x + " j=" + j);
                }
            }
        }
    }
}
