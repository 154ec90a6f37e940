package org.certmgr.adapters.fs;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.Predicate;
import org.certmgr.ports.out.StoreException;

/**
 * File operations that fail or "crash" on request.
 *
 * <p>A failure is a {@link StoreException}, as a full disk gives. A crash is a
 * {@link SimulatedCrash} (an {@code Error}, which the store does not catch), so the store stops
 * dead at that step and leaves the file system as kill -9 would.
 */
class FaultyFileOps extends FileOps {
    /** Thrown to stop the store dead, like kill -9. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String step) {
            super("simulated crash at " + step);
        }
    }

    private int writesBeforeFailure = -1;
    private Predicate<Path> crashOnReplaceOf = p -> false;
    private Predicate<Path> failOnReplaceOf = p -> false;
    private Predicate<Path> crashOnRenameTo = p -> false;

    /** The next writes succeed {@code n} times, then one fails. */
    synchronized void failWriteAfter(int n) {
        writesBeforeFailure = n;
    }

    /** Crash instead of renaming something over a target matching {@code target}. */
    synchronized void crashOnReplaceOf(Predicate<Path> target) {
        crashOnReplaceOf = target;
    }

    /** Fail instead of renaming something over a target matching {@code target}. */
    synchronized void failOnReplaceOf(Predicate<Path> target) {
        failOnReplaceOf = target;
    }

    /** Crash instead of moving something to a new name matching {@code target}. */
    synchronized void crashOnRenameTo(Predicate<Path> target) {
        crashOnRenameTo = target;
    }

    @Override
    void writeNew(Path file, byte[] content, Set<PosixFilePermission> mode) throws StoreException {
        synchronized (this) {
            if (writesBeforeFailure == 0) {
                writesBeforeFailure = -1;
                throw new StoreException("cannot write " + file + ": No space left on device (simulated)");
            }
            if (writesBeforeFailure > 0) {
                writesBeforeFailure--;
            }
        }
        super.writeNew(file, content, mode);
    }

    @Override
    void replace(Path source, Path target) throws StoreException {
        synchronized (this) {
            if (crashOnReplaceOf.test(target)) {
                throw new SimulatedCrash("replace " + target);
            }
            if (failOnReplaceOf.test(target)) {
                throw new StoreException("cannot replace " + target + ": Input/output error (simulated)");
            }
        }
        super.replace(source, target);
    }

    @Override
    boolean renameIfAbsent(Path source, Path target) throws StoreException {
        synchronized (this) {
            if (crashOnRenameTo.test(target)) {
                throw new SimulatedCrash("move to " + target);
            }
        }
        return super.renameIfAbsent(source, target);
    }
}
