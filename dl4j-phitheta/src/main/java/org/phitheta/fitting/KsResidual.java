package org.phitheta.fitting;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.FastMath;
import org.phitheta.activation.PhiThetaVariant;

import java.util.Arrays;

/**
 * The end-to-end survival gap of W phi(X) on a grid of z, as residuals of the closed-form shape coordinates q:
 * r_k(q) = P(|W phi_q(X)| &gt; z_k) - erfc(z_k / sqrt 2), with P(|W phi(X)| &gt; z) = E_X[exp(-(z / |phi(X)|)^theta)];
 * KS(theta, phi) = 1/2 sup_z |r(z)|. The Jacobian is exact (chain rule through the closed form,
 * d/dphi exp(-(z/phi)^theta) = theta (z/phi)^theta exp(-(z/phi)^theta) / phi).
 *
 * <p>Quadrature over x, sized for theta: the kernel switches from 0 to 1 where phi(x) crosses z, over a relative
 * width of about 1/theta, so the panels are min(0.1, 1/theta) wide (10 Gauss-Legendre nodes each); for the odd
 * variant only x &gt; 0 is integrated (phi is odd, so |phi| is even), on panels uniform in ln x below 1 (where
 * phi(x) ~ x makes the switch sharp in x) and uniform in x above; the positive variant uses uniform panels on
 * [-8, 8]. Mass beyond |x| = 8 is 1.2e-15. Kernel values within 1e-12 of 1 or below 3e-17 are not computed
 * (banding), which is what makes an evaluation cost milliseconds. The error against
 * {@link org.phitheta.gaussianity.GaussianityDefect} is checked in the tests.
 */
final class KsResidual implements ResidualFunction {

    /**
     * The extra residual MOMENT_WEIGHT sgn(dev) max(0, |dev| - MOMENT_TOLERANCE), dev = E[phi^2] Gamma(1 + 2/theta) - 1:
     * free within 0.6%, then a relative error of 1% in the second moment counts like a survival gap of 0.002
     * (KS 0.001), so the minimax keeps E[phi^2] within about 1% without spending KS on it.
     */
    static final double MOMENT_WEIGHT = 0.5;
    static final double MOMENT_TOLERANCE = 0.006;
    private static final double X_MAX = 8.0;
    private static final double X_MIN_ODD = 1e-4;
    private static final int NODES_PER_PANEL = 10;
    /** ln of the kernel exponent e = (z/phi)^theta below which K = exp(-e) is taken as 1 (e &lt; 1e-12). */
    private static final double LOG_E_ONE = FastMath.log(1e-12);
    /** ln of the kernel exponent above which K is taken as 0 (e &gt; 38, K &lt; 3.2e-17). */
    private static final double LOG_E_ZERO = FastMath.log(38.0);

    private final ClosedFormModel model;
    private final double theta;
    private final double[] z;
    private final double[] logZ;
    private final double[] zPowTheta;
    private final boolean powerForm;
    private final double[] target;
    private final double[] nodes;
    private final double[] weights;
    private final double momentTarget;

    /**
     * @param model the closed form
     * @param z     thresholds, ascending, &gt; 0
     */
    KsResidual(ClosedFormModel model, double[] z) {
        this.model = model;
        this.theta = model.theta();
        this.z = z.clone();
        for (int k = 0; k < z.length; k++) {
            if (!(z[k] > 0) || (k > 0 && !(z[k] > z[k - 1]))) {
                throw new IllegalArgumentException("z grid must be positive and ascending");
            }
        }
        logZ = new double[z.length];
        zPowTheta = new double[z.length];
        powerForm = theta <= 60 && z[0] >= 1e-3;
        target = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            logZ[k] = FastMath.log(z[k]);
            zPowTheta[k] = FastMath.exp(theta * logZ[k]);
            target[k] = Erf.erfc(z[k] / FastMath.sqrt(2.0));
        }
        momentTarget = org.phitheta.distribution.Theta.targetSecondMoment(theta);
        double h = FastMath.min(0.1, 1.0 / theta);
        double[][] nw = model.variant() == PhiThetaVariant.ODD ? oddNodes(h) : positiveNodes(h);
        nodes = nw[0];
        weights = nw[1];
    }

    /**
     * The default z grid: geometric from 0.001 to 0.1 (ratio 1.25), then 0.1 to 6.5 by 0.03 (beyond 6.5 both survival functions
     * are below 1e-10; the small z catch a supremum near 0, which the positive variant can have).
     *
     * @param model the closed form
     * @return the residual function
     */
    static KsResidual standard(ClosedFormModel model) {
        java.util.List<Double> grid = new java.util.ArrayList<>();
        for (double zk = 0.001; zk < 0.1; zk *= 1.25) {
            grid.add(zk);
        }
        for (double zk = 0.1; zk <= 6.5; zk += 0.03) {
            grid.add(zk);
        }
        return new KsResidual(model, grid.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double[][] oddNodes(double h) {
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        double logLo = FastMath.log(X_MIN_ODD);
        int logPanels = (int) FastMath.ceil(-logLo / h);
        int linPanels = (int) FastMath.ceil((X_MAX - 1.0) / h);
        int total = (logPanels + linPanels) * NODES_PER_PANEL;
        double[] x = new double[total];
        double[] w = new double[total];
        int k = 0;
        double logWidth = -logLo / logPanels;
        for (int p = 0; p < logPanels; p++) {
            GaussIntegrator rule = factory.legendre(NODES_PER_PANEL, logLo + p * logWidth, logLo + (p + 1) * logWidth);
            for (int i = 0; i < NODES_PER_PANEL; i++) {
                double xi = FastMath.exp(rule.getPoint(i));
                x[k] = xi;
                w[k] = 2 * rule.getWeight(i) * xi * normalDensity(xi);  // dx = x d(ln x); both signs of x
                k++;
            }
        }
        double linWidth = (X_MAX - 1.0) / linPanels;
        for (int p = 0; p < linPanels; p++) {
            GaussIntegrator rule = factory.legendre(NODES_PER_PANEL, 1.0 + p * linWidth, 1.0 + (p + 1) * linWidth);
            for (int i = 0; i < NODES_PER_PANEL; i++) {
                double xi = rule.getPoint(i);
                x[k] = xi;
                w[k] = 2 * rule.getWeight(i) * normalDensity(xi);
                k++;
            }
        }
        return new double[][]{x, w};
    }

    private static double[][] positiveNodes(double h) {
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        int panels = (int) FastMath.ceil(2 * X_MAX / h);
        double width = 2 * X_MAX / panels;
        double[] x = new double[panels * NODES_PER_PANEL];
        double[] w = new double[x.length];
        int k = 0;
        for (int p = 0; p < panels; p++) {
            GaussIntegrator rule = factory.legendre(NODES_PER_PANEL, -X_MAX + p * width, -X_MAX + (p + 1) * width);
            for (int i = 0; i < NODES_PER_PANEL; i++) {
                x[k] = rule.getPoint(i);
                w[k] = rule.getWeight(i) * normalDensity(x[k]);
                k++;
            }
        }
        return new double[][]{x, w};
    }

    private static double normalDensity(double x) {
        return FastMath.exp(-0.5 * x * x) / FastMath.sqrt(2 * FastMath.PI);
    }

    ClosedFormModel model() {
        return model;
    }

    /** @return the z grid */
    double[] z() {
        return z.clone();
    }

    /** @return number of quadrature nodes */
    int nodeCount() {
        return nodes.length;
    }

    /** @return the number of z points plus one (the second-moment residual, last) */
    @Override
    public int size() {
        return z.length + 1;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public void evaluate(double[] q, double[] residual, double[] jacobian) {
        int n = model.dimension();
        int m = z.length;
        double[] full = new double[m + 1];   // full[k]: weight of nodes whose kernel is 1 for every z index < k
        Arrays.fill(residual, 0.0);
        if (jacobian != null) {
            Arrays.fill(jacobian, 0.0);
        }
        double[] grad = new double[n];
        double moment = 0;
        double[] momentGrad = new double[n];
        for (int i = 0; i < nodes.length; i++) {
            double phi = model.evaluate(q, nodes[i], jacobian == null ? null : grad);
            moment += weights[i] * phi * phi;
            if (jacobian != null) {
                for (int j = 0; j < n; j++) {
                    momentGrad[j] += 2 * weights[i] * phi * grad[j];
                }
            }
            if (!(phi > 0)) {
                if (phi == 0) {
                    continue;           // kernel 0 for every z > 0
                }
                Arrays.fill(residual, Double.NaN);   // outside the family's valid range: the solver rejects it
                return;
            }
            double logPhi = FastMath.log(phi);
            double phiPowMinusTheta = Math.exp(-theta * logPhi);
            double lo = logPhi + LOG_E_ONE / theta;    // below: kernel 1
            double hi = logPhi + LOG_E_ZERO / theta;   // above: kernel 0
            int kLo = lowerIndex(lo);
            int kHi = lowerIndex(hi);                   // first index with logZ >= hi
            full[kLo] += weights[i];
            for (int k = kLo; k < kHi; k++) {
                // (z/phi)^theta; the product of powers cannot overflow for theta <= 60 and z, phi >= 1e-3 in band
                double e = powerForm ? zPowTheta[k] * phiPowMinusTheta : Math.exp(theta * (logZ[k] - logPhi));
                double kernel = Math.exp(-e);
                residual[k] += weights[i] * kernel;
                if (jacobian != null) {
                    double coefficient = weights[i] * kernel * theta * e / phi;
                    int row = k * n;
                    for (int j = 0; j < n; j++) {
                        jacobian[row + j] += coefficient * grad[j];
                    }
                }
            }
        }
        // nodes with kLo > k contribute their full weight to z_k
        double suffix = 0;
        for (int k = m - 1; k >= 0; k--) {
            suffix += full[k + 1];
            residual[k] += suffix - target[k];
        }
        double deviation = moment / momentTarget - 1;
        double excess = FastMath.max(0, FastMath.abs(deviation) - MOMENT_TOLERANCE);
        residual[m] = MOMENT_WEIGHT * FastMath.signum(deviation) * excess;
        if (jacobian != null) {
            for (int j = 0; j < n; j++) {
                jacobian[m * n + j] = excess > 0 ? MOMENT_WEIGHT * momentGrad[j] / momentTarget : 0.0;
            }
        }
    }

    /** @return the first index k with logZ[k] &ge; value (m if none) */
    private int lowerIndex(double value) {
        int idx = Arrays.binarySearch(logZ, value);
        return idx >= 0 ? idx : -idx - 1;
    }

    /**
     * @param q coordinates
     * @return E[phi_q(X)^2] with these quadrature nodes (the tail beyond |x| = 8 is below 1e-13 for every phi_theta)
     */
    double secondMoment(double[] q) {
        double sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            double v = model.value(q, nodes[i]);
            sum += weights[i] * v * v;
        }
        return sum;
    }

    /**
     * @param q coordinates
     * @return 1/2 max_k |r_k(q)|, the grid estimate of KS
     */
    double ks(double[] q) {
        double[] r = new double[size()];
        evaluate(q, r, null);
        double max = 0;
        for (int k = 0; k < z.length; k++) {
            max = FastMath.max(max, FastMath.abs(r[k]));
        }
        return 0.5 * max;
    }
}
