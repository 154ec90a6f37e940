package org.certmgr.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * When an installed certificate becomes due for renewal by time, and by which rule.
 *
 * @param at            from this instant on, {@link RenewalPlanner} renews it
 * @param suggestedByCa true when the CA's suggested window (ARI) sets the instant, false when the
 *                      lifetime rule ({@code renewal_days}, a fraction of the lifetime) does
 */
public record RenewalTime(Instant at, boolean suggestedByCa) {
    /**
     * Checks the instant is given.
     *
     * @param at            from this instant on, it is renewed
     * @param suggestedByCa whether the CA's window sets the instant
     */
    public RenewalTime {
        Objects.requireNonNull(at, "at");
    }
}
