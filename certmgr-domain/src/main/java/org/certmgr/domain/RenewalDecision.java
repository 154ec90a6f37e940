package org.certmgr.domain;

import java.util.Objects;

/**
 * Whether to obtain a new certificate for one key type, and why, in words shown to the operator.
 *
 * @param renew  true when a new certificate must be issued
 * @param reason why, e.g. "expires in 12 days (renewal window 30 days)"
 */
public record RenewalDecision(boolean renew, String reason) {

    /**
     * Checks a reason is given.
     *
     * @param renew true when a new certificate must be issued
     * @param reason why, e.g. "expires in 12 days (renewal window 30 days)"
     */
    public RenewalDecision {
        Objects.requireNonNull(reason, "reason");
    }

    static RenewalDecision renew(String reason) {
        return new RenewalDecision(true, reason);
    }

    static RenewalDecision keep(String reason) {
        return new RenewalDecision(false, reason);
    }
}
