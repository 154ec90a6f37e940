package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.certmgr.ports.out.StoreException;

/**
 * The lock that keeps a second certmgr run out while one is running: an operating-system
 * lock on the {@code lock_file}, held from {@link #tryAcquire} or {@link #acquire} until
 * {@link #close}.
 *
 * <p>The operating system drops the lock when the holding process ends, however it ends, so a
 * crashed run never blocks the next one; the file itself stays and is reused. The holder
 * writes its process id into the file for the message of a run that finds it locked.
 *
 * <p>A lock held by another {@code RunLock} of the same JVM on the same file counts as held:
 * {@code tryAcquire} returns {@code false} then too. Not thread-safe: one instance belongs to
 * one run.
 */
public final class RunLock implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    /**
     * The files locked by this JVM. POSIX locks belong to the process, and closing any
     * descriptor of a file drops all of them; so a second instance must not even open the
     * file while another one holds it.
     */
    private static final Set<Object> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path file;
    private FileChannel channel;
    private FileLock lock;
    private Object key;

    RunLock(Path file) {
        this.file = file;
    }

    /**
     * Returns the lock file.
     *
     * @return the path given to {@link FsAdapters#runLock}
     */
    public Path file() {
        return file;
    }

    /**
     * Takes the lock if no other run holds it, without waiting. Creates the file (mode 0644, less the umask)
     * and its folder when they are missing. Returns {@code true} at once when this instance
     * holds the lock already.
     *
     * @return whether this instance holds the lock now
     * @throws StoreException when the lock file cannot be created or opened, naming the path
     */
    public boolean tryAcquire() throws StoreException {
        if (lock != null) {
            return true;
        }
        // One attempt at a time in this JVM, so that the check of HELD_IN_THIS_JVM and the
        // opening of the file cannot interleave with another instance's attempt.
        synchronized (HELD_IN_THIS_JVM) {
            Optional<Object> existing = keyOf(file);
            if (existing.isPresent() && HELD_IN_THIS_JVM.contains(existing.get())) {
                return false;
            }
            FileChannel opened = open();
            FileLock taken = null;
            try {
                try {
                    taken = opened.tryLock();
                } catch (OverlappingFileLockException e) {
                    // Held through a channel this class did not open; same answer.
                }
                if (taken == null) {
                    closeQuietly(opened);
                    return false;
                }
                writePid(opened);
            } catch (IOException e) {
                closeQuietly(opened);
                throw failure("lock", e);
            }
            channel = opened;
            lock = taken;
            key = keyOf(file).orElse(file.toAbsolutePath().normalize());
            HELD_IN_THIS_JVM.add(key);
            return true;
        }
    }

    /**
     * Takes the lock, waiting for another run to release it for at most {@code maxWait}.
     *
     * @param maxWait how long to wait; zero or negative tries once
     * @return whether this instance holds the lock now
     * @throws StoreException       when the lock file cannot be created or opened
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean acquire(Duration maxWait) throws StoreException, InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
        while (!tryAcquire()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), left / 1_000_000)));
        }
        return true;
    }

    /**
     * Returns the process id of the run holding the lock, as far as the file says.
     *
     * @return the holder's process id; empty when the file names none (not locked, or the
     *         holder has not written it yet)
     */
    public Optional<Long> holderPid() {
        if (lock != null) {
            return Optional.of(ProcessHandle.current().pid());
        }
        Optional<Object> existing = keyOf(file);
        if (existing.isPresent() && HELD_IN_THIS_JVM.contains(existing.get())) {
            // Reading the file would open and close a descriptor, dropping that lock.
            return Optional.of(ProcessHandle.current().pid());
        }
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns whether this instance holds the lock.
     *
     * @return {@code true} between a successful acquire and {@link #close}
     */
    public boolean isHeld() {
        return lock != null;
    }

    /** Releases the lock, if held. The file stays: removing it would let two runs lock two different files. */
    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            // The pid of a finished run would mislead the next message.
            channel.truncate(0);
        } catch (IOException e) {
            // The lock goes anyway; a stale pid only makes a message less precise.
        }
        synchronized (HELD_IN_THIS_JVM) {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(key);
        }
        channel = null;
        lock = null;
        key = null;
    }

    @Override
    public String toString() {
        return "RunLock[" + file + (lock != null ? ", held" : "") + "]";
    }

    private FileChannel open() throws StoreException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw failure("create the folder of", e);
        }
        try {
            return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-r--r--")));
        } catch (IOException e) {
            throw failure("open", e);
        }
    }

    private StoreException failure(String action, IOException e) {
        String reason = e instanceof FileAlreadyExistsException ? "a file is in the way of its folder" : IoErrors.reason(e);
        return new StoreException("cannot " + action + " the lock file " + file + ": " + reason
                + "; set lock_file to a file in a folder certmgr can write", e);
    }

    private static void writePid(FileChannel channel) throws IOException {
        channel.truncate(0);
        ByteBuffer pid = ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        long position = 0;
        while (pid.hasRemaining()) {
            position += channel.write(pid, position);
        }
        channel.force(false);
    }

    /** Identifies the file itself (device and inode), whatever path leads to it. */
    private static Optional<Object> keyOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = attributes.fileKey();
            return Optional.of(key != null ? key : file.toRealPath());
        } catch (IOException e) {
            // Missing or unreadable: no instance of this JVM can hold it under this name.
            return Optional.empty();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing drops the lock; nothing else is left to do.
        }
    }
}
