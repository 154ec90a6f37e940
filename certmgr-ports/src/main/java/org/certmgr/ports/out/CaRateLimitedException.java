package org.certmgr.ports.out;

import java.time.Instant;
import java.util.Optional;

/** The CA refused the request because a rate limit was reached. */
public class CaRateLimitedException extends CaException {
    private static final long serialVersionUID = 1L;
    private final transient Instant retryAfter;

    /**
     * Creates the exception.
     *
     * @param message    the CA's explanation
     * @param retryAfter when the CA said to try again, if it did
     */
    public CaRateLimitedException(String message, Optional<Instant> retryAfter) {
        super(message);
        this.retryAfter = retryAfter.orElse(null);
    }

    /**
     * Returns when the CA said to try again.
     *
     * @return the instant, if the CA sent one
     */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
