package org.certmgr.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides, as a pure function, whether one key type of a certificate needs a new certificate.
 *
 * <p>The checks run from the most to the least urgent, and the first that applies gives the
 * reason: forced, nothing installed, key and certificate mismatched, names changed, key
 * parameters changed, Must-Staple changed, and finally the renewal window.
 */
public final class RenewalPlanner {

    private RenewalPlanner() {
    }

    /**
     * Decides for one key type.
     *
     * @param spec      the certificate as configured
     * @param keyType   the key type to decide for; must be configured in {@code spec}
     * @param installed what is installed for it, if anything
     * @param now       the current instant
     * @param force     whether the operator asked for renewal ({@code --force})
     * @return the decision with its reason
     */
    public static RenewalDecision decide(CertificateSpec spec, KeyType keyType,
                                         Optional<InstalledCertificate> installed, Instant now, boolean force) {
        return decide(spec, keyType, installed, now, force, Optional.empty());
    }

    /**
     * Decides like {@link #decide(CertificateSpec, KeyType, Optional, Instant, boolean)}, with the
     * CA's suggested renewal window (ARI, RFC 9773) when it offers one: the certificate is renewed
     * at an instant inside that window, or earlier when the lifetime rule says so (an imminent
     * expiry overrides a late window).
     *
     * @param spec      the configured certificate
     * @param keyType   the key type to decide for
     * @param installed what is installed for that key type, if anything
     * @param now       the current instant
     * @param force     whether {@code --force} was given
     * @param suggested the CA's renewal window for the installed certificate, if it offers one
     * @return the decision with its reason
     */
    public static RenewalDecision decide(CertificateSpec spec, KeyType keyType, Optional<InstalledCertificate> installed,
                                         Instant now, boolean force, Optional<RenewalWindow> suggested) {
        KeySpec wantedKey = spec.keys().get(keyType);
        if (wantedKey == null) {
            throw new IllegalArgumentException("key type " + keyType + " is not configured for " + spec.name());
        }
        if (force) {
            return RenewalDecision.renew("renewal forced (--force)");
        }
        if (installed.isEmpty()) {
            return RenewalDecision.renew("no " + keyType + " certificate installed yet");
        }
        InstalledCertificate current = installed.get();
        if (!current.keyMatches()) {
            return RenewalDecision.renew("the installed private key does not match the certificate");
        }
        Optional<String> nameChange = describeNameChange(spec, current);
        if (nameChange.isPresent()) {
            return RenewalDecision.renew(nameChange.get());
        }
        if (!current.key().equals(wantedKey)) {
            return RenewalDecision.renew("key changed from " + current.key() + " to " + wantedKey);
        }
        if (current.mustStaple() != spec.ocspMustStaple()) {
            return RenewalDecision.renew(spec.ocspMustStaple() ? "OCSP Must-Staple was switched on"
                    : "OCSP Must-Staple was switched off");
        }
        RenewalDecision byExpiry = decideByExpiry(spec.renewal(), current, now);
        if (suggested.isEmpty() || byExpiry.renew()) {
            return byExpiry;
        }
        RenewalWindow window = suggested.get();
        Instant at = ariPoint(window, current, keyType);
        String span = "the CA suggests renewing between " + window.start() + " and " + window.end() + " (ARI)";
        if (!now.isBefore(at)) {
            return RenewalDecision.renew(span);
        }
        return RenewalDecision.keep(span + "; renewal due in " + describe(Duration.between(now, at)));
    }

    /**
     * Applies the renewal window alone.
     *
     * @param policy  the renewal policy
     * @param current the installed certificate
     * @param now     the current instant
     * @return renew when {@code now} is at or after the start of the renewal window
     */
    public static RenewalDecision decideByExpiry(RenewalPolicy policy, InstalledCertificate current, Instant now) {
        Duration window = policy.windowFor(current.lifetime());
        Instant renewAt = renewAtByExpiry(policy, current);
        Duration left = Duration.between(now, current.notAfter());
        if (!now.isBefore(current.notAfter())) {
            return RenewalDecision.renew("expired " + describe(left.negated()) + " ago");
        }
        if (!now.isBefore(renewAt)) {
            return RenewalDecision.renew("expires in " + describe(left) + " (renewal window " + describe(window) + ")");
        }
        return RenewalDecision.keep("valid for " + describe(left) + ", renewal due in "
                + describe(Duration.between(now, renewAt)));
    }

    /**
     * Returns the instant from which {@link #decide(CertificateSpec, KeyType, Optional, Instant, boolean,
     * Optional) decide} renews an installed certificate by time alone, when nothing else (forced, a
     * mismatched key, changed names or key parameters, Must-Staple) makes it renew at once: the start
     * of the lifetime rule's renewal window, or the instant picked in the CA's window when earlier.
     * For any {@code now}, {@code decide} renews by time exactly when {@code now} is not before
     * {@link RenewalTime#at()}.
     *
     * @param policy    the renewal policy
     * @param current   the installed certificate
     * @param keyType   its key type
     * @param suggested the CA's renewal window for it, if it offers one
     * @return when and by which rule it is due
     */
    public static RenewalTime renewalTime(RenewalPolicy policy, InstalledCertificate current, KeyType keyType,
                                          Optional<RenewalWindow> suggested) {
        Instant byExpiry = renewAtByExpiry(policy, current);
        if (suggested.isPresent()) {
            Instant byCa = ariPoint(suggested.get(), current, keyType);
            if (byCa.isBefore(byExpiry)) {
                return new RenewalTime(byCa, true);
            }
        }
        return new RenewalTime(byExpiry, false);
    }

    /** The start of the lifetime rule's renewal window. */
    private static Instant renewAtByExpiry(RenewalPolicy policy, InstalledCertificate current) {
        return current.notAfter().minus(policy.windowFor(current.lifetime()));
    }

    /** The instant picked within the CA's window, the same for the same certificate at every run. */
    private static Instant ariPoint(RenewalWindow window, InstalledCertificate current, KeyType keyType) {
        return window.pointFor(current.notBefore() + " " + current.names() + " " + keyType);
    }

    private static Optional<String> describeNameChange(CertificateSpec spec, InstalledCertificate current) {
        Set<String> wanted = spec.altNames().stream().map(DnsName::ascii).collect(Collectors.toCollection(TreeSet::new));
        Set<String> added = new TreeSet<>(wanted);
        added.removeAll(current.names());
        Set<String> removed = new TreeSet<>(current.names());
        removed.removeAll(wanted);
        if (!added.isEmpty() || !removed.isEmpty()) {
            StringBuilder reason = new StringBuilder("names changed:");
            if (!added.isEmpty()) {
                reason.append(" added ").append(String.join(", ", added));
            }
            if (!removed.isEmpty()) {
                reason.append(added.isEmpty() ? "" : ";").append(" removed ").append(String.join(", ", removed));
            }
            return Optional.of(reason.toString());
        }
        String wantedCn = spec.commonName().ascii();
        if (current.commonName().isPresent() && !current.commonName().get().equalsIgnoreCase(wantedCn)) {
            return Optional.of("common name changed from " + current.commonName().get() + " to " + wantedCn);
        }
        return Optional.empty();
    }

    /**
     * Describes a duration the way a person would say it: days, else hours, else minutes.
     *
     * @param d a non-negative duration
     * @return e.g. "12 days", "5 hours", "1 minute"
     */
    public static String describe(Duration d) {
        if (d.toDays() >= 2) {
            return d.toDays() + " days";
        }
        if (d.toHours() >= 2) {
            return d.toHours() + " hours";
        }
        long minutes = Math.max(0, d.toMinutes());
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
