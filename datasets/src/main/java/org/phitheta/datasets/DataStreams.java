package org.phitheta.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opening data files: plain or gzip, told apart by the gzip magic bytes 0x1f 0x8b, not by the file name. */
final class DataStreams {

    static final int BUFFER_SIZE = 1 << 16;

    private DataStreams() {
    }

    /** An opened, decoded data stream, with the encoded length when it is known (plain files). */
    static final class Opened {
        final InputStream in;
        final boolean gzip;
        /** Length of the decoded content in bytes, or -1 when unknown (gzip, class-path resources). */
        final long length;

        Opened(InputStream in, boolean gzip, long length) {
            this.in = in;
            this.gzip = gzip;
            this.length = length;
        }
    }

    /**
     * Opens a file for reading, decompressing it if it starts with the gzip magic bytes.
     *
     * @throws DatasetNotFoundException if the file does not exist or is not a regular file
     */
    static Opened open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetNotFoundException("data file", List.of(file.toString()));
        }
        long size = Files.size(file);
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DatasetNotFoundException("data file", List.of(file.toString()));
        }
        return decode(raw, file.getFileName().toString(), size);
    }

    /**
     * Wraps a raw stream, decompressing it if it starts with the gzip magic bytes.
     *
     * @param rawLength the raw length in bytes, or -1 if unknown
     */
    static Opened decode(InputStream raw, String name, long rawLength) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER_SIZE);
        try {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                try {
                    return new Opened(new GZIPInputStream(in, BUFFER_SIZE), true, -1);
                } catch (ZipException | EOFException e) {
                    throw new DatasetFormatException(name, "damaged gzip header (" + e.getMessage() + ")", e);
                }
            }
            return new Opened(in, false, rawLength);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads up to {@code len} bytes, stopping early only at the end of the stream; turns a damaged gzip stream into a
     * {@link DatasetFormatException} naming the file.
     *
     * @return the number of bytes read (less than len only at the end of the stream)
     */
    static int readUpTo(InputStream in, byte[] buf, int off, int len, String name) throws IOException {
        try {
            return in.readNBytes(buf, off, len);
        } catch (EOFException e) {
            throw new DatasetFormatException(name, "truncated gzip stream (" + e.getMessage() + ")", e);
        } catch (ZipException e) {
            throw new DatasetFormatException(name, "damaged gzip stream (" + e.getMessage() + ")", e);
        }
    }

    /** @return true if the stream has at least one more byte */
    static boolean hasMore(InputStream in, String name) throws IOException {
        byte[] one = new byte[1];
        return readUpTo(in, one, 0, 1, name) == 1;
    }
}
