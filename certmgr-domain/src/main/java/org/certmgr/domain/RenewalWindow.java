package org.certmgr.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time span in which the CA suggests renewing a certificate (ACME Renewal Information,
 * RFC 9773). A CA moves it earlier, e.g. before revoking certificates after an incident.
 *
 * @param start the earliest suggested instant
 * @param end   the latest suggested instant, after {@code start}
 */
public record RenewalWindow(Instant start, Instant end) {
    /**
     * Checks the window is not empty.
     *
     * @param start the earliest suggested instant
     * @param end the latest suggested instant
     */
    public RenewalWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new InvalidValueException("a renewal window must end after it starts (" + start + " .. " + end + ")");
        }
    }

    /**
     * Picks the instant to renew at within the window. RFC 9773 asks for a random instant, so that
     * the CA's load is spread; deriving it from the certificate spreads it just as well and gives
     * the same instant at every run without keeping state.
     *
     * @param certificateId something that identifies the certificate, e.g. its serial number
     * @return an instant in {@code [start, end)}
     */
    public Instant pointFor(String certificateId) {
        long span = Duration.between(start, end).toMillis();
        long hash = 1125899906842597L;
        for (int i = 0; i < certificateId.length(); i++) {
            hash = 31 * hash + certificateId.charAt(i);
        }
        return start.plusMillis(Math.floorMod(hash, Math.max(1, span)));
    }
}
