package org.phitheta.activation;

import org.junit.jupiter.api.Test;
import org.phitheta.catalog.CatalogEntry;
import org.phitheta.catalog.CatalogFixtures;
import org.phitheta.catalog.PhiThetaCatalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhiThetaFunctionTest {

    @Test
    void derivativeMatchesCentralDifferences() {
        for (CatalogEntry e : CatalogFixtures.allEntries()) {
            PhiThetaFunction phi = e.getParameters().function();
            for (double x = -8; x <= 8; x += 0.37) {
                double h = 1e-5;
                double numeric = (phi.value(x + h) - phi.value(x - h)) / (2 * h);
                // central difference error O(h^2 phi''') ~ 1e-10, rounding ~ 1e-16/h ~ 1e-11: 1e-7 is safe yet tight
                assertEquals(numeric, phi.derivative(x), 1e-7, e + " at x=" + x);
            }
        }
    }

    @Test
    void oddVariantIsOddAndMonotone() {
        PhiThetaFunction phi = PhiThetaCatalog.getDefault().parameters(3.0, PhiThetaVariant.ODD).function();
        assertEquals(0.0, phi.value(0.0), 0.0);
        double previous = Double.NEGATIVE_INFINITY;
        for (double x = -20; x <= 20; x += 0.01) {
            assertEquals(-phi.value(x), phi.value(-x), 1e-15);
            assertTrue(phi.value(x) > previous, "increasing at " + x);
            previous = phi.value(x);
        }
    }

    @Test
    void positiveVariantIsPositiveAndMonotone() {
        PhiThetaFunction phi = PhiThetaCatalog.getDefault().parameters(10.0, PhiThetaVariant.POSITIVE).function();
        double previous = 0;
        for (double x = -20; x <= 20; x += 0.01) {
            assertTrue(phi.value(x) >= previous, "non-decreasing at " + x);
            previous = phi.value(x);
        }
        assertTrue(phi.value(-20) > 0 && phi.value(-20) < 1e-6, "phi_p(-20)=" + phi.value(-20));
    }

    @Test
    void extremeInputsGiveFiniteOrSignedInfiniteValuesNeverNaN() {
        for (CatalogEntry e : CatalogFixtures.allEntries()) {
            PhiThetaFunction phi = e.getParameters().function();
            for (double x : new double[]{0.0, -0.0, 1e-300, 1e6, -1e6, 1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE}) {
                assertTrue(Double.isFinite(phi.derivative(x)), e + " dphi(" + x + ")=" + phi.derivative(x));
                assertTrue(!Double.isNaN(phi.value(x)), e + " phi(" + x + ")");
            }
            assertTrue(Double.isFinite(phi.value(1e6)));
            assertEquals(Double.POSITIVE_INFINITY, phi.value(Double.POSITIVE_INFINITY), e.toString());
            double atMinusInf = phi.value(Double.NEGATIVE_INFINITY);
            if (e.getVariant() == PhiThetaVariant.ODD) {
                assertEquals(Double.NEGATIVE_INFINITY, atMinusInf);
            } else {
                assertEquals(0.0, atMinusInf, 0.0);
            }
            assertEquals(0.0, phi.derivative(Double.POSITIVE_INFINITY), 1e-9);
            assertEquals(0.0, phi.derivative(Double.NEGATIVE_INFINITY), 1e-9);
            assertTrue(Double.isNaN(phi.value(Double.NaN)));
            assertTrue(Double.isNaN(phi.derivative(Double.NaN)));
        }
    }

    @Test
    void growsLikeXToTheAlpha() {
        // phi(x) ~ x^(1 - 2/theta) ln x: the ratio phi(2x)/phi(x) tends to 2^alpha as x grows (log factor -> 1)
        PhiThetaFunction phi = PhiThetaCatalog.getDefault().parameters(4.0, PhiThetaVariant.ODD).function();
        double ratio = phi.value(2e12) / phi.value(1e12);
        assertEquals(Math.pow(2, 0.5), ratio, 0.05);
    }

    @Test
    void parametersAreChecked() {
        PhiThetaParameters p = PhiThetaCatalog.getDefault().parameters(3.0, PhiThetaVariant.ODD);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.toBuilder().theta(1.5).build());
        assertTrue(e.getMessage().contains("theta must be a finite number > 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.toBuilder().a(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> p.toBuilder().c(-1).build());
        assertThrows(IllegalArgumentException.class, () -> p.toBuilder().g(-10).build());
        assertThrows(IllegalArgumentException.class, () -> p.toBuilder().h(0.3).build());
        assertEquals(p, PhiThetaParameters.fromArray(PhiThetaVariant.ODD, 3.0, p.toArray()));
        assertThrows(IllegalArgumentException.class, () -> PhiThetaParameters.fromArray(PhiThetaVariant.POSITIVE, 3.0, p.toArray()));
        assertEquals(PhiThetaVariant.POSITIVE, PhiThetaVariant.parse("Positive"));
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class, () -> PhiThetaVariant.parse("even"));
        assertTrue(v.getMessage().contains("odd, positive"), v.getMessage());
    }
}
