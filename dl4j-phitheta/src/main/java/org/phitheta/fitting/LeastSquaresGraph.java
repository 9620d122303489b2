package org.phitheta.fitting;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.phitheta.activation.PhiThetaVariant;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Step 2b, first part, as a SameDiff graph (double precision): the weighted least-squares loss
 * sum_i w_i (phi_q(x_i) - y_i)^2 of the closed form in shape coordinates q ({@link ClosedFormModel}) against the
 * step-2a grid, differentiated by SameDiff:
 * phi_q(x) = e^s T(x) [1 + e^-r ((1 + u e^-lnc)^alpha - 1)] [1 + e^-e ln(1 + u e^-lnf)], with u = |x| and
 * T = tanh(e^lnb x) (odd), u = softplus(x) and T = sigmoid(e^lnb x + h) (positive). Divisions by parameters are
 * written as products with exp(-.) (SameDiff's broadcast division has a wrong gradient, DL4J-NOTES.md).
 */
final class LeastSquaresGraph {

    static final String[] ODD_VARIABLES = {"s", "lnb", "lnc", "r", "lnf", "e"};
    static final String[] POSITIVE_VARIABLES = {"s", "lnb", "lnc", "r", "lnf", "e", "h"};
    private static final String LOSS = "loss";

    private final SameDiff sd;
    private final String[] variables;

    LeastSquaresGraph(ClosedFormModel model, InverseTransformGrid grid) {
        this.sd = SameDiff.create();
        boolean odd = model.variant() == PhiThetaVariant.ODD;
        this.variables = odd ? ODD_VARIABLES : POSITIVE_VARIABLES;
        SDVariable[] q = new SDVariable[variables.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = sd.var(variables[i], Nd4j.scalar(0.0));
        }
        double[] inner = new double[grid.size()];
        for (int i = 0; i < inner.length; i++) {
            inner[i] = odd ? Math.abs(grid.x[i]) : ClosedFormModel.softplus(grid.x[i]);
        }
        SDVariable x = sd.constant("x", Nd4j.createFromArray(grid.x.clone()));
        SDVariable u = sd.constant("u", Nd4j.createFromArray(inner));
        SDVariable y = sd.constant("y", Nd4j.createFromArray(grid.phi.clone()));
        SDVariable w = sd.constant("w", Nd4j.createFromArray(grid.weight.clone()));
        SDVariable bx = x.mul(sd.math.exp(q[ClosedFormModel.LN_B]));
        SDVariable outer = odd ? sd.math.tanh(bx) : sd.nn.sigmoid(bx.add(q[ClosedFormModel.H]));
        SDVariable growth = sd.math.exp(sd.math.log1p(u.mul(sd.math.exp(q[ClosedFormModel.LN_C].neg())))
                .mul(model.alpha())).sub(1.0);
        SDVariable p = growth.mul(sd.math.exp(q[ClosedFormModel.R].neg())).add(1.0);
        SDVariable l = sd.math.log1p(u.mul(sd.math.exp(q[ClosedFormModel.LN_F].neg())))
                .mul(sd.math.exp(q[ClosedFormModel.E].neg())).add(1.0);
        SDVariable phi = outer.mul(p).mul(l).mul(sd.math.exp(q[ClosedFormModel.S]));
        SDVariable diff = phi.sub(y);
        SDVariable loss = diff.mul(diff).mul(w).sum();
        sd.updateVariableNameAndReference(loss, LOSS);
        loss.markAsLoss();
    }

    int dimension() {
        return variables.length;
    }

    /**
     * @param q        shape coordinates
     * @param gradient output: d loss / d q by SameDiff
     * @return the loss
     */
    double evaluate(double[] q, double[] gradient) {
        setVariables(q);
        OutAndGrad result = SameDiffNoiseFilter.quietly(() ->
                sd.calculateGradientsAndOutputs(Collections.emptyMap(), List.of(LOSS), Arrays.asList(variables)));
        Map<String, INDArray> grads = result.getGradients();
        for (int i = 0; i < variables.length; i++) {
            gradient[i] = grads.get(variables[i]).getDouble(0);
        }
        return result.getOutputs().get(LOSS).getDouble(0);
    }

    /**
     * @param q shape coordinates
     * @return the loss (forward pass only)
     */
    double loss(double[] q) {
        setVariables(q);
        return sd.output(Collections.emptyMap(), LOSS).get(LOSS).getDouble(0);
    }

    private void setVariables(double[] q) {
        for (int i = 0; i < variables.length; i++) {
            sd.getVariable(variables[i]).getArr().assign(q[i]);
        }
    }
}
