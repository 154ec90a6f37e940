package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.certmgr.ports.out.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path dir;

    private Process other;

    @AfterEach
    void stopOtherJvm() throws InterruptedException {
        if (other != null) {
            other.destroyForcibly();
            other.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Starts {@link LockHolder} in another JVM and returns its first line of output. */
    private String otherJvm(String mode, Path lockFile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                mode, lockFile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                return "failed: " + e;
            }
        });
        // Bounded: if the JVM does not answer, the @AfterEach kills it, which ends the read.
        return line.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void givenFreeLock_thenTryAcquireTakesItAndWritesThisPid() throws Exception {
        Path file = dir.resolve("certmgr.lock");
        try (RunLock lock = FsAdapters.runLock(file)) {
            assertThat(lock.tryAcquire()).isTrue();
            assertThat(lock.isHeld()).isTrue();
            assertThat(Files.readString(file)).isEqualTo(ProcessHandle.current().pid() + "\n");
            assertThat(lock.tryAcquire()).as("already held by this instance").isTrue();
        }
    }

    @Test
    void givenMissingFolder_thenItIsCreated() throws Exception {
        Path file = dir.resolve("run/certmgr/certmgr.lock");
        try (RunLock lock = FsAdapters.runLock(file)) {
            assertThat(lock.tryAcquire()).isTrue();
        }
        assertThat(file).exists();
    }

    @Test
    void givenClose_thenTheLockIsFreeAgainTheFileStaysAndNamesNoHolder() throws Exception {
        Path file = dir.resolve("certmgr.lock");
        RunLock first = FsAdapters.runLock(file);
        assertThat(first.tryAcquire()).isTrue();

        first.close();
        first.close();

        assertThat(first.isHeld()).isFalse();
        assertThat(file).exists();
        try (RunLock second = FsAdapters.runLock(file)) {
            assertThat(second.holderPid()).isEmpty();
            assertThat(second.tryAcquire()).isTrue();
        }
    }

    @Test
    void givenLockHeldInThisJvm_thenASecondInstanceGetsFalseAndTheOsLockSurvivesItsAttempt() throws Exception {
        Path file = dir.resolve("certmgr.lock");
        try (RunLock first = FsAdapters.runLock(file); RunLock second = FsAdapters.runLock(file)) {
            assertThat(first.tryAcquire()).isTrue();

            assertThat(second.tryAcquire()).isFalse();
            assertThat(second.acquire(Duration.ofMillis(300))).isFalse();
            assertThat(second.holderPid()).contains(ProcessHandle.current().pid());

            assertThat(otherJvm("probe", file)).isEqualTo("busy");
        }
    }

    @Test
    void givenLockHeldByAnotherProcess_thenTryAcquireIsFalseAndNamesItsPid_untilThatProcessDies() throws Exception {
        Path file = dir.resolve("certmgr.lock");
        assertThat(otherJvm("hold", file)).isEqualTo("locked");

        try (RunLock lock = FsAdapters.runLock(file)) {
            assertThat(lock.tryAcquire()).isFalse();
            assertThat(lock.acquire(Duration.ofMillis(500))).isFalse();
            assertThat(lock.holderPid()).contains(other.pid());

            // Like a crash: the holder gets no chance to clean up.
            other.destroyForcibly();
            assertThat(other.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

            assertThat(lock.tryAcquire()).isTrue();
            assertThat(lock.holderPid()).contains(ProcessHandle.current().pid());
        }
    }

    @Test
    void givenLockHeldByAnotherProcessThatEndsWhileWaiting_thenAcquireGetsIt() throws Exception {
        Path file = dir.resolve("certmgr.lock");
        assertThat(otherJvm("hold", file)).isEqualTo("locked");
        try (RunLock lock = FsAdapters.runLock(file)) {
            other.destroy();

            assertThat(lock.acquire(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
        }
    }

    @Test
    void givenLockHeldHere_thenAnotherProcessFindsItBusy() throws Exception {
        Path file = dir.resolve("certmgr.lock");
        try (RunLock lock = FsAdapters.runLock(file)) {
            assertThat(lock.tryAcquire()).isTrue();

            assertThat(otherJvm("probe", file)).isEqualTo("busy");
        }
        assertThat(otherJvm("probe", file)).isEqualTo("free");
    }

    @Test
    void givenFolderCannotBeCreated_thenTheErrorNamesThePathAndTheSetting() throws Exception {
        Path blocker = dir.resolve("run");
        Files.writeString(blocker, "a file, not a folder");
        Path file = blocker.resolve("certmgr.lock");

        assertThatThrownBy(() -> FsAdapters.runLock(file).tryAcquire())
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot create the folder of the lock file " + file + ": ")
                .hasMessageEndingWith("; set lock_file to a file in a folder certmgr can write");
    }

    @Test
    void givenLockPathIsAFolder_thenTheErrorNamesThePath() throws Exception {
        Path file = dir.resolve("certmgr.lock");
        Files.createDirectory(file);

        assertThatThrownBy(() -> FsAdapters.runLock(file).tryAcquire())
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot open the lock file " + file + ": Is a directory;"
                        + " set lock_file to a file in a folder certmgr can write");
    }
}
