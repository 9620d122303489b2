package org.phitheta.fitting;

import org.phitheta.activation.PhiThetaParameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Immutable settings of a {@link PhiThetaFitter} run; build with {@link #builder()}. Every setting has a default
 * tuned for a fit in seconds ({@link #defaults()}); {@link #thorough()} spends more time on the KS refinement (used to
 * regenerate the shipped catalog). A fit is deterministic for given options (the seed drives the random starts of
 * the refinement; everything else is deterministic).
 */
public final class FitOptions {

    private final long seed;
    private final int densityAdamIterations;
    private final int densityPolishIterations;
    private final double densityLearningRate;
    private final int leastSquaresAdamIterations;
    private final int leastSquaresPolishIterations;
    private final double leastSquaresLearningRate;
    private final int refineRandomStarts;
    private final int refineScreeningIterations;
    private final int refineFinalIterations;
    private final int refineFinalists;
    private final boolean parallel;
    private final List<PhiThetaParameters> startingPoints;
    private final FitProgressListener listener;

    private FitOptions(Builder b) {
        this.seed = b.seed;
        this.densityAdamIterations = nonNegative("densityAdamIterations", b.densityAdamIterations);
        this.densityPolishIterations = nonNegative("densityPolishIterations", b.densityPolishIterations);
        this.densityLearningRate = positive("densityLearningRate", b.densityLearningRate);
        this.leastSquaresAdamIterations = nonNegative("leastSquaresAdamIterations", b.leastSquaresAdamIterations);
        this.leastSquaresPolishIterations = nonNegative("leastSquaresPolishIterations", b.leastSquaresPolishIterations);
        this.leastSquaresLearningRate = positive("leastSquaresLearningRate", b.leastSquaresLearningRate);
        this.refineRandomStarts = nonNegative("refineRandomStarts", b.refineRandomStarts);
        this.refineScreeningIterations = nonNegative("refineScreeningIterations", b.refineScreeningIterations);
        this.refineFinalIterations = nonNegative("refineFinalIterations", b.refineFinalIterations);
        this.refineFinalists = nonNegative("refineFinalists", b.refineFinalists);
        this.parallel = b.parallel;
        this.startingPoints = Collections.unmodifiableList(new ArrayList<>(b.startingPoints));
        this.listener = Objects.requireNonNull(b.listener, "listener");
    }

    private static int nonNegative(String name, int v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 (got " + v + ")");
        }
        return v;
    }

    private static double positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0 (got " + v + ")");
        }
        return v;
    }

    /** @return a builder with the default settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the default settings: a new theta in a few seconds */
    public static FitOptions defaults() {
        return builder().build();
    }

    /** @return settings for catalog-quality fits: more random starts and longer refinement (tens of seconds) */
    public static FitOptions thorough() {
        return builder().refineRandomStarts(40).refineScreeningIterations(20).refineFinalists(4)
                .refineFinalIterations(250).build();
    }

    /** @return a builder initialised with these settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.densityAdamIterations = densityAdamIterations;
        b.densityPolishIterations = densityPolishIterations;
        b.densityLearningRate = densityLearningRate;
        b.leastSquaresAdamIterations = leastSquaresAdamIterations;
        b.leastSquaresPolishIterations = leastSquaresPolishIterations;
        b.leastSquaresLearningRate = leastSquaresLearningRate;
        b.refineRandomStarts = refineRandomStarts;
        b.refineScreeningIterations = refineScreeningIterations;
        b.refineFinalIterations = refineFinalIterations;
        b.refineFinalists = refineFinalists;
        b.parallel = parallel;
        b.startingPoints = new ArrayList<>(startingPoints);
        b.listener = listener;
        return b;
    }

    /** @return seed of the random starts of the KS refinement */
    public long getSeed() {
        return seed;
    }

    /** @return Adam steps of step 1 in SameDiff */
    public int getDensityAdamIterations() {
        return densityAdamIterations;
    }

    /** @return minimax steps (Java) polishing step 1 */
    public int getDensityPolishIterations() {
        return densityPolishIterations;
    }

    public double getDensityLearningRate() {
        return densityLearningRate;
    }

    /** @return Adam steps of the least-squares fit in SameDiff */
    public int getLeastSquaresAdamIterations() {
        return leastSquaresAdamIterations;
    }

    /** @return Levenberg-Marquardt iterations (Java) polishing the least-squares fit */
    public int getLeastSquaresPolishIterations() {
        return leastSquaresPolishIterations;
    }

    public double getLeastSquaresLearningRate() {
        return leastSquaresLearningRate;
    }

    /** @return random starts of the KS refinement, besides the least-squares fit and the starting points */
    public int getRefineRandomStarts() {
        return refineRandomStarts;
    }

    /** @return minimax iterations of each screening run */
    public int getRefineScreeningIterations() {
        return refineScreeningIterations;
    }

    /** @return minimax iterations of each continued run */
    public int getRefineFinalIterations() {
        return refineFinalIterations;
    }

    /** @return how many screening runs are continued */
    public int getRefineFinalists() {
        return refineFinalists;
    }

    /** @return whether two variants fitted together run their variant steps on two threads */
    public boolean isParallel() {
        return parallel;
    }

    /** @return extra starts for the KS refinement (parameters of other thetas are carried over by shape) */
    public List<PhiThetaParameters> getStartingPoints() {
        return startingPoints;
    }

    public FitProgressListener getListener() {
        return listener;
    }

    /** Builder of {@link FitOptions}. */
    public static final class Builder {
        private long seed = 1L;
        private int densityAdamIterations = 30;
        private int densityPolishIterations = 40;
        private double densityLearningRate = 0.05;
        private int leastSquaresAdamIterations = 30;
        private int leastSquaresPolishIterations = 100;
        private double leastSquaresLearningRate = 0.05;
        private int refineRandomStarts = 8;
        private int refineScreeningIterations = 15;
        private int refineFinalIterations = 120;
        private int refineFinalists = 2;
        private boolean parallel = true;
        private List<PhiThetaParameters> startingPoints = new ArrayList<>();
        private FitProgressListener listener = FitProgressListener.NONE;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder densityAdamIterations(int n) {
            this.densityAdamIterations = n;
            return this;
        }

        public Builder densityPolishIterations(int n) {
            this.densityPolishIterations = n;
            return this;
        }

        public Builder densityLearningRate(double rate) {
            this.densityLearningRate = rate;
            return this;
        }

        public Builder leastSquaresAdamIterations(int n) {
            this.leastSquaresAdamIterations = n;
            return this;
        }

        public Builder leastSquaresPolishIterations(int n) {
            this.leastSquaresPolishIterations = n;
            return this;
        }

        public Builder leastSquaresLearningRate(double rate) {
            this.leastSquaresLearningRate = rate;
            return this;
        }

        public Builder refineRandomStarts(int n) {
            this.refineRandomStarts = n;
            return this;
        }

        public Builder refineScreeningIterations(int n) {
            this.refineScreeningIterations = n;
            return this;
        }

        public Builder refineFinalIterations(int n) {
            this.refineFinalIterations = n;
            return this;
        }

        public Builder refineFinalists(int n) {
            this.refineFinalists = n;
            return this;
        }

        public Builder parallel(boolean parallel) {
            this.parallel = parallel;
            return this;
        }

        /**
         * @param points extra starts for the KS refinement, e.g. catalog entries of nearby thetas
         * @return this builder
         */
        public Builder startingPoints(List<PhiThetaParameters> points) {
            this.startingPoints = new ArrayList<>(Objects.requireNonNull(points, "points"));
            return this;
        }

        public Builder listener(FitProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param consumer receives every progress report
         * @return this builder
         */
        public Builder progress(Consumer<FitProgress> consumer) {
            Objects.requireNonNull(consumer, "consumer");
            this.listener = consumer::accept;
            return this;
        }

        /** @return the checked, immutable options */
        public FitOptions build() {
            return new FitOptions(this);
        }
    }
}
