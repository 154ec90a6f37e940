package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import org.certmgr.ports.out.StoreException;

/** Turns I/O exceptions into messages that say what failed, on which path, and why. */
final class IoErrors {

    private IoErrors() {
    }

    /**
     * Builds the store exception for a failed action.
     *
     * @param action what was being done, e.g. "write"
     * @param path   the path it was done to
     * @param e      the cause
     * @return e.g. "cannot write /x/y: No space left on device"
     */
    static StoreException storeFailure(String action, Path path, IOException e) {
        return new StoreException("cannot " + action + " " + path + ": " + reason(e), e);
    }

    /**
     * Returns the operating system's reason for a failure, in words.
     *
     * @param e the exception
     * @return e.g. "No space left on device"
     */
    static String reason(IOException e) {
        if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
            if (reason != null && !reason.isBlank()) {
                return reason;
            }
        }
        // The JDK leaves the reason empty for these and puts only the path in the message.
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof NotLinkException) {
            return "Not a symbolic link";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
