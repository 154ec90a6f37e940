package org.certmgr.ports.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated OCSP response for one certificate: signed by its issuer or the issuer's delegated
 * responder, and about that certificate.
 *
 * @param der        the response as received (a DER {@code OCSPResponse}), what {@code ocsp.der} holds
 * @param status     what the responder says about the certificate
 * @param thisUpdate when the status was known to be correct
 * @param nextUpdate when newer information will be available; empty when the responder gives none
 */
public record OcspResponse(byte[] der, OcspStatus status, Instant thisUpdate, Optional<Instant> nextUpdate) {
    /** How long a response without nextUpdate is used before it is refreshed. */
    public static final Duration REFRESH_WITHOUT_NEXT_UPDATE = Duration.ofHours(12);

    /**
     * Copies the bytes.
     *
     * @param der        the response
     * @param status     the status
     * @param thisUpdate this update
     * @param nextUpdate next update, or empty
     */
    public OcspResponse {
        der = der.clone();
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
    }

    /**
     * Returns the response bytes.
     *
     * @return a copy of the DER
     */
    @Override
    public byte[] der() {
        return der.clone();
    }

    /**
     * Returns when this response should be replaced: half way through its validity, so that
     * a responder that is down for a while does not leave a server with an expired staple.
     *
     * @return thisUpdate plus half of (nextUpdate − thisUpdate), or plus
     *         {@link #REFRESH_WITHOUT_NEXT_UPDATE} without a nextUpdate
     */
    public Instant refreshAt() {
        return nextUpdate.map(next -> thisUpdate.plus(Duration.between(thisUpdate, next).dividedBy(2)))
                .orElse(thisUpdate.plus(REFRESH_WITHOUT_NEXT_UPDATE));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OcspResponse other && java.util.Arrays.equals(der, other.der) && status == other.status
                && thisUpdate.equals(other.thisUpdate) && nextUpdate.equals(other.nextUpdate);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "OcspResponse[" + status + ", thisUpdate=" + thisUpdate + ", nextUpdate=" + nextUpdate.orElse(null)
                + ", " + der.length + " bytes]";
    }
}
