package org.phitheta.fitting;

import org.apache.commons.math3.util.FastMath;
import org.phitheta.distribution.QThetaDensity;
import org.phitheta.distribution.Theta;

/**
 * Where the step-1 parameters may go: alpha in [0.75, 12], lambda1 in [0.2, 3], lambda2 in a box inside
 * (0, maxLambda2] around the starting value (narrower when theta' is large, so that the quadrature's fine panels stay
 * few and exp(theta' (ln t - ln lambda2)) stays finite), and the map between them and unconstrained coordinates
 * (sigmoids), used by the SameDiff graph and the Java polish alike.
 */
final class DensityBox {

    final double alphaMin = 0.75;
    final double alphaMax = 12.0;
    final double logLambda1Min = FastMath.log(0.2);
    final double logLambda1Max = FastMath.log(3.0);
    final double lambda2Min;
    final double lambda2Max;

    DensityBox(double theta, double lambda2Start) {
        double thetaPrime = Theta.thetaPrime(theta);
        double max = QThetaDensity.maxLambda2(theta);
        double halfWidth = FastMath.min(1.0, 300.0 / thetaPrime);
        double start = FastMath.min(lambda2Start, 0.95 * max);
        this.lambda2Max = FastMath.min(max, start * FastMath.exp(halfWidth));
        this.lambda2Min = FastMath.max(0.05, start * FastMath.exp(-halfWidth));
    }

    static double sigmoid(double x) {
        return 1 / (1 + FastMath.exp(-x));
    }

    static double logit(double p) {
        return FastMath.log(p / (1 - p));
    }

    /** @return (alpha, lambda1, lambda2) for unconstrained u */
    double[] natural(double[] u) {
        return new double[]{
                alphaMin + (alphaMax - alphaMin) * sigmoid(u[0]),
                FastMath.exp(logLambda1Min + (logLambda1Max - logLambda1Min) * sigmoid(u[1])),
                lambda2Min * FastMath.exp(FastMath.log(lambda2Max / lambda2Min) * sigmoid(u[2]))};
    }

    /** @return unconstrained u for (alpha, lambda1, lambda2), moved strictly inside the box */
    double[] unconstrained(double alpha, double lambda1, double lambda2) {
        return new double[]{
                logit(inside((alpha - alphaMin) / (alphaMax - alphaMin))),
                logit(inside((FastMath.log(lambda1) - logLambda1Min) / (logLambda1Max - logLambda1Min))),
                logit(inside(FastMath.log(lambda2 / lambda2Min) / FastMath.log(lambda2Max / lambda2Min)))};
    }

    private static double inside(double p) {
        return FastMath.max(1e-6, FastMath.min(1 - 1e-6, p));
    }

    /** @return box of the polish coordinates (alpha, ln lambda1, ln lambda2): lower bounds */
    double[] polishLower() {
        return new double[]{alphaMin, logLambda1Min, FastMath.log(lambda2Min)};
    }

    /** @return box of the polish coordinates (alpha, ln lambda1, ln lambda2): upper bounds */
    double[] polishUpper() {
        return new double[]{alphaMax, logLambda1Max, FastMath.log(lambda2Max)};
    }
}
