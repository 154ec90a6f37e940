package org.certmgr.adapters.fs;

import java.nio.file.Path;

/**
 * A second JVM for the lock tests. {@code hold <file>}: takes the lock, prints
 * {@code locked} and keeps it until killed (or 120 s at most). {@code probe <file>}: prints
 * {@code free} or {@code busy} and exits at once.
 */
public final class LockHolder {
    private LockHolder() {
    }

    /**
     * Runs the holder.
     *
     * @param args mode and lock file
     * @throws Exception on any failure, which ends the process
     */
    public static void main(String[] args) throws Exception {
        RunLock lock = FsAdapters.runLock(Path.of(args[1]));
        boolean acquired = lock.tryAcquire();
        if (args[0].equals("probe")) {
            System.out.println(acquired ? "free" : "busy");
            lock.close();
            return;
        }
        System.out.println(acquired ? "locked" : "busy");
        System.out.flush();
        if (acquired) {
            // Bounded so that a test that fails to kill it leaves nothing behind for long.
            Thread.sleep(120_000);
        }
    }
}
