package org.certmgr.domain;

import java.time.Duration;

/**
 * When a valid certificate is renewed.
 *
 * <p>A certificate is renewed at the earlier of two moments: {@code renewal_days} before it
 * expires, and when only a third of its lifetime remains (half for lifetimes under ten days,
 * so that six-day certificates are renewed in time). A {@code renewal_days} as long as the
 * lifetime or longer is ignored, since it would renew the certificate on every run.
 *
 * @param renewalDays days before expiry ({@code renewal_days}, default 30)
 */
public record RenewalPolicy(int renewalDays) {
    /** The default: 30 days. */
    public static final RenewalPolicy DEFAULT = new RenewalPolicy(30);

    private static final Duration SHORT_LIVED = Duration.ofDays(10);

    /**
     * Validates the number of days.
     *
     * @param renewalDays days before expiry ({@code renewal_days}, default 30)
     */
    public RenewalPolicy {
        if (renewalDays < 1) {
            throw new InvalidValueException("renewal_days must be at least 1, not " + renewalDays);
        }
    }

    /**
     * Returns how long before expiry a certificate of this lifetime is renewed.
     *
     * @param lifetime the certificate's validity period
     * @return the renewal window, never longer than the lifetime
     */
    public Duration windowFor(Duration lifetime) {
        Duration fraction = lifetime.compareTo(SHORT_LIVED) < 0 ? lifetime.dividedBy(2) : lifetime.dividedBy(3);
        Duration days = Duration.ofDays(renewalDays);
        if (days.compareTo(lifetime) >= 0) {
            return fraction;
        }
        return days.compareTo(fraction) > 0 ? days : fraction;
    }
}
