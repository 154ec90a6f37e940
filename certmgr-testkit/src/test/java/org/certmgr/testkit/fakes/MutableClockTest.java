package org.certmgr.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void givenNoChange_thenTimeStandsStill() {
        MutableClock clock = new MutableClock(START);

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void givenAdvanceAndSet_thenTheClockMoves_alsoBackwards() {
        MutableClock clock = new MutableClock(START);

        assertThat(clock.advance(Duration.ofDays(60))).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        clock.set(START.minusSeconds(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
    }

    @Test
    void givenClockInOtherZone_thenItSharesTheInstant() {
        MutableClock clock = new MutableClock(START);
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofHours(1));

        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(paris.instant()).isEqualTo(START.plusSeconds(3600));
    }
}
