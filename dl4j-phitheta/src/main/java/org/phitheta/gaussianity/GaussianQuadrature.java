package org.phitheta.gaussianity;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.util.FastMath;

import java.util.function.DoubleUnaryOperator;

/**
 * Nodes and weights for E[f(X)], X ~ N(0, 1): composite Gauss-Legendre on [-L, L] with the standard normal density
 * folded into the weights. Built for integrands that switch on sharply (such as exp(-(z / |phi(x)|)^theta) for
 * theta up to 50), where Gauss-Hermite would need far more nodes.
 *
 * <p>Truncation at L = 9 drops mass 2 (1 - Phi(9)) &lt; 2.3e-19. The default grid (panels of width 0.02 with 10
 * Legendre nodes each, 9,000 nodes) integrates the KS integrands to about 1e-9 (checked against a grid four times
 * finer in the tests).
 */
public final class GaussianQuadrature {

    private static final double INV_SQRT_2PI = 1.0 / FastMath.sqrt(2 * FastMath.PI);

    private static final GaussianQuadrature DEFAULT = new GaussianQuadrature(9.0, 900, 10);

    private final double[] nodes;
    private final double[] weights;

    /**
     * @param halfWidth      L, the integration range is [-L, L]
     * @param panels         number of equal panels
     * @param nodesPerPanel  Gauss-Legendre points per panel
     */
    public GaussianQuadrature(double halfWidth, int panels, int nodesPerPanel) {
        if (!(halfWidth > 0) || panels < 1 || nodesPerPanel < 1) {
            throw new IllegalArgumentException("need halfWidth > 0, panels >= 1, nodesPerPanel >= 1");
        }
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        nodes = new double[panels * nodesPerPanel];
        weights = new double[nodes.length];
        double width = 2 * halfWidth / panels;
        int k = 0;
        for (int p = 0; p < panels; p++) {
            double lo = -halfWidth + p * width;
            GaussIntegrator rule = factory.legendre(nodesPerPanel, lo, lo + width);
            for (int i = 0; i < nodesPerPanel; i++) {
                double x = rule.getPoint(i);
                nodes[k] = x;
                weights[k] = rule.getWeight(i) * INV_SQRT_2PI * FastMath.exp(-0.5 * x * x);
                k++;
            }
        }
    }

    /** @return the default grid (9,000 nodes on [-9, 9]) */
    public static GaussianQuadrature standard() {
        return DEFAULT;
    }

    /** @return number of nodes */
    public int size() {
        return nodes.length;
    }

    /** @param i index @return the i-th node */
    public double node(int i) {
        return nodes[i];
    }

    /** @param i index @return the i-th weight, standard normal density included */
    public double weight(int i) {
        return weights[i];
    }

    /**
     * @param f integrand
     * @return E[f(X)], X ~ N(0, 1)
     */
    public double expectation(DoubleUnaryOperator f) {
        double sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            sum += weights[i] * f.applyAsDouble(nodes[i]);
        }
        return sum;
    }
}
