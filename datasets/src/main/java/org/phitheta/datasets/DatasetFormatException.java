package org.phitheta.datasets;

import java.io.IOException;
import java.util.Objects;

/**
 * A data file whose content is not what its format requires: wrong magic number, truncated or over-long data, image and
 * label counts that differ, a label outside the class range, a CIFAR-10 file whose length is not a multiple of the
 * record length, or a damaged gzip stream.
 *
 * <p>The message always starts with the file name, then says what is wrong and, where it applies, what was expected,
 * e.g. {@code "train-images-idx3-ubyte.gz: wrong magic number 0x00000801, expected 0x00000803 (IDX images)"}.
 */
public class DatasetFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;

    /**
     * @param file   the file (or class-path resource) name; not null
     * @param detail what is wrong; not null
     */
    public DatasetFormatException(String file, String detail) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(detail, "detail"));
        this.file = file;
    }

    /**
     * @param file   the file (or class-path resource) name; not null
     * @param detail what is wrong; not null
     * @param cause  the low-level error, e.g. a {@link java.util.zip.ZipException}
     */
    public DatasetFormatException(String file, String detail, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(detail, "detail"), cause);
        this.file = file;
    }

    /** @return the name of the offending file or resource, as it appears at the start of the message */
    public String file() {
        return file;
    }
}
