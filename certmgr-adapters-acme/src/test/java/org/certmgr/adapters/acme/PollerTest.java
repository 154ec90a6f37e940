package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.certmgr.ports.out.CaException;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.exception.AcmeNetworkException;

class PollerTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** A clock that only moves when the fake sleeper sleeps. */
    private static final class SteppingClock extends Clock {
        Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final SteppingClock clock = new SteppingClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private final Poller poller = new Poller(clock, d -> {
        sleeps.add(d);
        clock.now = clock.now.plus(d);
    });

    private static Poller.Probe doneAfter(int polls, List<Optional<Instant>> retryAfters) {
        int[] count = {0};
        return () -> {
            int n = count[0]++;
            if (n + 1 >= polls) {
                return Poller.Poll.finished();
            }
            return Poller.Poll.waiting(n < retryAfters.size() ? retryAfters.get(n) : Optional.empty(), "pending");
        };
    }

    @Test
    void givenNoRetryAfter_whenAwait_thenPausesStartAt50MsAndGrowBy1Point5UpToTheLongestDelay() throws Exception {
        poller.await("the thing", Duration.ofSeconds(60), Duration.ofMillis(300), doneAfter(7, List.of()));

        assertThat(sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(75), Duration.ofNanos(112_500_000),
                Duration.ofNanos(168_750_000), Duration.ofNanos(253_125_000), Duration.ofMillis(300));
    }

    @Test
    void givenResourceAlreadySettled_whenAwait_thenNoPause() throws Exception {
        poller.await("the thing", Duration.ofSeconds(1), Duration.ofSeconds(1), doneAfter(1, List.of()));

        assertThat(sleeps).isEmpty();
    }

    @Test
    void givenRetryAfter_whenAwait_thenWaitsUntilThatInstant() throws Exception {
        poller.await("the thing", Duration.ofSeconds(60), Duration.ofMillis(300),
                doneAfter(3, List.of(Optional.of(START.plusSeconds(2)), Optional.empty())));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(75));
    }

    @Test
    void givenRetryAfterInThePast_whenAwait_thenOwnScheduleApplies() throws Exception {
        poller.await("the thing", Duration.ofSeconds(60), Duration.ofMillis(300),
                doneAfter(2, List.of(Optional.of(START.minusSeconds(5)))));

        assertThat(sleeps).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void givenRetryAfterSoonerThanTheOwnSchedule_whenAwait_thenTheOwnScheduleApplies() throws Exception {
        poller.await("the thing", Duration.ofSeconds(60), Duration.ofMillis(300),
                doneAfter(2, List.of(Optional.of(START.plusMillis(1)))));

        assertThat(sleeps).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void givenRetryAfterBeyondTheDeadline_whenAwait_thenWaitsOnlyToTheDeadlineAndPollsOnceMore() throws Exception {
        List<Instant> polls = new ArrayList<>();
        Poller.Probe probe = () -> {
            polls.add(clock.instant());
            return Poller.Poll.waiting(Optional.of(START.plusSeconds(3600)), "processing");
        };

        assertThatThrownBy(() -> poller.await("the CA to issue", Duration.ofSeconds(30), Duration.ofSeconds(10), probe))
                .isInstanceOf(CaException.class)
                .hasMessage("gave up waiting for the CA to issue after 30 s (state: processing)");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
        assertThat(polls).containsExactly(START, START.plusSeconds(30));
    }

    @Test
    void givenNeverSettles_whenAwait_thenTimesOutAtTheDeadlineWithALastPollThere() throws Exception {
        List<Instant> polls = new ArrayList<>();
        Poller.Probe probe = () -> {
            polls.add(clock.instant());
            return Poller.Poll.waiting(Optional.empty(), "pending: a.test");
        };

        assertThatThrownBy(() -> poller.await("the CA to validate a.test", Duration.ofSeconds(2), Duration.ofMillis(500), probe))
                .isInstanceOf(CaException.class)
                .hasMessageContaining("the CA to validate a.test")
                .hasMessageContaining("after 2 s")
                .hasMessageContaining("pending: a.test");
        assertThat(polls.get(polls.size() - 1)).isEqualTo(START.plusSeconds(2));
        assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(500)));
    }

    @Test
    void givenOnePollFailsOnTheNetwork_whenAwait_thenPollingGoesOn() throws Exception {
        int[] count = {0};
        poller.await("the thing", Duration.ofSeconds(5), Duration.ofSeconds(1), () -> {
            if (count[0]++ == 0) {
                throw new AcmeNetworkException(new ConnectException("Connection refused"));
            }
            return Poller.Poll.finished();
        });

        assertThat(count[0]).isEqualTo(2);
    }

    @Test
    void givenNetworkFailsUntilTheDeadline_whenAwait_thenTheNetworkFailureIsThrown() {
        AcmeNetworkException failure = new AcmeNetworkException(new ConnectException("Connection refused"));

        assertThatThrownBy(() -> poller.await("the thing", Duration.ofSeconds(1), Duration.ofSeconds(1), () -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void givenRequestInterrupted_whenAwait_thenInterruptedExceptionAndNoFurtherPoll() {
        int[] count = {0};

        assertThatThrownBy(() -> poller.await("the thing", Duration.ofSeconds(5), Duration.ofSeconds(1), () -> {
            count[0]++;
            throw new AcmeNetworkException(new IOException("Request was interrupted", new InterruptedException()));
        })).isInstanceOf(InterruptedException.class);
        assertThat(count[0]).isEqualTo(1);
    }

    @Test
    void givenLongestDelayBelowTheFirstPause_whenAwait_thenEveryPauseIsTheLongestDelay() throws Exception {
        poller.await("the thing", Duration.ofSeconds(1), Duration.ofMillis(20), doneAfter(3, List.of()));

        assertThat(sleeps).containsExactly(Duration.ofMillis(20), Duration.ofMillis(20));
    }
}
