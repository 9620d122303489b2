package org.phitheta.fitting;

import org.apache.commons.math3.util.FastMath;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The step-1 loss as a SameDiff graph (double precision), differentiated by SameDiff through the quadrature of
 * {@link DensityQuadrature}.
 *
 * <p>Unconstrained variables u = (u0, u1, u2) map into the box: alpha = lo + (hi - lo) sigmoid(u0), and likewise
 * ln lambda1 and ln lambda2; gamma = 1 - c0 Gamma(1 + 1/theta') lambda2 (normalisation). Residuals
 * R_k = S(z_k) - erfc(z_k / sqrt 2); loss = m (mean((R/m)^2p))^(1/2p), a smooth L^2p surrogate of the sup-norm
 * (the scale m, a placeholder, is the previous sup-norm and only keeps the powers in range; p is a placeholder
 * too, annealed upwards).
 */
final class DensityGraph {

    static final String[] VARIABLES = {"u0", "u1", "u2"};
    private static final String LOSS = "loss";
    private static final String RESIDUALS = "residuals";

    private final DensityBox box;
    private final SameDiff sd;

    DensityGraph(DensityQuadrature quad, DensityBox box) {
        this.box = box;
        this.sd = SameDiff.create();
        int nt = quad.logT.length;
        int nz = quad.z.length;
        // the second term vanishes (below exp(-50)) beyond lambda2Max * 50^(1/theta'): keep its exponent finite
        double secondEnd = FastMath.log(box.lambda2Max) + FastMath.log(50) / quad.thetaPrime;
        int n2 = 0;
        while (n2 < nt && quad.logT[n2] <= secondEnd) {
            n2++;
        }
        double[] w1 = new double[nt];
        for (int j = 0; j < nt; j++) {
            w1[j] = quad.weightT[j] / FastMath.exp(quad.logT[j]);   // weight in t divided by t: first term is rho/t
        }
        double[] k2 = new double[nz * n2];
        for (int k = 0; k < nz; k++) {
            System.arraycopy(quad.kernel, k * nt, k2, k * n2, n2);
        }
        SDVariable u0 = sd.var("u0", Nd4j.scalar(0.0));
        SDVariable u1 = sd.var("u1", Nd4j.scalar(0.0));
        SDVariable u2 = sd.var("u2", Nd4j.scalar(0.0));
        SDVariable scale = sd.placeHolder("m", DataType.DOUBLE);
        SDVariable power = sd.placeHolder("p", DataType.DOUBLE);

        SDVariable alpha = sd.nn.sigmoid(u0).mul(box.alphaMax - box.alphaMin).add(box.alphaMin);
        SDVariable lnL1 = sd.nn.sigmoid(u1).mul(box.logLambda1Max - box.logLambda1Min).add(box.logLambda1Min);
        SDVariable lnL2 = sd.nn.sigmoid(u2).mul(FastMath.log(box.lambda2Max / box.lambda2Min))
                .add(FastMath.log(box.lambda2Min));
        SDVariable gamma = sd.math.exp(lnL2).mul(-quad.secondMassPerLambda2).add(1.0);

        SDVariable logT = sd.constant("logT", vector(quad.logT));
        SDVariable rho = sd.math.exp(logT.sub(lnL1).mul(alpha));
        SDVariable first = sd.constant("w1", vector(w1)).mul(rho).mul(sd.math.exp(rho.neg())).mul(alpha).mul(gamma);

        SDVariable logT2 = sd.constant("logT2", vector(Arrays.copyOf(quad.logT, n2)));
        SDVariable w2 = sd.constant("w2", vector(Arrays.copyOf(quad.weightT, n2)).muli(quad.densityAtZero));
        SDVariable second = w2.mul(sd.math.exp(sd.math.exp(logT2.sub(lnL2).mul(quad.thetaPrime)).neg()));

        SDVariable k1 = sd.constant("K1", Nd4j.createFromArray(quad.kernel).reshape(nz, nt));
        SDVariable k2v = sd.constant("K2", Nd4j.createFromArray(k2).reshape(nz, n2));
        SDVariable survival = k1.mmul(first.reshape(nt, 1)).add(k2v.mmul(second.reshape(n2, 1)));
        // closed-form tail of the first term beyond T_MAX, with the kernel at T_MAX
        SDVariable tailMass = gamma.mul(sd.math.exp(sd.math.exp(lnL1.neg().add(FastMath.log(DensityQuadrature.T_MAX))
                .mul(alpha)).neg()));
        survival = survival.add(sd.constant("kTmax", Nd4j.createFromArray(quad.kernelAtTMax).reshape(nz, 1)).mul(tailMass));
        SDVariable residuals = survival.sub(sd.constant("target", Nd4j.createFromArray(quad.target).reshape(nz, 1)));
        sd.updateVariableNameAndReference(residuals, RESIDUALS);
        // x / m written as x * m^-1 (SameDiff's broadcast division has a wrong gradient, DL4J-NOTES.md)
        SDVariable normalised = sd.math.square(residuals.mul(scale.pow(-1.0)));
        SDVariable mean = sd.math.pow(normalised, power).mean();
        SDVariable loss = sd.math.pow(mean, power.mul(2.0).pow(-1.0)).mul(scale);
        sd.updateVariableNameAndReference(loss, LOSS);
        loss.markAsLoss();
    }

    private static INDArray vector(double[] values) {
        return Nd4j.createFromArray(values.clone());
    }

    DensityBox box() {
        return box;
    }

    /** Loss, residuals and gradient at u. */
    static final class Evaluation {
        final double loss;
        final double[] residuals;
        final double[] gradient;

        Evaluation(double loss, double[] residuals, double[] gradient) {
            this.loss = loss;
            this.residuals = residuals;
            this.gradient = gradient;
        }
    }

    /**
     * @param u     unconstrained parameters
     * @param scale m, any positive number (the loss does not depend on it mathematically)
     * @param power p &ge; 1
     * @return loss, residuals and d loss / d u, by SameDiff
     */
    Evaluation evaluate(double[] u, double scale, double power) {
        setVariables(u);
        Map<String, INDArray> placeholders = placeholders(scale, power);
        OutAndGrad result = SameDiffNoiseFilter.quietly(() ->
                sd.calculateGradientsAndOutputs(placeholders, List.of(LOSS, RESIDUALS), List.of(VARIABLES)));
        double[] gradient = new double[VARIABLES.length];
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = result.getGradients().get(VARIABLES[i]).getDouble(0);
        }
        return new Evaluation(result.getOutputs().get(LOSS).getDouble(0),
                result.getOutputs().get(RESIDUALS).dup().data().asDouble(), gradient);
    }

    /**
     * @param u     unconstrained parameters
     * @param scale m
     * @param power p
     * @return the loss only (forward pass)
     */
    double loss(double[] u, double scale, double power) {
        setVariables(u);
        return sd.output(placeholders(scale, power), LOSS).get(LOSS).getDouble(0);
    }

    private void setVariables(double[] u) {
        for (int i = 0; i < VARIABLES.length; i++) {
            sd.getVariable(VARIABLES[i]).getArr().assign(u[i]);
        }
    }

    private static Map<String, INDArray> placeholders(double scale, double power) {
        Map<String, INDArray> placeholders = new HashMap<>();
        placeholders.put("m", Nd4j.scalar(scale));
        placeholders.put("p", Nd4j.scalar(power));
        return placeholders;
    }
}
