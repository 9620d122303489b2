package org.phitheta.experiment;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast KS statistic and normal CDF against Commons Math. */
class KsTest {

    @Test
    void normalCdfMatchesErfcEverywhere() {
        double worst = 0;
        for (double x = -12; x <= 12; x += 0.0007) {
            double exact = 0.5 * Erf.erfc(-x / Math.sqrt(2));
            worst = Math.max(worst, Math.abs(NormalCdf.cdf(x) - exact));
        }
        // cubic Hermite on a 1/256 grid: error ~ h^4/384 * max|Phi''''| ~ 1e-13; 1e-11 leaves room for rounding
        assertTrue(worst < 1e-11, "max error " + worst);
        assertEquals(0.5, NormalCdf.cdf(0), 1e-15);
    }

    @Test
    void statisticMatchesCommonsMathExactly() {
        KolmogorovSmirnovTest commons = new KolmogorovSmirnovTest();
        Random rnd = new Random(7);
        for (int trial = 0; trial < 4; trial++) {
            int n = 1000 + 3000 * trial;
            float[] x = new float[n];
            double[] xd = new double[n];
            for (int i = 0; i < n; i++) {
                // trial 3: a ReLU-like sample with an atom at 0 (ties)
                double v = trial == 3 ? Math.max(0, rnd.nextGaussian()) : 0.1 * trial + (1 + 0.05 * trial) * rnd.nextGaussian();
                x[i] = (float) v;
                xd[i] = x[i];
            }
            double ours = Ks.toNormal(x, 0, 1);
            double theirs = commons.kolmogorovSmirnovStatistic(new NormalDistribution(new Well19937c(1), 0, 1), xd);
            // same sample, same sup: the only difference is the CDF evaluation (< 1e-11 apart)
            assertEquals(theirs, ours, 1e-9, "trial " + trial);
        }
    }

    @Test
    void statisticAgainstAFittedNormalIgnoresLocationAndScale() {
        Random rnd = new Random(3);
        float[] x = new float[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (5 + 3 * rnd.nextGaussian());
        }
        float[] copy = x.clone();
        double shapeOnly = Ks.toNormal(x, 5, 3);
        double toStandard = Ks.toNormal(copy, 0, 1);
        // an i.i.d. normal sample: below the 1% critical value 1.63/sqrt(n) = 0.0115
        assertTrue(shapeOnly < Ks.noiseBound1Percent(x.length), "KS " + shapeOnly);
        double exact = 0;
        for (double z = -10; z <= 20; z += 1e-4) {
            exact = Math.max(exact, Math.abs(NormalCdf.cdf((z - 5) / 3) - NormalCdf.cdf(z)));
        }
        // the distance between N(5, 9) and N(0, 1) is ~0.818, and the sample's statistic is within the 1% noise bound
        assertEquals(exact, toStandard, Ks.noiseBound1Percent(x.length));
    }

    @Test
    void momentsOfASample() {
        Random rnd = new Random(11);
        float[] x = new float[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.exp(rnd.nextGaussian() * 0.5); // log-normal, sigma = 0.5
        }
        Moments m = Moments.of(x);
        double s2 = 0.25;
        double mean = Math.exp(s2 / 2);
        double var = (Math.exp(s2) - 1) * Math.exp(s2);
        double skew = (Math.exp(s2) + 2) * Math.sqrt(Math.exp(s2) - 1);
        // n = 200,000: the sd of the sample mean is sqrt(var/n) = 0.0013; of the skewness ~0.02 for this law
        assertEquals(mean, m.mean(), 0.006);
        assertEquals(var, m.variance(), 0.01);
        assertEquals(skew, m.skewness(), 0.1);
    }
}
