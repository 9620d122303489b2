package org.phitheta.fitting;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.FastMath;
import org.phitheta.distribution.QThetaDensity;
import org.phitheta.distribution.Theta;

import java.util.ArrayList;
import java.util.List;

/**
 * Quadrature for step 1: P(|W Y| &gt; z) = integral_0^inf exp(-(z/t)^theta) g(t) dt for the density g of
 * {@link QThetaDensity}, on a grid of z, as a fixed linear map of the values of g: S(z_k) = sum_j K[k][j] w_j g(t_j),
 * so that the kernel K = exp(-(z/t)^theta) is a constant matrix and only g depends on the parameters.
 *
 * <p>Change of variables t = e^v: composite Gauss-Legendre in v = ln t, where both the kernel (a switch at t = z of
 * width about 1/theta in ln t) and the density terms (t g(t) ~ t^alpha near 0, singular or not; the cut-off
 * exp(-(t/lambda2)^theta') of width 1/theta' around ln lambda2) are smooth on a scale set by theta or theta'.
 * Panels: width min(0.05, 1.5/theta) on [ln(z_min/8), ln 100] with 8 nodes; plus, when theta' &gt; 10, panels of width
 * 0.5/theta' (at most 3000 of them) with 6 nodes where the second term's cut-off can lie for lambda2 in the allowed
 * box [lambda2Min, lambda2Max]. Below z_min/8 the kernel is below exp(-8^2) for every z on the grid; above 100 the
 * first term's mass is below gamma exp(-(100/lambda1)^alpha) (lambda1 &le; 3, alpha &ge; 0.75: 1e-6, times
 * 1 - K(z, 100) &le; 0.0025) and is added in closed form with the kernel at t = 100. The error, measured against a
 * grid four times finer, is stated in the tests.
 */
final class DensityQuadrature {

    static final double T_MAX = 100.0;
    private static final int COARSE_NODES = 8;
    private static final int FINE_NODES = 6;
    private static final int MAX_FINE_PANELS = 3000;

    final double theta;
    final double thetaPrime;
    final double densityAtZero;
    /** c0 Gamma(1 + 1/theta'): gamma = 1 - secondMassPerLambda2 * lambda2. */
    final double secondMassPerLambda2;
    final double[] z;
    final double[] target;
    final double[] logT;
    /** Quadrature weights in t (d t = t d ln t included). */
    final double[] weightT;
    /** Kernel K[k][j] = exp(-(z_k / t_j)^theta), row-major [k * nt + j]. */
    final double[] kernel;
    /** exp(-(z_k / T_MAX)^theta), the kernel at the upper end, for the closed-form tail of the first term. */
    final double[] kernelAtTMax;

    /**
     * @param theta      weight shape
     * @param z          thresholds, &gt; 0
     * @param lambda2Min smallest lambda2 the fit may reach
     * @param lambda2Max largest lambda2 the fit may reach
     * @param refinement 1 for the working grid; larger integers divide every panel (for error estimates)
     */
    DensityQuadrature(double theta, double[] z, double lambda2Min, double lambda2Max, int refinement) {
        this.theta = Theta.requireValid(theta);
        this.thetaPrime = Theta.thetaPrime(theta);
        this.densityAtZero = QThetaDensity.densityAtZero(theta);
        this.secondMassPerLambda2 = densityAtZero * Gamma.gamma(1 + 1 / thetaPrime);
        this.z = z.clone();
        double zMin = Double.POSITIVE_INFINITY;
        for (double v : z) {
            zMin = FastMath.min(zMin, v);
        }
        target = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            target[k] = Erf.erfc(z[k] / FastMath.sqrt(2));
        }
        // breakpoints of the coarse and fine regions in v = ln t
        double vLo = FastMath.log(zMin / 8);
        double vHi = FastMath.log(T_MAX);
        List<double[]> panels = new ArrayList<>();   // {from, to, nodes}
        double coarse = FastMath.min(0.05, 1.5 / theta) / refinement;
        double fineFrom = Double.NaN;
        double fineTo = Double.NaN;
        int fineCount = 0;
        if (thetaPrime > 10) {
            fineFrom = FastMath.max(vLo, FastMath.log(lambda2Min) - 40 / thetaPrime);
            fineTo = FastMath.min(vHi, FastMath.log(lambda2Max) + 4 / thetaPrime);
            fineCount = (int) FastMath.min(MAX_FINE_PANELS, FastMath.ceil((fineTo - fineFrom) / (0.5 / thetaPrime)));
            fineCount *= refinement;
        }
        if (fineCount > 0) {
            addUniform(panels, vLo, fineFrom, coarse, COARSE_NODES);
            int n = fineCount;
            double w = (fineTo - fineFrom) / n;
            for (int p = 0; p < n; p++) {
                panels.add(new double[]{fineFrom + p * w, fineFrom + (p + 1) * w, FINE_NODES});
            }
            addUniform(panels, fineTo, vHi, coarse, COARSE_NODES);
        } else {
            addUniform(panels, vLo, vHi, coarse, COARSE_NODES);
        }
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        int total = 0;
        for (double[] p : panels) {
            total += (int) p[2];
        }
        logT = new double[total];
        weightT = new double[total];
        int j = 0;
        for (double[] p : panels) {
            GaussIntegrator rule = factory.legendre((int) p[2], p[0], p[1]);
            for (int i = 0; i < rule.getNumberOfPoints(); i++) {
                logT[j] = rule.getPoint(i);
                weightT[j] = rule.getWeight(i) * FastMath.exp(logT[j]);
                j++;
            }
        }
        kernel = new double[z.length * total];
        kernelAtTMax = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            double lz = FastMath.log(z[k]);
            for (int i = 0; i < total; i++) {
                double e = theta * (lz - logT[i]);
                kernel[k * total + i] = e > 6.5 ? 0.0 : FastMath.exp(-FastMath.exp(e));
            }
            kernelAtTMax[k] = FastMath.exp(-FastMath.pow(z[k] / T_MAX, theta));
        }
    }

    private static void addUniform(List<double[]> panels, double from, double to, double width, int nodes) {
        if (!(to > from)) {
            return;
        }
        int n = (int) FastMath.ceil((to - from) / width);
        double w = (to - from) / n;
        for (int p = 0; p < n; p++) {
            panels.add(new double[]{from + p * w, from + (p + 1) * w, nodes});
        }
    }

    /**
     * The step-1 z grid: 0.05 to 5 by 0.05 (z = 0 is exact by normalisation).
     *
     * @return the grid
     */
    static double[] standardZ() {
        double[] z = new double[100];
        for (int k = 0; k < z.length; k++) {
            z[k] = 0.05 * (k + 1);
        }
        return z;
    }

    int nodeCount() {
        return logT.length;
    }

    /**
     * S(z_k) - erfc(z_k / sqrt 2) for a density with parameters (alpha, lambda1, lambda2), computed in double.
     *
     * @param alpha   first-term shape
     * @param lambda1 first-term scale
     * @param lambda2 second-term scale
     * @param out     residuals (length z.length)
     */
    void residuals(double alpha, double lambda1, double lambda2, double[] out) {
        double gamma = 1 - secondMassPerLambda2 * lambda2;
        int nt = logT.length;
        double[] v = new double[nt];
        double lnL1 = FastMath.log(lambda1);
        double lnL2 = FastMath.log(lambda2);
        for (int j = 0; j < nt; j++) {
            double rho = FastMath.exp(alpha * (logT[j] - lnL1));
            double t = FastMath.exp(logT[j]);
            double first = gamma * alpha / t * rho * FastMath.exp(-rho);
            double e2 = thetaPrime * (logT[j] - lnL2);
            double second = e2 > 6.5 ? 0.0 : densityAtZero * FastMath.exp(-FastMath.exp(e2));
            v[j] = weightT[j] * (first + second);
        }
        double tail = gamma * FastMath.exp(-FastMath.pow(T_MAX / lambda1, alpha));
        for (int k = 0; k < z.length; k++) {
            double s = 0;
            int row = k * nt;
            for (int j = 0; j < nt; j++) {
                s += kernel[row + j] * v[j];
            }
            out[k] = s + tail * kernelAtTMax[k] - target[k];
        }
    }
}
