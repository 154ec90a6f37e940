package org.certmgr.testkit.process;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops the processes tests start, by PID and within bounded waits. */
public final class Processes {

    private Processes() {
    }

    /**
     * Stops a process: SIGTERM, a bounded wait, then SIGKILL and another bounded wait, and
     * reaps it so that it does not linger as a zombie. Does nothing when it already ended.
     *
     * @param process the process
     * @param grace   how long each wait may last
     */
    public static void stop(Process process, Duration grace) {
        ProcessHandle.of(process.pid()).ifPresent(handle -> {
            handle.destroy();
            if (!waitForExit(handle, grace)) {
                handle.destroyForcibly();
                waitForExit(handle, grace);
            }
        });
        try {
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle handle, Duration grace) {
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException | TimeoutException e) {
            return !handle.isAlive();
        }
    }
}
