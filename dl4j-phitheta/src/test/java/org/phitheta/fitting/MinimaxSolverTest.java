package org.phitheta.fitting;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MinimaxSolverTest {

    @Test
    void findsTheBestUniformLinearApproximationOfExp() {
        // min_{a,b} max_{x in [0,1]} |e^x - a - b x|: b = e - 1, a = (1 + (e - 1)(1 - ln(e - 1))) / 2,
        // error E = 1 - a = 0.105933...; on a grid of 201 points the discrete optimum equals it to ~1e-6
        double[] x = new double[201];
        for (int k = 0; k < x.length; k++) {
            x[k] = k / 200.0;
        }
        ResidualFunction f = new ResidualFunction() {
            @Override
            public int size() {
                return x.length;
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void evaluate(double[] q, double[] residual, double[] jacobian) {
                for (int k = 0; k < x.length; k++) {
                    residual[k] = Math.exp(x[k]) - q[0] - q[1] * x[k];
                    if (jacobian != null) {
                        jacobian[2 * k] = -1;
                        jacobian[2 * k + 1] = -x[k];
                    }
                }
            }
        };
        double e = Math.E - 1;
        double a = (1 + e * (1 - Math.log(e))) / 2;
        MinimaxSolver.Result r = new MinimaxSolver(f, new double[]{-10, -10}, new double[]{10, 10})
                .minimize(new double[]{0, 0}, 100, () -> false);
        assertEquals(1 - a, r.value, 1e-5);
        assertEquals(e, r.point[1], 1e-3);
        assertEquals(a, r.point[0], 1e-3);
    }

    @Test
    void respectsTheBox() {
        ResidualFunction f = new ResidualFunction() {
            @Override
            public int size() {
                return 1;
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void evaluate(double[] q, double[] residual, double[] jacobian) {
                residual[0] = q[0] - 5;   // optimum at 5, outside the box [0, 2]
                if (jacobian != null) {
                    jacobian[0] = 1;
                }
            }
        };
        MinimaxSolver.Result r = new MinimaxSolver(f, new double[]{0}, new double[]{2}).minimize(new double[]{0.5}, 50, () -> false);
        assertEquals(2.0, r.point[0], 1e-12);
        assertEquals(3.0, r.value, 1e-12);
    }
}
