package org.phitheta.fitting;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.distribution.QThetaDensity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InverseTransformGridTest {

    private static final QThetaDensity DENSITY = new QThetaDensity(3.37, 3.0, 1.33, 0.62);

    @Test
    void oddGridInvertsTheSurvivalFunction() {
        InverseTransformGrid grid = InverseTransformGrid.tabulate(DENSITY, PhiThetaVariant.ODD, 6.0, 0.02);
        assertEquals(300, grid.size());
        for (int i = 0; i < grid.size(); i++) {
            double q = Erf.erfc(grid.x[i] / Math.sqrt(2));
            // relative precision kept into the tail: at x = 6, q = 2e-9
            assertEquals(1.0, DENSITY.survival(grid.phi[i]) / q, 1e-11, "x=" + grid.x[i]);
            assertTrue(i == 0 || grid.phi[i] > grid.phi[i - 1], "increasing");
        }
        assertEquals(-InverseTransformGrid.odd(DENSITY, 1.3), InverseTransformGrid.odd(DENSITY, -1.3), 0.0);
    }

    @Test
    void positiveGridCoversTheWholeLineWithoutMirroring() {
        InverseTransformGrid grid = InverseTransformGrid.tabulate(DENSITY, PhiThetaVariant.POSITIVE, 6.0, 0.02);
        assertEquals(601, grid.size());
        for (int i = 0; i < grid.size(); i++) {
            double x = grid.x[i];
            assertTrue(grid.phi[i] > 0, "positive at x=" + x);
            if (x < 0) {
                // F(phi(x)) = Phi(x): relative precision in the left tail (Phi(-6) = 1e-9), no 1 - (1 - p)
                double p = 0.5 * Erf.erfc(-x / Math.sqrt(2));
                assertEquals(1.0, DENSITY.cumulativeProbability(grid.phi[i]) / p, 1e-11, "x=" + x);
            } else {
                double q = 0.5 * Erf.erfc(x / Math.sqrt(2));
                assertEquals(1.0, DENSITY.survival(grid.phi[i]) / q, 1e-11, "x=" + x);
            }
        }
        // the median of |Y| at x = 0, and not an odd function
        assertEquals(DENSITY.inverseSurvival(0.5), InverseTransformGrid.positive(DENSITY, 0.0), 1e-14);
        assertTrue(InverseTransformGrid.positive(DENSITY, -1) > 0);
        assertTrue(InverseTransformGrid.positive(DENSITY, -1) < InverseTransformGrid.positive(DENSITY, 1));
    }
}
