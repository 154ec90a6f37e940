package org.certmgr.adapters.acme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.ports.out.CaException;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeNetworkException;

/**
 * Polls an ACME resource until it settles, with a short first pause that grows.
 *
 * <p>acme4j's own wait polls every 3 s when the CA sends no Retry-After (Pebble never
 * does), which makes a test CA slow and a real one no faster. This loop starts at
 * {@link #FIRST_DELAY}, multiplies by {@link #GROWTH} up to the configured longest pause,
 * waits longer when the CA's Retry-After says so (but never past the deadline), and polls a
 * last time at the deadline.
 */
final class Poller {
    /** The first pause. */
    static final Duration FIRST_DELAY = Duration.ofMillis(50);
    /** The factor by which pauses grow. */
    static final double GROWTH = 1.5;

    private final Clock clock;
    private final Sleeper sleeper;

    /** Pauses the calling thread; tests replace it to record the schedule. */
    @FunctionalInterface
    interface Sleeper {
        /**
         * Pauses.
         *
         * @param duration how long, positive
         * @throws InterruptedException when interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** One look at the resource. */
    @FunctionalInterface
    interface Probe {
        /**
         * Fetches the resource and tells whether it has settled.
         *
         * @return the outcome
         * @throws AcmeException when fetching fails
         */
        Poll poll() throws AcmeException;
    }

    /**
     * What one poll found.
     *
     * @param done       whether waiting is over
     * @param retryAfter when the CA asked to be polled again, if it did
     * @param state      the state seen, for the timeout message
     */
    record Poll(boolean done, Optional<Instant> retryAfter, String state) {
        /** Checks the values are present. */
        Poll {
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(state, "state");
        }

        static Poll finished() {
            return new Poll(true, Optional.empty(), "finished");
        }

        static Poll waiting(Optional<Instant> retryAfter, String state) {
            return new Poll(false, retryAfter, state);
        }
    }

    /**
     * Creates a poller.
     *
     * @param clock   tells the time for deadlines
     * @param sleeper pauses between polls
     */
    Poller(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Returns a poller on the system clock that really sleeps.
     *
     * @return the poller
     */
    /** The pause this poller uses, for other waits of the adapter (retries). */
    Sleeper sleeper() {
        return sleeper;
    }

    static Poller system() {
        return new Poller(Clock.systemUTC(), d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    /**
     * Polls until the probe reports the resource settled.
     *
     * <p>A network failure of one poll is not the end: the next poll may succeed. Only when
     * the deadline passes is the last network failure thrown, since it explains the wait
     * better than a timeout.
     *
     * @param what     what is awaited, for the message ("the CA to validate a.test")
     * @param timeout  how long at most
     * @param maxDelay the longest pause between polls
     * @param probe    one poll
     * @throws CaException          when the deadline passes first, saying what and how long
     * @throws AcmeException        when a poll fails other than by the network
     * @throws InterruptedException when interrupted while waiting
     */
    void await(String what, Duration timeout, Duration maxDelay, Probe probe)
            throws CaException, AcmeException, InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        Duration delay = FIRST_DELAY.compareTo(maxDelay) < 0 ? FIRST_DELAY : maxDelay;
        // Every pause but the last is at least the first one, so this many polls cover the
        // timeout; the bound only matters should a clock stand still.
        long maxPolls = timeout.toNanos() / delay.toNanos() + 2;
        for (long polls = 1; ; polls++) {
            Poll poll;
            AcmeNetworkException networkFailure = null;
            try {
                poll = probe.poll();
            } catch (AcmeNetworkException e) {
                AcmeFailures.throwIfInterrupted(e);
                networkFailure = e;
                poll = Poll.waiting(Optional.empty(), "unknown (the last poll failed: " + e.getMessage() + ")");
            }
            if (poll.done()) {
                return;
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline) || polls >= maxPolls) {
                if (networkFailure != null) {
                    throw networkFailure;
                }
                // The configured limit, not the measured time: it is what the operator can change.
                throw new CaException("gave up waiting for " + what + " after " + seconds(timeout)
                        + " (state: " + poll.state() + ")");
            }
            // Never sooner than the CA asked, nor sooner than the own schedule.
            Instant next = now.plus(delay);
            if (poll.retryAfter().isPresent() && poll.retryAfter().get().isAfter(next)) {
                next = poll.retryAfter().get();
            }
            if (next.isAfter(deadline)) {
                next = deadline;
            }
            sleeper.sleep(Duration.between(now, next));
            delay = grow(delay, maxDelay);
        }
    }

    private static Duration grow(Duration delay, Duration maxDelay) {
        Duration grown = Duration.ofNanos((long) (delay.toNanos() * GROWTH));
        return grown.compareTo(maxDelay) < 0 ? grown : maxDelay;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
