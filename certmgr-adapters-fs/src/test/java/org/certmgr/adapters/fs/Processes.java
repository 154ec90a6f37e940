package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits on processes that tests start indirectly (through hooks), always with a bound. */
final class Processes {
    private static final long MAX_WAIT_SECONDS = 20;

    private Processes() {
    }

    /** Reads a process id a test command wrote, waiting for the file at most 20 s. */
    static long readPid(Path file) throws IOException, InterruptedException {
        for (int i = 0; i < MAX_WAIT_SECONDS * 20; i++) {
            if (Files.exists(file)) {
                String text = Files.readString(file).strip();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no process id appeared in " + file);
    }

    /**
     * Returns whether the process has ended, waiting at most 20 s for it: a process killed with
     * SIGKILL is gone once the kernel and its parent have reaped it, which is not instant.
     */
    static boolean ended(long pid) throws InterruptedException {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        try {
            handle.get().onExit().get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** Kills a process a test caused, if it is still there: clean-up after a failed assertion. */
    static void killQuietly(Path pidFile) {
        try {
            if (Files.exists(pidFile)) {
                String text = Files.readString(pidFile).strip();
                if (!text.isEmpty()) {
                    ProcessHandle.of(Long.parseLong(text)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Nothing to clean up.
        }
    }
}
