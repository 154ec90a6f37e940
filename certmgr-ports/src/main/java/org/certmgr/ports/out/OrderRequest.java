package org.certmgr.ports.out;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.DnsName;

/**
 * What to order from the CA.
 *
 * @param names            the identifiers, in the order of the CSR
 * @param csrDer           the certificate signing request, DER encoded
 * @param timing           how long to wait for authorizations and issuance
 * @param answerChallenges whether authorizations that are not yet valid are answered; false
 *                         for a follower ({@code update --no-auth}), which relies on the
 *                         authorizations its master obtained with the same account
 * @param profile          the ACME profile to ask for (e.g. {@code shortlived}), or empty for the CA's default
 * @param replaces         the certificate the new one replaces, announced to a CA that offers
 *                         renewal information (RFC 9773 {@code replaces}); empty for a first order
 */
public record OrderRequest(List<DnsName> names, byte[] csrDer, AcmeTiming timing, boolean answerChallenges,
                           Optional<String> profile, Optional<X509Certificate> replaces) {
    /**
     * Copies and checks the values.
     *
     * @param names the identifiers, in the order of the CSR
     * @param csrDer the certificate signing request, DER encoded
     * @param timing how long to wait for authorizations and issuance
     * @param answerChallenges whether authorizations that are not yet valid are answered
     * @param profile the ACME profile to ask for, or empty
     * @param replaces the certificate the new one replaces, or empty
     */
    public OrderRequest {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one name");
        }
        csrDer = csrDer.clone();
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(replaces, "replaces");
    }

    /**
     * An order that replaces nothing.
     *
     * @param names the identifiers, in the order of the CSR
     * @param csrDer the certificate signing request, DER encoded
     * @param timing how long to wait for authorizations and issuance
     * @param answerChallenges whether authorizations that are not yet valid are answered
     * @param profile the ACME profile to ask for, or empty
     */
    public OrderRequest(List<DnsName> names, byte[] csrDer, AcmeTiming timing, boolean answerChallenges,
                        Optional<String> profile) {
        this(names, csrDer, timing, answerChallenges, profile, Optional.empty());
    }

    /**
     * An order with the CA's default profile.
     *
     * @param names the identifiers, in the order of the CSR
     * @param csrDer the certificate signing request, DER encoded
     * @param timing how long to wait for authorizations and issuance
     * @param answerChallenges whether authorizations that are not yet valid are answered
     */
    public OrderRequest(List<DnsName> names, byte[] csrDer, AcmeTiming timing, boolean answerChallenges) {
        this(names, csrDer, timing, answerChallenges, Optional.empty(), Optional.empty());
    }

    /**
     * An order whose authorizations are answered.
     *
     * @param names the identifiers, in the order of the CSR
     * @param csrDer the certificate signing request, DER encoded
     * @param timing how long to wait for authorizations and issuance
     */
    public OrderRequest(List<DnsName> names, byte[] csrDer, AcmeTiming timing) {
        this(names, csrDer, timing, true);
    }

    /**
     * Returns the CSR.
     *
     * @return a copy of the DER bytes, so the request stays unchanged
     */
    @Override
    public byte[] csrDer() {
        return csrDer.clone();
    }
}
