package org.certmgr.ports.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.RenewalWindow;

/**
 * What the CA says about renewing one certificate (ACME Renewal Information, RFC 9773).
 *
 * @param window          the suggested renewal window
 * @param fetchAgainAfter when to ask again (the CA's Retry-After, or six hours as the RFC suggests)
 * @param explanation     a page explaining an early window (e.g. an incident), if the CA gives one
 */
public record RenewalInfo(RenewalWindow window, Instant fetchAgainAfter, Optional<String> explanation) {
    /**
     * Checks the values.
     *
     * @param window the suggested renewal window
     * @param fetchAgainAfter when to ask again
     * @param explanation an explanation page, if any
     */
    public RenewalInfo {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(fetchAgainAfter, "fetchAgainAfter");
        Objects.requireNonNull(explanation, "explanation");
    }
}
