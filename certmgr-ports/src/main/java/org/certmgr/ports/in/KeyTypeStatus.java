package org.certmgr.ports.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.RenewalWindow;

/**
 * Where one key type of a certificate stands.
 *
 * @param keyType     the key type
 * @param condition   the state of its installed certificate
 * @param notBefore   start of validity of the installed certificate, when one is readable
 * @param notAfter    end of validity of the installed certificate, when one is readable
 * @param nextRenewal what {@code update} will do about it, when and why
 * @param ocsp        the stored OCSP response
 * @param sctCount    how many SCT files are installed for it
 * @param sctExpected how many logs {@code ct_submit_logs} names
 */
public record KeyTypeStatus(KeyType keyType, Condition condition, Optional<Instant> notBefore,
                            Optional<Instant> notAfter, NextRenewal nextRenewal, OcspState ocsp, int sctCount,
                            int sctExpected) {

    /** The state of the installed certificate of a key type. */
    public enum Condition {
        /** Installed, valid and not yet due. */
        VALID,
        /** Installed and valid, and the next {@code update} renews it. */
        RENEWAL_DUE,
        /** Installed but expired. */
        EXPIRED,
        /** Nothing installed. */
        NOT_INSTALLED,
        /** Installed files that cannot be read or used. */
        UNREADABLE;

        /**
         * Tells whether this condition needs a person.
         *
         * @return true for expired, not installed and unreadable
         */
        public boolean problem() {
            return this == EXPIRED || this == NOT_INSTALLED || this == UNREADABLE;
        }
    }

    /** Which rule sets the time of the next renewal. */
    public enum Basis {
        /** The lifetime rule: {@code renewal_days} before expiry, or a fraction of the lifetime. */
        LIFETIME,
        /** The CA's suggested window (ACME Renewal Information, RFC 9773). */
        ARI,
        /** Something other than time: nothing installed, changed names or keys, unreadable files. */
        CHANGE
    }

    /**
     * What {@code update} will do about a key type: renew it, at {@code at}.
     *
     * @param at        when it is due: in the past or now when {@code due}
     * @param due       whether the next {@code update} renews it (unless held)
     * @param basis     which rule sets {@code at}
     * @param reason    the renewal planner's words, exactly as {@code update --verbose} prints them
     * @param caWindow  the CA's suggested window, when one is stored for the installed certificate
     * @param heldUntil when the CA asked not to be asked again before some time still to come: that time
     * @param holdReason what the CA said then, when held
     */
    public record NextRenewal(Instant at, boolean due, Basis basis, String reason, Optional<RenewalWindow> caWindow,
                              Optional<Instant> heldUntil, Optional<String> holdReason) {
        /**
         * Checks the values.
         *
         * @param at         when it is due
         * @param due        whether the next update renews it
         * @param basis      which rule
         * @param reason     the planner's words
         * @param caWindow   the CA's window, or empty
         * @param heldUntil  the CA's hold, or empty
         * @param holdReason what the CA said, or empty
         */
        public NextRenewal {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(caWindow, "caWindow");
            Objects.requireNonNull(heldUntil, "heldUntil");
            Objects.requireNonNull(holdReason, "holdReason");
        }
    }

    /**
     * The stored OCSP response of a key type.
     *
     * @param kind       what is stored
     * @param thisUpdate when the responder knew the status, for a readable response
     * @param nextUpdate when the responder will know more, if it said
     */
    public record OcspState(Kind kind, Optional<Instant> thisUpdate, Optional<Instant> nextUpdate) {
        /** What is stored. */
        public enum Kind {
            /** OCSP is switched off for the certificate ({@code ocsp_responder_urls: []}). */
            DISABLED,
            /** Neither the certificate nor the configuration names a responder. */
            NO_RESPONDER,
            /** A responder is known but no {@code ocsp.der} is installed. */
            NONE,
            /** The response says good. */
            GOOD,
            /** The response says revoked. */
            REVOKED,
            /** The responder does not know the certificate. */
            UNKNOWN,
            /** {@code ocsp.der} is not a valid response about this certificate. */
            INVALID
        }

        /** No certificate, so no response. */
        public static final OcspState NOTHING = new OcspState(Kind.NONE, Optional.empty(), Optional.empty());

        /**
         * Checks the values.
         *
         * @param kind       what is stored
         * @param thisUpdate when the status was known, or empty
         * @param nextUpdate when newer information comes, or empty
         */
        public OcspState {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(thisUpdate, "thisUpdate");
            Objects.requireNonNull(nextUpdate, "nextUpdate");
        }
    }

    /**
     * Checks the values.
     *
     * @param keyType     the key type
     * @param condition   the state
     * @param notBefore   start of validity, or empty
     * @param notAfter    end of validity, or empty
     * @param nextRenewal the next renewal
     * @param ocsp        the OCSP response
     * @param sctCount    installed SCTs
     * @param sctExpected configured CT logs
     */
    public KeyTypeStatus {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(nextRenewal, "nextRenewal");
        Objects.requireNonNull(ocsp, "ocsp");
    }

    /**
     * Tells whether this key type needs a person.
     *
     * @return true when expired, not installed, unreadable, or reported revoked
     */
    public boolean problem() {
        return condition.problem() || ocsp.kind() == OcspState.Kind.REVOKED;
    }
}
