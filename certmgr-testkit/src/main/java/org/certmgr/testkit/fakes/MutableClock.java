package org.certmgr.testkit.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test sets or advances it, so that time-dependent code is
 * tested without sleeping.
 *
 * <p>Thread safe. A clock from {@link #withZone} shares the instant with this one: advancing
 * either advances both.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /**
     * Creates a clock at {@code start} in UTC.
     *
     * @param start the initial instant
     */
    public MutableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Creates a clock at a fixed, round instant (2026-01-01T00:00:00Z), for tests that do not
     * care which instant it is.
     *
     * @return a new clock
     */
    public static MutableClock atSomeInstant() {
        return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * Sets the time.
     *
     * @param instant the new instant; may be earlier than the current one
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Moves the time forward (or back, for a negative amount).
     *
     * @param amount how far
     * @return the new instant
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        return now.updateAndGet(current -> current.plus(amount));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, Objects.requireNonNull(newZone, "zone"));
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
