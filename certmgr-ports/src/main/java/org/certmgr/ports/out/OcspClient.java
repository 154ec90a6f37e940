package org.certmgr.ports.out;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Asks OCSP responders about certificates and checks their answers.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #responderUrls} MUST return the OCSP URLs of the certificate's Authority
 *       Information Access extension, in order, and an empty list when it has none.</li>
 *   <li>{@link #fetch} MUST send one HTTP POST ({@code application/ocsp-request}) for the
 *       certificate against its issuer, with bounded connect and read timeouts, and MUST return
 *       only a response that {@link #read} accepts and that is current: thisUpdate not later
 *       than now plus a small clock skew, nextUpdate (when present) not passed. Anything else —
 *       no connection, a timeout, an HTTP error, garbage, an unsuccessful response status, a bad
 *       signature, another certificate's status, a stale response — MUST be an
 *       {@link OcspException}. A REVOKED or UNKNOWN status is a returned response, not an
 *       exception.</li>
 *   <li>{@link #read} MUST accept only a successful basic response signed by the issuer's key, or
 *       by a responder certificate that the issuer signed, that has the OCSP-signing extended key
 *       usage and that is valid now; and only when it holds a single response whose certificate ID
 *       matches the certificate and issuer. It MUST NOT check thisUpdate or nextUpdate against the
 *       clock: the caller decides what an old response means.</li>
 *   <li>Implementations MUST be safe for concurrent use.</li>
 * </ul>
 */
public interface OcspClient {
    /** A client for a CA without OCSP: no URLs, and every request fails. */
    OcspClient NONE = new OcspClient() {
        @Override
        public List<String> responderUrls(X509Certificate certificate) {
            return List.of();
        }

        @Override
        public OcspResponse fetch(X509Certificate certificate, X509Certificate issuer, String url)
                throws OcspException {
            throw new OcspException("OCSP is not configured");
        }

        @Override
        public OcspResponse read(byte[] der, X509Certificate certificate, X509Certificate issuer)
                throws OcspException {
            throw new OcspException("OCSP is not configured");
        }
    };

    /**
     * Returns the OCSP responders a certificate names.
     *
     * @param certificate the certificate
     * @return the URLs of its AIA extension, possibly empty
     */
    List<String> responderUrls(X509Certificate certificate);

    /**
     * Asks a responder about a certificate.
     *
     * @param certificate the certificate
     * @param issuer      the certificate that signed it
     * @param url         the responder's URL
     * @return the validated, current response
     * @throws OcspException when no valid, current response for the certificate was received
     */
    OcspResponse fetch(X509Certificate certificate, X509Certificate issuer, String url) throws OcspException;

    /**
     * Reads and validates a stored response, without regard to the time.
     *
     * @param der         the response, e.g. an installed {@code ocsp.der}
     * @param certificate the certificate it should be about
     * @param issuer      the certificate's issuer
     * @return the response
     * @throws OcspException when it is not a validly signed response about the certificate
     */
    OcspResponse read(byte[] der, X509Certificate certificate, X509Certificate issuer) throws OcspException;
}
