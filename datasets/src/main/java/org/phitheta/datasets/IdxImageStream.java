package org.phitheta.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A forward-only cursor over the images of an IDX3 unsigned-byte file (magic 0x00000803), as used by MNIST and
 * Fashion-MNIST: a big-endian header (magic, count, rows, cols) followed by count * rows * cols pixel bytes. The file
 * may be plain or gzip-compressed; gzip is recognised by its magic bytes, whatever the file name.
 *
 * <p>Nothing is read ahead beyond a small buffer, so a caller can stream a file of any size. Errors are
 * {@link DatasetFormatException}s naming the file: wrong magic number, a non-positive dimension, data shorter than the
 * header says (truncated) or longer (checked by {@link #checkEnd()}), a damaged gzip stream.
 *
 * <p>Not thread-safe.
 */
public final class IdxImageStream implements Closeable {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;

    private static final int HEADER_BYTES = 16;

    private final InputStream in;
    private final String name;
    private final int count;
    private final int rows;
    private final int cols;
    private final long expectedDataBytes;
    private final byte[] chunk;
    private int next;
    private long dataRead;

    private IdxImageStream(DataStreams.Opened opened, String name) throws IOException {
        this.in = opened.in;
        this.name = name;
        int[] header = IdxReader.readHeader(in, name, IMAGES_MAGIC, "IDX images", 3);
        this.count = header[0];
        this.rows = header[1];
        this.cols = header[2];
        if (rows < 1 || cols < 1) {
            throw new DatasetFormatException(name, "image size " + rows + "x" + cols + " in the header must be positive");
        }
        this.expectedDataBytes = (long) count * rows * cols;
        if (expectedDataBytes > Integer.MAX_VALUE - 16) {
            throw new DatasetFormatException(name, "header declares " + count + " images of " + rows + "x" + cols
                    + " = " + expectedDataBytes + " bytes, more than one Java array can hold");
        }
        if (opened.length >= 0 && opened.length != HEADER_BYTES + expectedDataBytes) {
            String what = opened.length < HEADER_BYTES + expectedDataBytes ? "truncated" : "too long";
            throw new DatasetFormatException(name, what + ": expected " + (HEADER_BYTES + expectedDataBytes)
                    + " bytes (16-byte header + " + count + " images x " + rows + " x " + cols + "), file has "
                    + opened.length);
        }
        this.chunk = new byte[Math.max(rows * cols, DataStreams.BUFFER_SIZE / (rows * cols) * (rows * cols))];
    }

    /**
     * Opens an IDX3 images file (plain or gzip) and reads its header.
     *
     * @param file the file
     * @return a cursor positioned before the first image
     * @throws DatasetNotFoundException if the file does not exist
     * @throws DatasetFormatException   if the header is wrong or, for a plain file, the length does not match it
     */
    public static IdxImageStream open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        DataStreams.Opened opened = DataStreams.open(file);
        return create(opened, file.getFileName().toString());
    }

    /**
     * Reads an IDX3 images stream (plain or gzip), e.g. a class-path resource.
     *
     * @param in   the raw stream; closed by {@link #close()}
     * @param name the name to use in error messages
     */
    public static IdxImageStream open(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        return create(DataStreams.decode(in, name, -1), name);
    }

    private static IdxImageStream create(DataStreams.Opened opened, String name) throws IOException {
        try {
            return new IdxImageStream(opened, name);
        } catch (IOException | RuntimeException e) {
            opened.in.close();
            throw e;
        }
    }

    /** @return the file name used in error messages */
    public String name() {
        return name;
    }

    /** @return the number of images declared in the header */
    public int count() {
        return count;
    }

    /** @return image height */
    public int rows() {
        return rows;
    }

    /** @return image width */
    public int cols() {
        return cols;
    }

    /** @return rows * cols, the bytes per image */
    public int imageSize() {
        return rows * cols;
    }

    /** @return the number of images not yet read */
    public int remaining() {
        return count - next;
    }

    /**
     * Reads the next image's raw bytes.
     *
     * @param dst    destination
     * @param offset where in dst the imageSize() bytes go
     * @throws java.util.NoSuchElementException if all images were read
     * @throws DatasetFormatException           if the data end early
     */
    public void readImage(byte[] dst, int offset) throws IOException {
        Objects.checkFromIndexSize(offset, imageSize(), dst.length);
        requireRemaining(1);
        readExactly(dst, offset, imageSize());
        next++;
    }

    /**
     * Reads the next k images as floats 0..255, straight into {@code dst} (no intermediate copy of the file).
     *
     * @param dst    destination, row-major
     * @param offset where in dst the k * imageSize() values go
     * @param k      number of images
     */
    public void readImages(float[] dst, int offset, int k) throws IOException {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0 (got " + k + ")");
        }
        Objects.checkFromIndexSize(offset, k * imageSize(), dst.length);
        requireRemaining(k);
        long total = (long) k * imageSize();
        int pos = offset;
        while (total > 0) {
            int len = (int) Math.min(chunk.length, total);
            readExactly(chunk, 0, len);
            for (int i = 0; i < len; i++) {
                dst[pos + i] = chunk[i] & 0xFF;
            }
            pos += len;
            total -= len;
        }
        next += k;
    }

    /**
     * Checks that all images were read and no bytes follow them.
     *
     * @throws DatasetFormatException if the file is longer than its header says
     */
    public void checkEnd() throws IOException {
        if (next != count) {
            throw new IllegalStateException(name + ": " + remaining() + " images not read yet");
        }
        if (DataStreams.hasMore(in, name)) {
            throw new DatasetFormatException(name, "too long: extra bytes after the " + count
                    + " images declared in the header");
        }
    }

    private void requireRemaining(int k) {
        if (k > remaining()) {
            throw new java.util.NoSuchElementException(name + ": asked for " + k + " images, only " + remaining()
                    + " left of " + count);
        }
    }

    private void readExactly(byte[] buf, int off, int len) throws IOException {
        int got = DataStreams.readUpTo(in, buf, off, len, name);
        dataRead += got;
        if (got < len) {
            throw new DatasetFormatException(name, "truncated: expected " + expectedDataBytes
                    + " bytes of pixel data after the 16-byte header (" + count + " images x " + rows + " x " + cols
                    + "), got " + dataRead);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
