package org.phitheta.fitting;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.FastMath;
import org.phitheta.activation.PhiThetaVariant;
import org.phitheta.distribution.QThetaDensity;

/**
 * Step 2a of the fit ("interpolation"): phi_theta on a grid of x by inverse transform sampling through the fitted
 * survival function S of |Y| ({@link QThetaDensity}, closed form), inverted by a bracketing solver:
 * <ul>
 * <li>odd: phi_o(x) = sgn(x) S^{-1}(erfc(|x| / sqrt 2)), tabulated for x &gt; 0 (it is odd);</li>
 * <li>positive: phi_p(x) = S^{-1}(1 - Phi(x)) over the whole line (it is not odd): for x &ge; 0 as
 *     S^{-1}(erfc(x / sqrt 2) / 2), for x &lt; 0 as F^{-1}(erfc(-x / sqrt 2) / 2) with F = 1 - S, so that neither tail
 *     goes through 1 - (something close to 1).</li>
 * </ul>
 * Each point also carries its least-squares weight: the standard normal density times the grid step.
 */
final class InverseTransformGrid {

    final PhiThetaVariant variant;
    final double[] x;
    final double[] phi;
    final double[] weight;

    private InverseTransformGrid(PhiThetaVariant variant, double[] x, double[] phi, double[] weight) {
        this.variant = variant;
        this.x = x;
        this.phi = phi;
        this.weight = weight;
    }

    /**
     * @param density fitted law of |Y|
     * @param variant family
     * @param xMax    grid covers (0, xMax] (odd) or [-xMax, xMax] (positive)
     * @param step    grid step
     * @return the tabulated phi
     */
    static InverseTransformGrid tabulate(QThetaDensity density, PhiThetaVariant variant, double xMax, double step) {
        int half = (int) FastMath.round(xMax / step);
        int n = variant == PhiThetaVariant.ODD ? half : 2 * half + 1;
        double[] x = new double[n];
        double[] phi = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = variant == PhiThetaVariant.ODD ? (i + 1) * step : (i - half) * step;
            x[i] = xi;
            phi[i] = variant == PhiThetaVariant.ODD ? odd(density, xi) : positive(density, xi);
            weight[i] = step * FastMath.exp(-0.5 * xi * xi) / FastMath.sqrt(2 * FastMath.PI);
        }
        return new InverseTransformGrid(variant, x, phi, weight);
    }

    /**
     * @param density law of |Y|
     * @param x       input
     * @return sgn(x) S^{-1}(erfc(|x| / sqrt 2))
     */
    static double odd(QThetaDensity density, double x) {
        if (x == 0) {
            return 0.0;
        }
        double y = density.inverseSurvival(Erf.erfc(FastMath.abs(x) / FastMath.sqrt(2)));
        return x > 0 ? y : -y;
    }

    /**
     * @param density law of |Y|
     * @param x       input
     * @return S^{-1}(1 - Phi(x))
     */
    static double positive(QThetaDensity density, double x) {
        if (x >= 0) {
            return density.inverseSurvival(0.5 * Erf.erfc(x / FastMath.sqrt(2)));
        }
        return density.inverseCumulativeProbability(0.5 * Erf.erfc(-x / FastMath.sqrt(2)));
    }

    int size() {
        return x.length;
    }
}
