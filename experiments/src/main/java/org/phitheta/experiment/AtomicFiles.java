package org.phitheta.experiment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes every output file under a temporary name in the same directory, then moves it into place atomically, so that
 * an interrupted run never leaves a half-written file under a final name.
 */
public final class AtomicFiles {

    /** Suffix of temporary files (ignored by the manifest and the report). */
    public static final String TEMP_SUFFIX = ".part";

    /** Writes to an output stream. */
    @FunctionalInterface
    public interface Writer {
        /**
         * @param out the stream of the temporary file
         * @throws IOException on a write error
         */
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param target final path
     * @param text   UTF-8 text
     */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param target final path; its parent directories are created
     * @param writer fills the temporary file
     */
    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName().toString() + ".", TEMP_SUFFIX);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            makeReadable(tmp);
            moveIntoPlace(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** Temporary files are created owner-only; results are ordinary files (rw-r--r--). */
    static void makeReadable(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: keep the defaults
        }
    }

    /**
     * Moves a finished temporary file over the target, atomically where the file system allows it.
     *
     * @param tmp    the finished file, in the target's directory
     * @param target the final name
     * @throws IOException on failure
     */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Checks that a directory can be created and written, by creating and deleting a probe file.
     *
     * @param dir the output directory
     * @throws IllegalArgumentException with a clear message if it cannot be used
     */
    public static void requireWritableDirectory(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--out " + dir + " exists and is not a directory");
            }
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-probe", TEMP_SUFFIX);
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "cannot create " + e.getMessage()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied: " + e.getMessage()
                    : e instanceof java.nio.file.FileSystemException ? ((java.nio.file.FileSystemException) e).getReason()
                    + ": " + ((java.nio.file.FileSystemException) e).getFile()
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException("--out " + dir + " is not writable (" + why + ")");
        }
    }
}
