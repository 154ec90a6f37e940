package org.certmgr.adapters.fs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteResultHandler;
import org.apache.commons.exec.ProcessDestroyer;

/**
 * One asynchronous Commons Exec run, seen from the thread that waits for it: the process once
 * it is launched, whether the run is over, and a way to kill the process with its children.
 *
 * <p>It is the executor's {@link ProcessDestroyer} because that is the hook through which
 * Commons Exec hands out the {@link Process} right after launching it.
 */
final class TrackedProcess implements ProcessDestroyer, ExecuteResultHandler {
    private final long createdNanos = System.nanoTime();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private Process process;
    private ExecuteException failure;
    private boolean killRequested;

    long createdNanos() {
        return createdNanos;
    }

    @Override
    public synchronized boolean add(Process launched) {
        process = launched;
        if (killRequested) {
            // The caller gave up before the launch completed.
            killTreeNow(launched);
        }
        started.countDown();
        return true;
    }

    @Override
    public boolean remove(Process launched) {
        return true;
    }

    @Override
    public synchronized int size() {
        return process == null ? 0 : 1;
    }

    @Override
    public void onProcessComplete(int exitValue) {
        finished.countDown();
    }

    @Override
    public void onProcessFailed(ExecuteException e) {
        synchronized (this) {
            failure = e;
        }
        finished.countDown();
        // A launch failure has no process: wake the thread waiting for one.
        started.countDown();
    }

    /**
     * Waits until the process is launched or the launch failed.
     *
     * @param timeout how long to wait
     * @return the process; empty when the launch failed or took longer than the timeout
     * @throws InterruptedException when interrupted
     */
    Optional<Process> awaitStart(Duration timeout) throws InterruptedException {
        started.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        synchronized (this) {
            return Optional.ofNullable(process);
        }
    }

    /**
     * Waits until Commons Exec is done with the run, including pumping the output.
     *
     * @param timeout how long to wait at most
     * @throws InterruptedException when interrupted
     */
    void awaitFinish(Duration timeout) throws InterruptedException {
        finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    boolean hasFinished() {
        return finished.getCount() == 0;
    }

    /**
     * Returns why the launch failed.
     *
     * @return the operating system's reason, e.g. {@code No such file or directory}
     */
    synchronized String startFailure() {
        return failure == null ? "unknown reason" : ProcessRunner.reason(failure);
    }

    /**
     * Kills the process and its descendants: SIGTERM first, SIGKILL to whatever is left after
     * the grace period. A process still being launched is killed as soon as it exists.
     *
     * @param grace how long the processes may take to exit after SIGTERM
     * @throws InterruptedException when interrupted while waiting; everything is SIGKILLed first
     */
    void kill(Duration grace) throws InterruptedException {
        Process target;
        synchronized (this) {
            killRequested = true;
            target = process;
        }
        if (target == null) {
            return;
        }
        // Descendants are collected before the parent dies: after that they are orphans that
        // nothing links to the command any more.
        List<ProcessHandle> descendants = new ArrayList<>(target.descendants().toList());
        target.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            target.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            // Whatever ignored SIGTERM, or was started meanwhile.
            descendants.addAll(target.descendants().toList());
            target.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Kills the process and its descendants with SIGKILL at once, without waiting. */
    void killNow() {
        Process target;
        synchronized (this) {
            killRequested = true;
            target = process;
        }
        if (target != null) {
            killTreeNow(target);
        }
    }

    private static void killTreeNow(Process target) {
        List<ProcessHandle> descendants = target.descendants().toList();
        target.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
