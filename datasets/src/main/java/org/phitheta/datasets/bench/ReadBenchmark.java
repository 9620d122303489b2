package org.phitheta.datasets.bench;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.phitheta.datasets.FashionMnist;
import org.phitheta.datasets.ImageDataset;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times reading the Fashion-MNIST training images (60,000 x 784 from the full data set) into a float INDArray: gzip
 * decoding, parsing into the float array of an {@link ImageDataset}, and the copy into an off-heap INDArray. Not a
 * test: a main class that prints the minimum and median wall time of several repetitions after warm-up.
 *
 * <p>Usage: {@code ReadBenchmark [dataDir|-] [warmup=2] [repetitions=7]}; without a directory (or with {@code -}) the
 * data set is resolved as by {@link FashionMnist#resolve()} (so the Debian package is used where installed).
 */
public final class ReadBenchmark {

    private ReadBenchmark() {
    }

    /**
     * @param args [dataDir|-] [warmup] [repetitions]
     * @throws Exception if the data cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 && !args[0].equals("-") ? Path.of(args[0]) : null;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        if (warmup < 0 || reps < 1) {
            throw new IllegalArgumentException("warmup must be >= 0 and repetitions >= 1");
        }
        FashionMnist fm = FashionMnist.resolve(dir);
        System.out.println("source: " + fm.describe());
        if (!fm.isFull()) {
            System.out.println("warning: the bundled subset has 6,000 training images, not 60,000");
        }
        Nd4j.create(1); // load the ND4J backend outside the timed region
        double[] total = new double[reps];
        double[] parse = new double[reps];
        long checksum = 0;
        for (int r = -warmup; r < reps; r++) {
            long t0 = System.nanoTime();
            ImageDataset train = fm.train();
            long t1 = System.nanoTime();
            INDArray x = train.features();
            long t2 = System.nanoTime();
            checksum += x.size(0) + (long) x.getFloat(train.size() - 1, 400);
            if (r >= 0) {
                parse[r] = (t1 - t0) / 1e9;
                total[r] = (t2 - t0) / 1e9;
            }
            if (r == reps - 1) {
                System.out.printf(Locale.ROOT, "read %d images x %d features into INDArray %s%n", train.size(),
                        train.inputSize(), Arrays.toString(x.shape()));
            }
        }
        System.out.printf(Locale.ROOT, "read+INDArray: min %.3f s, median %.3f s (%d repetitions after %d warm-up)%n",
                min(total), median(total), reps, warmup);
        System.out.printf(Locale.ROOT, "read (float[] only): min %.3f s, median %.3f s%n", min(parse), median(parse));
        System.out.println("checksum " + checksum);
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElseThrow();
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
