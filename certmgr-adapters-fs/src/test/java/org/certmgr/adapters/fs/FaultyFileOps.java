package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.certmgr.ports.out.StoreException;

/**
 * File operations that fail or "crash" on request.
 *
 * <p>A failure is a {@link StoreException}, as a full disk gives. A crash is a
 * {@link SimulatedCrash} (an {@code Error}, which the store does not catch), so the store stops
 * dead at that step and leaves the file system as kill -9 would.
 *
 * <p>Every operation counts as one step ({@link #steps()}); {@link #crashAtStep} crashes just
 * before a chosen one, so that a test can stop a commit at each of its steps in turn.
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
    private Predicate<Path> failOnDeleteOf = p -> false;
    private boolean refuseOwnerChanges;
    private boolean skipSync;
    private int steps;
    private int crashAtStep = -1;

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

    /** Fail, deleting nothing, instead of deleting a tree whose root matches {@code path}. */
    synchronized void failOnDeleteOf(Predicate<Path> path) {
        failOnDeleteOf = path;
    }

    /** Refuse every owner change with EPERM, as the system does for a process that is not root. */
    synchronized void refuseOwnerChanges() {
        refuseOwnerChanges = true;
    }

    /**
     * Counts syncs as steps but skips forcing anything to disk: for tests that simulate a killed
     * process (the kernel keeps what was written), not a power cut, and repeat many commits.
     */
    synchronized FaultyFileOps withoutSync() {
        skipSync = true;
        return this;
    }

    /** Counts steps from now on, and crashes just before step {@code k} (1 = the next operation). */
    synchronized void crashAtStep(int k) {
        steps = 0;
        crashAtStep = k;
    }

    /** Counts steps from now on, without crashing. */
    synchronized void countSteps() {
        crashAtStep(-1);
    }

    /** The operations done (or begun) since {@link #crashAtStep} or {@link #countSteps}. */
    synchronized int steps() {
        return steps;
    }

    private synchronized void step(String what, Path path) {
        steps++;
        if (steps == crashAtStep) {
            throw new SimulatedCrash("step " + steps + ": " + what + " " + path);
        }
    }

    @Override
    void createDirectory(Path dir, Set<PosixFilePermission> mode) throws StoreException {
        step("create the folder", dir);
        super.createDirectory(dir, mode);
    }

    @Override
    void createDirectories(Path dir, Set<PosixFilePermission> mode) throws StoreException {
        step("create the folders", dir);
        super.createDirectories(dir, mode);
    }

    @Override
    void writeNew(Path file, byte[] content, Set<PosixFilePermission> mode) throws StoreException {
        step("write", file);
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
    void hardLink(Path link, Path existing) throws StoreException {
        step("hard-link", link);
        super.hardLink(link, existing);
    }

    @Override
    void symlink(Path link, Path target) throws StoreException {
        step("create the link", link);
        super.symlink(link, target);
    }

    @Override
    void replace(Path source, Path target) throws StoreException {
        step("replace", target);
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
        step("move to", target);
        synchronized (this) {
            if (crashOnRenameTo.test(target)) {
                throw new SimulatedCrash("move to " + target);
            }
        }
        return super.renameIfAbsent(source, target);
    }

    @Override
    void fsync(Path path) throws StoreException {
        step("sync", path);
        synchronized (this) {
            if (skipSync) {
                return;
            }
        }
        super.fsync(path);
    }

    @Override
    void deleteTree(Path path) throws StoreException {
        step("delete", path);
        synchronized (this) {
            if (failOnDeleteOf.test(path)) {
                throw new StoreException("cannot delete " + path.resolve("rsa") + ": Operation not permitted"
                        + " (simulated)");
            }
        }
        super.deleteTree(path);
    }

    @Override
    void delete(Path path) throws StoreException {
        step("delete", path);
        super.delete(path);
    }

    @Override
    List<Path> list(Path dir) throws StoreException {
        step("list", dir);
        return super.list(dir);
    }

    @Override
    void setMode(Path path, Set<PosixFilePermission> mode) throws StoreException {
        step("set the mode of", path);
        super.setMode(path, mode);
    }

    @Override
    void changeOwner(Path path, Optional<UserPrincipal> user, Optional<GroupPrincipal> group) throws StoreException {
        step("change the owner of", path);
        synchronized (this) {
            if (refuseOwnerChanges) {
                IOException eperm = new FileSystemException(path.toString(), null, "Operation not permitted");
                throw FileOps.ownerFailure(path, eperm);
            }
        }
        super.changeOwner(path, user, group);
    }
}
