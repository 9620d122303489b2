package org.phitheta.experiment;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** ND4J helpers shared by the experiments. */
final class Nd4jOps {

    /** Experiments compute in float32: Monte-Carlo noise dominates rounding by orders of magnitude. */
    static final DataType TYPE = DataType.FLOAT;

    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .build();

    private Nd4jOps() {
    }

    /**
     * Applies an activation in place. The temporaries of composite activations (phi_theta) live in a workspace, one
     * per array length: allocating them off-heap at every call would cost several times the arithmetic.
     *
     * @param activation the activation
     * @param x          pre-activations, overwritten by the activations
     */
    static void applyInPlace(IActivation activation, INDArray x) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE,
                "phitheta-act-" + x.length())) {
            INDArray r = activation.getActivation(x, false);
            if (r != x) {
                x.assign(r);
            }
        }
    }

    /** Frees the workspaces of the calling thread. */
    static void releaseWorkspaces() {
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
    }

    /**
     * Draws the two ingredients of symmetric Weibull weights: W(theta, 1) = sign * exp(logE / theta) with E ~ Exp(1),
     * so that one draw serves every theta (common random numbers across theta).
     *
     * @param rows    rows
     * @param columns columns
     * @return {sign (+-1), log E}
     */
    static INDArray[] weibullBase(long rows, long columns) {
        // E = -ln(1 - U) with U uniform in [0, 1): 1 - U is in (0, 1] exactly in float, so E is finite (at most
        // about 16 on the float grid of U: the Exp(1) tail beyond has probability 1e-7). The sign is an independent
        // fair coin (Bernoulli(1/2) * 2 - 1, never 0). Taking both from one V = 2U - 1 would be cheaper but V = 0
        // occurs on the float grid and gives an infinite weight.
        INDArray logE = Nd4j.rand(TYPE, rows, columns).rsubi(1.0);
        Transforms.log(logE, false).negi();   // E ~ Exp(1)
        Transforms.log(logE, false);          // log E (may be -inf where E = 0: weight 0)
        INDArray sign = Nd4j.getExecutioner().exec(new BernoulliDistribution(
                Nd4j.createUninitialized(TYPE, rows, columns), 0.5));
        sign.muli(2.0).subi(1.0);
        return new INDArray[]{sign, logE};
    }

    /**
     * @param sign  signs from {@link #weibullBase}
     * @param logE  log E from {@link #weibullBase}
     * @param theta shape
     * @return W(theta, 1) draws: sign * E^(1/theta)
     */
    static INDArray weibull(INDArray sign, INDArray logE, double theta) {
        return Transforms.exp(logE.div(theta), false).muli(sign);
    }
}
