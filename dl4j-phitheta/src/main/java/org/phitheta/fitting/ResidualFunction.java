package org.phitheta.fitting;

/**
 * A vector of residuals r(q) in R^m of parameters q in R^n, with its Jacobian, for the minimax solver
 * ({@link MinimaxSolver}): minimise max_k |r_k(q)|.
 */
interface ResidualFunction {

    /** @return m, the number of residuals */
    int size();

    /** @return n, the number of parameters */
    int dimension();

    /**
     * @param q        parameters (length n)
     * @param residual output, r(q) (length m)
     * @param jacobian output, row-major dr_k/dq_j at [k * n + j] (length m n), or null when not needed
     */
    void evaluate(double[] q, double[] residual, double[] jacobian);
}
