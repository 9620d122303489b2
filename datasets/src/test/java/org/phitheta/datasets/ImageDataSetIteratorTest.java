package org.phitheta.datasets;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDataSetIteratorTest {

    /** n images of 2 x 3, feature j of image i = 10 * i + j (so each row identifies its image), label i mod 3. */
    static ImageDataset numbered(int n) {
        float[] x = new float[n * 6];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                x[i * 6 + j] = 10 * i + j;
            }
        }
        return ImageDataset.builder().name("numbered").features(x).labels(TestFiles.cyclicLabels(n, 3))
                .geometry(2, 3, 1).classNames(List.of("a", "b", "c")).build();
    }

    /** Reads back which images a batch holds, from feature 0 = 10 * index. */
    private static int[] indices(DataSet ds) {
        INDArray f = ds.getFeatures();
        int[] idx = new int[(int) f.size(0)];
        for (int r = 0; r < idx.length; r++) {
            idx[r] = Math.round(f.getFloat(r, 0) / 10f);
        }
        return idx;
    }

    private static int[] epoch(ImageDataSetIterator it) {
        List<Integer> seen = new ArrayList<>();
        while (it.hasNext()) {
            for (int i : indices(it.next())) {
                seen.add(i);
            }
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void batchesInFileOrderWithOneHotLabelsAndSmallerLastBatch() {
        ImageDataSetIterator it = numbered(10).iterator(4);
        assertEquals(6, it.inputColumns());
        assertEquals(3, it.totalOutcomes());
        assertEquals(10, it.totalExamples());
        assertEquals(3, it.batchesPerEpoch());
        assertEquals(List.of("a", "b", "c"), it.getLabels());
        assertTrue(it.resetSupported());
        List<Long> sizes = new ArrayList<>();
        int row = 0;
        while (it.hasNext()) {
            DataSet ds = it.next();
            assertEquals(DataType.FLOAT, ds.getFeatures().dataType());
            assertArrayEquals(new long[]{ds.numExamples(), 6}, ds.getFeatures().shape());
            assertArrayEquals(new long[]{ds.numExamples(), 3}, ds.getLabels().shape());
            for (int r = 0; r < ds.numExamples(); r++, row++) {
                assertEquals(10f * row + 5, ds.getFeatures().getFloat(r, 5), 0f);
                for (int c = 0; c < 3; c++) {
                    assertEquals(c == row % 3 ? 1f : 0f, ds.getLabels().getFloat(r, c), 0f);
                }
            }
            sizes.add((long) ds.numExamples());
        }
        assertEquals(List.of(4L, 4L, 2L), sizes);
        assertThrows(NoSuchElementException.class, it::next);
        it.reset();
        assertEquals(0, indices(it.next(3))[0]);
    }

    @Test
    void shufflingIsAPermutationDeterminedBySeedAndEpoch() {
        ImageDataset data = numbered(50);
        ImageDataSetIterator a = data.shuffledIterator(7, 42L);
        ImageDataSetIterator b = data.shuffledIterator(7, 42L);
        ImageDataSetIterator c = data.shuffledIterator(7, 43L);
        int[] a0 = epoch(a);
        int[] b0 = epoch(b);
        int[] c0 = epoch(c);
        assertArrayEquals(a0, b0, "same seed, same order");
        assertFalse(Arrays.equals(a0, c0), "another seed, another order");
        int[] sorted = a0.clone();
        Arrays.sort(sorted);
        int[] identity = new int[50];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, sorted, "every image exactly once per epoch");
        assertFalse(Arrays.equals(identity, a0), "shuffled");

        a.reset();
        assertEquals(1, a.epoch());
        int[] a1 = epoch(a);
        assertFalse(Arrays.equals(a0, a1), "a new order each epoch");
        b.reset();
        assertArrayEquals(a1, epoch(b), "epoch 1 is reproducible too");
        // labels follow their images through the shuffle
        ImageDataSetIterator d = data.shuffledIterator(50, 42L);
        DataSet all = d.next();
        int[] idx = indices(all);
        for (int r = 0; r < 50; r++) {
            assertEquals(1f, all.getLabels().getFloat(r, idx[r] % 3), 0f);
        }
    }

    @Test
    void resetBeforeFirstBatchKeepsEpochZero() {
        ImageDataset data = numbered(20);
        ImageDataSetIterator fresh = data.shuffledIterator(5, 7L);
        int[] expected = epoch(data.shuffledIterator(5, 7L));
        fresh.reset();
        fresh.reset();
        assertEquals(0, fresh.epoch());
        assertArrayEquals(expected, epoch(fresh));
    }

    @Test
    void preProcessorIsAppliedToEachBatch() {
        ImageDataSetIterator it = numbered(5).iterator(2);
        it.setPreProcessor(Preprocessing.UNIT_INTERVAL.fit(numbered(5)));
        DataSet ds = it.next();
        assertEquals(13f / 255f, ds.getFeatures().getFloat(1, 3), 1e-7f); // float division x / 255
        assertEquals(1f, ds.getLabels().getFloat(1, 1), 0f);
    }

    @Test
    void badArgumentsAreRejected() {
        ImageDataset data = numbered(3);
        assertThrows(IllegalArgumentException.class, () -> data.iterator(0));
        assertThrows(IllegalArgumentException.class, () -> data.iterator(2).next(0));
        ImageDataset empty = data.select(new int[0]);
        assertEquals(0, empty.size());
        assertThrows(IllegalArgumentException.class, () -> empty.iterator(2));
    }

    @Test
    void imageDatasetIsImmutableAndChecked() {
        float[] x = new float[12];
        int[] y = {0, 1};
        ImageDataset ds = ImageDataset.builder().features(x).labels(y).geometry(2, 3, 1)
                .classNames(List.of("a", "b")).build();
        x[0] = 99f;
        y[0] = 1;
        assertEquals(0f, ds.feature(0, 0), 0f, "builder copies");
        assertEquals(0, ds.label(0));
        ds.labels()[0] = 1;
        ds.featuresArray()[0] = 5f;
        ds.features().putScalar(0, 0, 7f);
        assertEquals(0, ds.label(0), "accessors return copies");
        assertEquals(0f, ds.feature(0, 0), 0f);
        assertArrayEquals(new int[]{1, 1}, ds.classCounts());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ImageDataset.builder()
                .name("z").features(new float[12]).labels(new int[]{0, 2}).geometry(2, 3, 1)
                .classNames(List.of("a", "b")).build());
        assertEquals("z: label 2 at index 1 is out of range [0, 2)", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageDataset.builder().features(new float[11])
                .labels(new int[]{0, 1}).geometry(2, 3, 1).classNames(List.of("a", "b")).build());
        ImageDataset sel = ds.select(new int[]{1, 1});
        assertArrayEquals(new int[]{1, 1}, sel.labels());
        assertEquals(2, sel.size());
    }
}
