package org.certmgr.testkit.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs small test classes that use the extension through the JUnit launcher, then checks what
 * they saw and what was left behind. The inner classes are skipped when run on their own.
 */
class PebbleExtensionTest {
    private static final List<Object> SEEN = new CopyOnWriteArrayList<>();
    private static volatile boolean launched;

    @Test
    void givenTestClassWithExtension_thenTestsAndNestedTestsShareOneRunningPebble_stoppedAfterTheClass() {
        TestExecutionSummary summary = run(UsesPebble.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(summary.getTotalFailureCount()).isZero();
        PebbleServer pebble = (PebbleServer) SEEN.get(0);
        ChallengeWebServer web = (ChallengeWebServer) SEEN.get(1);
        assertThat(SEEN).hasSize(6);
        assertThat(SEEN.get(2)).isSameAs(pebble);
        assertThat(SEEN.get(4)).isSameAs(pebble);
        assertThat(SEEN.get(5)).isSameAs(web);
        assertThat(ProcessHandle.of(pebble.pebblePid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(pebble.challengeTestServerPid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(pebble.workDir()).doesNotExist();
        assertThat(web.webRoot()).doesNotExist();
    }

    @Test
    void givenFailingTest_thenPebbleIsStoppedAnyway() {
        TestExecutionSummary summary = run(FailsWithPebble.class);

        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        PebbleServer pebble = (PebbleServer) SEEN.get(0);
        assertThat(ProcessHandle.of(pebble.pebblePid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(pebble.challengeTestServerPid()).filter(ProcessHandle::isAlive)).isEmpty();
    }

    private static synchronized TestExecutionSummary run(Class<?> testClass) {
        SEEN.clear();
        launched = true;
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(testClass)).build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener);
            return listener.getSummary();
        } finally {
            launched = false;
        }
    }

    static boolean launchedByOuterTest() {
        return launched;
    }

    @ExtendWith(PebbleExtension.class)
    @EnabledIf("org.certmgr.testkit.pebble.PebbleExtensionTest#launchedByOuterTest")
    static class UsesPebble {
        @Test
        void first(PebbleServer pebble, ChallengeWebServer web) throws Exception {
            SEEN.add(pebble);
            SEEN.add(web);
            assertThat(web.port()).isEqualTo(pebble.httpChallengePort());
            assertThat(pebble.issuingRoot()).isNotNull();
            assertThat(Files.isDirectory(web.webRoot())).isTrue();
        }

        @Test
        void second(PebbleServer pebble, ChallengeWebServer web) {
            SEEN.add(pebble);
            SEEN.add(web);
        }

        @Nested
        class Inner {
            @Test
            void nested(PebbleServer pebble, ChallengeWebServer web) {
                SEEN.add(pebble);
                SEEN.add(web);
            }
        }
    }

    @ExtendWith(PebbleExtension.class)
    @EnabledIf("org.certmgr.testkit.pebble.PebbleExtensionTest#launchedByOuterTest")
    static class FailsWithPebble {
        @Test
        void fails(PebbleServer pebble) {
            SEEN.add(pebble);
            assertThat(Path.of("/")).as("a test that fails on purpose").doesNotExist();
        }
    }
}
