package org.certmgr.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.RunHistory;
import org.certmgr.ports.out.RunHistory.CertificateRun;
import org.certmgr.ports.out.RunHistory.RunSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RunHistory}: extend it with a test class for your adapter.
 *
 * <p>{@link #newHistory()} is called before each test; {@link #reopen()} must return a second
 * instance over the same storage (for an in-memory history, the same instance).
 */
public abstract class RunHistoryContract {
    private static final Instant FIRST = Instant.parse("2026-03-01T04:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-03-01T16:00:00Z");
    private static final CertificateName ONE = CertificateName.of("one.example.test");
    private static final CertificateName TWO = CertificateName.of("two.example.test");

    private RunHistory history;

    /**
     * Creates an empty history for one test.
     *
     * @return the history under test
     * @throws Exception when it cannot be created
     */
    protected abstract RunHistory newHistory() throws Exception;

    /**
     * Opens the history of the current test again, as another process would.
     *
     * @return a history over the same storage
     * @throws Exception when it cannot be opened
     */
    protected abstract RunHistory reopen() throws Exception;

    /**
     * Damages what is stored about a certificate so that it cannot be read any more. A history
     * that cannot be damaged may abort the test with {@code Assumptions.abort}.
     *
     * @param name the certificate
     * @throws Exception when it cannot be arranged
     */
    protected abstract void corrupt(CertificateName name) throws Exception;

    @BeforeEach
    void createHistory() throws Exception {
        history = newHistory();
    }

    /**
     * Returns the history of the current test.
     *
     * @return the history
     */
    protected final RunHistory history() {
        return history;
    }

    @Test
    void givenNothingRecorded_thenEveryCertificateAndTheRunAreAbsent() throws Exception {
        assertThat(history.lastRun(ONE)).isEmpty();
        assertThat(history.lastRun()).isEmpty();
    }

    @Test
    void givenARecordedRun_thenItReadsBackExactly_alsoFromAnotherInstance() throws Exception {
        RunSummary run = new RunSummary(FIRST, 2, 1, Optional.empty());
        CertificateRun ok = new CertificateRun(FIRST, Optional.empty(), Optional.of(FIRST));
        CertificateRun failed = new CertificateRun(FIRST, Optional.of("the CA refused: rateLimited"), Optional.empty());

        history.record(run, entries(ONE, ok, TWO, failed));

        for (RunHistory h : new RunHistory[] {history, reopen()}) {
            assertThat(h.lastRun()).contains(run);
            assertThat(h.lastRun(ONE)).contains(ok);
            assertThat(h.lastRun(TWO)).contains(failed);
        }
    }

    @Test
    void givenALaterRunOfOneCertificate_thenItReplacesThatEntryAndTheSummary_andOthersKeepTheirs() throws Exception {
        CertificateRun firstOne = new CertificateRun(FIRST, Optional.empty(), Optional.of(FIRST));
        CertificateRun firstTwo = new CertificateRun(FIRST, Optional.empty(), Optional.of(FIRST));
        history.record(new RunSummary(FIRST, 2, 0, Optional.of(FIRST)), entries(ONE, firstOne, TWO, firstTwo));
        CertificateRun secondOne = new CertificateRun(SECOND, Optional.of("timeout"), Optional.of(FIRST));
        RunSummary second = new RunSummary(SECOND, 1, 1, Optional.of(FIRST));

        history.record(second, entries(ONE, secondOne));

        assertThat(reopen().lastRun()).contains(second);
        assertThat(reopen().lastRun(ONE)).contains(secondOne);
        assertThat(reopen().lastRun(TWO)).contains(firstTwo);
    }

    @Test
    void givenAFailureReasonOnSeveralLines_thenItReadsBackOnOne() throws Exception {
        history.record(new RunSummary(FIRST, 1, 1, Optional.empty()),
                entries(ONE, new CertificateRun(FIRST, Optional.of("first\nsecond"), Optional.empty())));

        assertThat(reopen().lastRun(ONE).flatMap(CertificateRun::failure)).contains("first second");
    }

    @Test
    void givenADamagedEntry_thenItReadsAsAbsent() throws Exception {
        history.record(new RunSummary(FIRST, 1, 0, Optional.of(FIRST)),
                entries(ONE, new CertificateRun(FIRST, Optional.empty(), Optional.of(FIRST))));

        corrupt(ONE);

        assertThat(reopen().lastRun(ONE)).isEmpty();
    }

    private static Map<CertificateName, CertificateRun> entries(Object... pairs) {
        Map<CertificateName, CertificateRun> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((CertificateName) pairs[i], (CertificateRun) pairs[i + 1]);
        }
        return map;
    }
}
