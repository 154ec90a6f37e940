package org.certmgr.adapters.fs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;
import org.certmgr.ports.out.StoreException;

/**
 * Replaces a small file in one step: the new content goes to a hidden temporary file in the same
 * folder, created with its final mode and forced to disk, which is then renamed over the file, and
 * the folder is forced to disk. A reader sees the old file or the new one, never a part.
 */
final class AtomicTextFile {
    private AtomicTextFile() {
    }

    /**
     * Writes {@code text} to {@code file}, replacing it.
     *
     * @param ops  the file operations
     * @param file the file; its folder must exist
     * @param text the new content, written as UTF-8
     * @param mode the file's mode
     * @throws StoreException when it cannot be written; the old file is then unchanged
     */
    static void write(FileOps ops, Path file, String text, Set<PosixFilePermission> mode) throws StoreException {
        Path folder = file.toAbsolutePath().getParent();
        // Hidden and without the file's extension, so that no collector (e.g. *.prom) reads it half-written.
        Path temporary = folder.resolve("." + file.getFileName() + ".tmp~" + UUID.randomUUID());
        try {
            ops.writeNew(temporary, text.getBytes(StandardCharsets.UTF_8), mode);
            ops.replace(temporary, file);
        } catch (StoreException e) {
            ops.deleteQuietly(temporary);
            throw e;
        }
        ops.fsync(folder);
    }
}
