package org.certmgr.domain;

import java.time.Duration;

/**
 * How long certmgr waits for the CA.
 *
 * @param maxAuthorizationAttempts the number of polls for one authorization
 *                                 ({@code max_authorization_attempts})
 * @param authorizationDelay       the longest pause between two polls ({@code authorization_delay});
 *                                 polls start faster and grow to it
 * @param certificatePollTime      how long to wait for the CA to issue after finalizing ({@code cert_poll_time})
 */
public record AcmeTiming(int maxAuthorizationAttempts, Duration authorizationDelay, Duration certificatePollTime) {

    /** The defaults of the specification: 30 attempts, 10 s apart, 30 s for issuance. */
    public static final AcmeTiming DEFAULT = new AcmeTiming(30, Duration.ofSeconds(10), Duration.ofSeconds(30));

    /**
     * Validates the values.
     *
     * @param maxAuthorizationAttempts the number of polls for one authorization ({@code
     *        max_authorization_attempts})
     * @param authorizationDelay the longest pause between two polls ({@code authorization_delay}); polls
     *        start faster and grow to it
     * @param certificatePollTime how long to wait for the CA to issue after finalizing ({@code cert_poll_time})
     */
    public AcmeTiming {
        if (maxAuthorizationAttempts < 1) {
            throw new InvalidValueException("max_authorization_attempts must be at least 1, not " + maxAuthorizationAttempts);
        }
        if (authorizationDelay.isNegative() || authorizationDelay.isZero()) {
            throw new InvalidValueException("authorization_delay must be positive");
        }
        if (certificatePollTime.isNegative() || certificatePollTime.isZero()) {
            throw new InvalidValueException("cert_poll_time must be positive");
        }
    }

    /**
     * Returns the longest time to wait for authorizations: attempts × delay.
     *
     * @return the authorization deadline, relative
     */
    public Duration authorizationTimeout() {
        return authorizationDelay.multipliedBy(maxAuthorizationAttempts);
    }
}
