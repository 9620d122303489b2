package org.phitheta.datasets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where Fashion-MNIST comes from, and loading it. An instance is an immutable, resolved source; {@link #train()} and
 * {@link #test()} read the files each time they are called (keep the result).
 *
 * <p>Resolution order of {@link #resolve(Path)} (first match wins):
 * <ol>
 * <li>{@link Source#EXPLICIT_DIRECTORY}: the directory given by the user, or its {@code fashion-mnist}
 *     subdirectory. If it is given but holds no data set, that is an error, not a fall-through.</li>
 * <li>{@link Source#ENVIRONMENT_VARIABLE}: {@code $PHITHETA_DATA/fashion-mnist}, then {@code $PHITHETA_DATA}. If the
 *     variable is set (non-blank) but neither place holds the files, that is an error too: a variable set to a wrong
 *     place must not silently fall back to a smaller data set.</li>
 * <li>{@link Source#DEBIAN_PACKAGE}: {@value #DEBIAN_DIRECTORY_NAME}, installed by {@code apt-get install
 *     dataset-fashion-mnist} (full data set, 60,000 + 10,000 images).</li>
 * <li>{@link Source#BUNDLED_SUBSET}: the class-balanced subset on the class path (6,000 training images, 600 per
 *     class, and 1,000 test images, 100 per class: the first of each class in file order).</li>
 * </ol>
 * A directory "holds the files" when it has {@code {train,t10k}-images-idx3-ubyte[.gz]} and
 * {@code {train,t10k}-labels-idx1-ubyte[.gz]}. Use {@link #bundledSubset()} to get the subset whatever is installed,
 * e.g. for reproducible default runs.
 *
 * <p>Fashion-MNIST is Copyright (c) 2017 Zalando SE, MIT licence; see the {@code LICENSE} file next to the bundled
 * subset.
 */
public final class FashionMnist {

    /** Class names, indexed by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Environment variable naming a data root directory. */
    public static final String ENVIRONMENT_VARIABLE = "PHITHETA_DATA";
    /** Subdirectory looked for under an explicit directory and under {@code $PHITHETA_DATA}. */
    public static final String SUBDIRECTORY = "fashion-mnist";
    /** Where the Debian package {@code dataset-fashion-mnist} puts the four {@code .gz} files. */
    public static final String DEBIAN_DIRECTORY_NAME = "/usr/share/datasets/fashion-mnist";
    /** Debian package name. */
    public static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";
    /** Class-path directory of the bundled subset (holds the four IDX .gz files and LICENSE). */
    public static final String SUBSET_RESOURCE_DIRECTORY = "/org/phitheta/datasets/fashion-mnist-subset/";
    /** Training images per class in the bundled subset. */
    public static final int SUBSET_TRAIN_PER_CLASS = 600;
    /** Test images per class in the bundled subset. */
    public static final int SUBSET_TEST_PER_CLASS = 100;

    /** Where a resolved data set comes from. */
    public enum Source {
        /** A directory given by the caller. */
        EXPLICIT_DIRECTORY,
        /** A directory found through {@code $PHITHETA_DATA}. */
        ENVIRONMENT_VARIABLE,
        /** The Debian package {@code dataset-fashion-mnist}. */
        DEBIAN_PACKAGE,
        /** The subset bundled on the class path. */
        BUNDLED_SUBSET
    }

    private final Source source;
    private final Path directory;

    private FashionMnist(Source source, Path directory) {
        this.source = Objects.requireNonNull(source, "source");
        if ((source == Source.BUNDLED_SUBSET) != (directory == null)) {
            throw new IllegalArgumentException("a directory is required for " + source + " and only for it");
        }
        this.directory = directory;
    }

    /**
     * Resolves the data set without an explicit directory: {@code $PHITHETA_DATA}, the Debian package, the bundled
     * subset.
     *
     * @throws DatasetNotFoundException if {@code $PHITHETA_DATA} is set but holds no data set
     */
    public static FashionMnist resolve() throws DatasetNotFoundException {
        return resolver().resolve();
    }

    /**
     * Resolves the data set in the order described on this class.
     *
     * @param explicitDirectory a directory given by the user, or null for none
     * @throws DatasetNotFoundException if the explicit directory, or {@code $PHITHETA_DATA} when set, holds no data set
     */
    public static FashionMnist resolve(Path explicitDirectory) throws DatasetNotFoundException {
        return resolver().directory(explicitDirectory).resolve();
    }

    /**
     * @param directory a directory holding the four IDX files, or whose {@code fashion-mnist} subdirectory does
     * @return that source
     * @throws DatasetNotFoundException if neither place holds the four files
     */
    public static FashionMnist fromDirectory(Path directory) throws DatasetNotFoundException {
        Objects.requireNonNull(directory, "directory");
        return resolver().directory(directory).resolve();
    }

    /**
     * @return the Debian package's copy
     * @throws DatasetNotFoundException if the package is not installed
     */
    public static FashionMnist debianPackage() throws DatasetNotFoundException {
        Path dir = Path.of(DEBIAN_DIRECTORY_NAME);
        if (!IdxReader.hasAllFiles(dir)) {
            throw new DatasetNotFoundException("Fashion-MNIST from Debian package " + DEBIAN_PACKAGE
                    + " (apt-get install " + DEBIAN_PACKAGE + ")", List.of(filesIn(dir)));
        }
        return new FashionMnist(Source.DEBIAN_PACKAGE, dir);
    }

    /** @return the subset bundled on the class path (6,000 train + 1,000 test images) */
    public static FashionMnist bundledSubset() {
        return new FashionMnist(Source.BUNDLED_SUBSET, null);
    }

    /** @return a resolver whose places to look can be set one by one (for tests and tools) */
    public static Resolver resolver() {
        return new Resolver();
    }

    /** @return where the data come from */
    public Source source() {
        return source;
    }

    /** @return the directory holding the files, empty for the bundled subset */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** @return true unless this is the bundled subset (a directory is assumed to hold the full data set) */
    public boolean isFull() {
        return source != Source.BUNDLED_SUBSET;
    }

    /** @return one line saying which source is used and where, for logs and result files */
    public String describe() {
        switch (source) {
            case EXPLICIT_DIRECTORY:
                return "Fashion-MNIST from explicit directory " + directory;
            case ENVIRONMENT_VARIABLE:
                return "Fashion-MNIST from $" + ENVIRONMENT_VARIABLE + ": " + directory;
            case DEBIAN_PACKAGE:
                return "Fashion-MNIST from Debian package " + DEBIAN_PACKAGE + ": " + directory;
            default:
                return "Fashion-MNIST bundled subset (" + SUBSET_TRAIN_PER_CLASS * 10 + " train + "
                        + SUBSET_TEST_PER_CLASS * 10 + " test, class-balanced) from class path "
                        + SUBSET_RESOURCE_DIRECTORY;
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    /** @return the training split (raw pixel values 0..255) */
    public ImageDataset train() throws IOException {
        return load(Split.TRAIN);
    }

    /** @return the test split (raw pixel values 0..255) */
    public ImageDataset test() throws IOException {
        return load(Split.TEST);
    }

    /**
     * Reads one split.
     *
     * @param split which split
     * @return images (raw pixel values 0..255, shape [n, 784]) and labels, named {@code fashion-mnist/train} or
     * {@code fashion-mnist-subset/train} (and {@code test})
     * @throws DatasetNotFoundException if a file has gone missing
     * @throws DatasetFormatException   if a file is malformed
     */
    public ImageDataset load(Split split) throws IOException {
        Objects.requireNonNull(split, "split");
        if (directory != null) {
            return IdxReader.read(directory, split, CLASS_NAMES, "fashion-mnist");
        }
        String images = split.idxImagesName() + ".gz";
        String labels = split.idxLabelsName() + ".gz";
        InputStream imagesIn = resource(images);
        InputStream labelsIn;
        try {
            labelsIn = resource(labels);
        } catch (IOException e) {
            imagesIn.close();
            throw e;
        }
        return IdxReader.read(imagesIn, images, labelsIn, labels, CLASS_NAMES,
                "fashion-mnist-subset/" + split.name().toLowerCase(Locale.ROOT));
    }

    private static InputStream resource(String name) throws DatasetNotFoundException {
        InputStream in = FashionMnist.class.getResourceAsStream(SUBSET_RESOURCE_DIRECTORY + name);
        if (in == null) {
            throw new DatasetNotFoundException("bundled Fashion-MNIST subset file",
                    List.of("classpath:" + SUBSET_RESOURCE_DIRECTORY + name));
        }
        return in;
    }

    /** Lazily loaded, so that the JDK-only tools can use this class's constants without slf4j on the class path. */
    private static final class LogHolder {
        static final Logger LOG = LoggerFactory.getLogger(FashionMnist.class);
    }

    private static String filesIn(Path dir) {
        return dir.resolve("{train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz]").toString();
    }

    /**
     * Looks for Fashion-MNIST in the order described on {@link FashionMnist}; each place can be replaced, which tests
     * and tools use. Not thread-safe; {@link #resolve()} has no side effects on the resolver.
     */
    public static final class Resolver {
        private Path directory;
        private Function<String, String> environment = System::getenv;
        private Path debianDirectory = Path.of(DEBIAN_DIRECTORY_NAME);
        private boolean allowBundled = true;

        private Resolver() {
        }

        /** @param directory an explicit directory, or null for none (the default) */
        public Resolver directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** @param environment environment lookup (default {@link System#getenv(String)}) */
        public Resolver environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** @param debianDirectory where the Debian package's files are (default {@value FashionMnist#DEBIAN_DIRECTORY_NAME}) */
        public Resolver debianDirectory(Path debianDirectory) {
            this.debianDirectory = Objects.requireNonNull(debianDirectory, "debianDirectory");
            return this;
        }

        /** @param allowBundled whether to fall back to the bundled subset (default true) */
        public Resolver allowBundled(boolean allowBundled) {
            this.allowBundled = allowBundled;
            return this;
        }

        /**
         * @return the first source found
         * @throws DatasetNotFoundException naming every place tried, if the explicit directory or the environment
         *                                  variable point at no data set, or if nothing is found and the bundled
         *                                  subset is not allowed
         */
        public FashionMnist resolve() throws DatasetNotFoundException {
            FashionMnist found = find();
            LogHolder.LOG.info("Using {}", found.describe());
            return found;
        }

        private FashionMnist find() throws DatasetNotFoundException {
            if (directory != null) {
                return inDirectory(Source.EXPLICIT_DIRECTORY, directory, "explicit directory " + directory);
            }
            String root = environment.apply(ENVIRONMENT_VARIABLE);
            if (root != null && !root.isBlank()) {
                return inDirectory(Source.ENVIRONMENT_VARIABLE, Path.of(root),
                        "$" + ENVIRONMENT_VARIABLE + "=" + root);
            }
            if (IdxReader.hasAllFiles(debianDirectory)) {
                return new FashionMnist(Source.DEBIAN_PACKAGE, debianDirectory);
            }
            if (allowBundled) {
                return bundledSubset();
            }
            throw new DatasetNotFoundException("Fashion-MNIST (no directory given, $" + ENVIRONMENT_VARIABLE
                    + " not set, bundled subset not allowed)", List.of(filesIn(debianDirectory)));
        }

        private static FashionMnist inDirectory(Source source, Path dir, String what) throws DatasetNotFoundException {
            List<String> tried = new ArrayList<>();
            for (Path candidate : List.of(dir.resolve(SUBDIRECTORY), dir)) {
                if (IdxReader.hasAllFiles(candidate)) {
                    return new FashionMnist(source, candidate);
                }
                tried.add(filesIn(candidate));
            }
            throw new DatasetNotFoundException("Fashion-MNIST in " + what, tried);
        }
    }
}
