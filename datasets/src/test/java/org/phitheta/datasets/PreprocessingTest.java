package org.phitheta.datasets;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessingTest {

    private static final int D = 20;
    private static final int CONSTANT_FEATURE = 7;

    /** n random 8-bit images of 4 x 5, feature 7 always 42 (constant), label i mod 2. */
    private static ImageDataset random(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % D == CONSTANT_FEATURE ? 42f : rng.nextInt(256);
        }
        return ImageDataset.builder().name("r" + seed).features(x).labels(TestFiles.cyclicLabels(n, 2))
                .geometry(4, 5, 1).classNames(List.of("a", "b")).build();
    }

    @Test
    void unitIntervalDividesBy255() {
        ImageDataset raw = random(30, 1);
        ImageDataset scaled = Preprocessing.UNIT_INTERVAL.fit(raw).apply(raw);
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < D; j++) {
                float v = scaled.feature(i, j);
                assertTrue(v >= 0f && v <= 1f);
                // one float division: correctly rounded, so equal to (float) (x / 255) up to 1 ulp
                assertEquals(raw.feature(i, j) / 255.0, v, Math.ulp(1f));
            }
        }
        assertEquals(raw.name(), scaled.name());
        assertEquals(42f, raw.feature(0, CONSTANT_FEATURE), 0f, "input untouched");
    }

    @Test
    void standardisationUsesTrainingStatisticsOnlyAndKeepsConstantFeaturesFinite() {
        ImageDataset train = random(500, 2);
        ImageDataset test = random(100, 3);
        // make the constant feature differ on the test split: it must still come out finite
        float[] tx = test.featuresArray();
        tx[CONSTANT_FEATURE] = 200f;
        test = ImageDataset.builder().features(tx).labels(test.labels()).geometry(4, 5, 1)
                .classNames(test.classNames()).build();
        FittedPreprocessing pre = Preprocessing.builder().scaleToUnitInterval(true).standardize(true).build()
                .fit(train);
        ImageDataset trainS = pre.apply(train);
        ImageDataset testS = pre.apply(test);
        // Tolerance: values are float (relative rounding ~6e-8 per op); the mean of 500 values of magnitude <= 2
        // and the variance are accurate to ~1e-6, so 1e-5 leaves a wide margin while catching any real error.
        for (int j = 0; j < D; j++) {
            double s = 0;
            double ss = 0;
            for (int i = 0; i < 500; i++) {
                s += trainS.feature(i, j);
                ss += (double) trainS.feature(i, j) * trainS.feature(i, j);
            }
            double mean = s / 500;
            double var = ss / 500 - mean * mean;
            assertEquals(0.0, mean, 1e-5, "train mean of feature " + j);
            assertEquals(j == CONSTANT_FEATURE ? 0.0 : 1.0, var, 1e-5, "train variance of feature " + j);
        }
        assertEquals(1f, pre.std().orElseThrow()[CONSTANT_FEATURE], 0f, "std = 1 for a constant feature");
        assertEquals(0f, trainS.feature(3, CONSTANT_FEATURE), 1e-7f);
        // test split: (x/255 - trainMean) / trainStd, computed here in double from the training data
        double m = 0;
        double q = 0;
        for (int i = 0; i < 500; i++) {
            m += train.feature(i, 4) / 255.0;
        }
        m /= 500;
        for (int i = 0; i < 500; i++) {
            q += Math.pow(train.feature(i, 4) / 255.0 - m, 2);
        }
        double sd = Math.sqrt(q / 500);
        for (int i = 0; i < 100; i++) {
            double expected = (test.feature(i, 4) / 255.0 - m) / sd;
            assertEquals(expected, testS.feature(i, 4), 1e-5, "test value " + i); // float result of |v| <= ~2
            double expectedConst = 200.0 / 255 - 42.0 / 255;
            if (i == 0) {
                assertEquals(expectedConst, testS.feature(0, CONSTANT_FEATURE), 1e-6);
            }
        }
        // the DL4J normalizer built from the same statistics gives the same numbers
        NormalizerStandardize ns = pre.toNormalizerStandardize().orElseThrow();
        INDArray f = test.features().divi(255.0);
        ns.transform(f);
        assertEquals(testS.feature(5, 4), f.getFloat(5, 4), 1e-6f);
        assertEquals(testS.feature(0, CONSTANT_FEATURE), f.getFloat(0, CONSTANT_FEATURE), 1e-6f);
    }

    @Test
    void unitMeanSquareGivesEveryRowMeanSquareOne() {
        ImageDataset train = random(200, 4);
        ImageDataset test = random(50, 5);
        FittedPreprocessing pre = Preprocessing.builder().scaleToUnitInterval(true).standardize(true)
                .unitMeanSquare(true).build().fit(train);
        for (ImageDataset ds : List.of(pre.apply(train), pre.apply(test))) {
            for (int i = 0; i < ds.size(); i++) {
                double ms = 0;
                for (int j = 0; j < D; j++) {
                    ms += (double) ds.feature(i, j) * ds.feature(i, j);
                }
                ms /= D;
                // Tolerance 1e-5: the scale factor is computed in double, then each value is rounded once to float
                // (relative error <= 6e-8), so the mean square is 1 to ~1.2e-7; 1e-5 is the contract we promise.
                assertEquals(1.0, ms, 1e-5, ds.name() + " row " + i);
            }
        }
        // direction is kept: the ratio of two features of a row is unchanged by the row scaling
        ImageDataset raw = random(3, 6);
        ImageDataset ms = Preprocessing.builder().unitMeanSquare(true).build().fit(raw).apply(raw);
        assertEquals(raw.feature(1, 3) / raw.feature(1, 9), ms.feature(1, 3) / ms.feature(1, 9), 1e-5);
    }

    @Test
    void allZeroRowIsAClearErrorNotNaN() {
        float[] x = new float[3 * D];
        for (int j = 0; j < D; j++) {
            x[j] = 1f;
            x[2 * D + j] = 2f;
        }
        ImageDataset data = ImageDataset.builder().name("zeros").features(x).labels(new int[]{0, 1, 0})
                .geometry(4, 5, 1).classNames(List.of("a", "b")).build();
        FittedPreprocessing pre = Preprocessing.builder().unitMeanSquare(true).build().fit(data);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pre.apply(data));
        assertEquals("zeros: row 1 has ||x||_2 = 0.0 (all zeros): cannot scale it to ||x||^2/n = 1", e.getMessage());
        // as a DataSetPreProcessor on a batch
        DataSet batch = data.toDataSet();
        assertThrows(IllegalArgumentException.class, () -> pre.preProcess(batch));
    }

    @Test
    void preProcessorOnBatchesEqualsApplyOnWholeSet() {
        ImageDataset train = random(64, 7);
        FittedPreprocessing pre = Preprocessing.builder().scaleToUnitInterval(true).standardize(true)
                .unitMeanSquare(true).build().fit(train);
        ImageDataset whole = pre.apply(train);
        ImageDataSetIterator it = train.iterator(10);
        it.setPreProcessor(pre);
        int row = 0;
        while (it.hasNext()) {
            INDArray f = it.next().getFeatures();
            for (int r = 0; r < f.size(0); r++, row++) {
                for (int j = 0; j < D; j++) {
                    assertEquals(whole.feature(row, j), f.getFloat(r, j), 0f, "same ops, same float results");
                }
            }
        }
        assertEquals(64, row);
        assertThrows(IllegalArgumentException.class, () -> pre.transform(org.nd4j.linalg.factory.Nd4j.zeros(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> Preprocessing.builder().pixelMax(0).build());
        assertEquals("Preprocessing[x/255.0, standardize(train stats), ||x||^2/n=1]", pre.config().toString());
    }
}
