package org.certmgr.ports.out;

import java.security.cert.X509Certificate;
import java.util.List;
import org.certmgr.domain.CtLogSpec;

/**
 * Submits certificates to Certificate Transparency logs (RFC 6962) and checks the signed
 * certificate timestamps (SCTs) they return.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #submit} MUST POST the chain (leaf first, as given) to the log's
 *       {@code ct/v1/add-chain} with bounded connect and read timeouts, and MUST return the SCT
 *       as the binary TLS {@code SignedCertificateTimestamp} structure of RFC 6962 section 3.2
 *       (what nginx-ct and Apache's mod_ssl_ct read), and only after {@link #verify} accepted it.</li>
 *   <li>{@link #verify} MUST reject an SCT whose version is not v1 or whose log ID differs from the
 *       configured one, and, when the log's public key is configured, one whose signature over the
 *       {@code x509_entry} of the leaf does not verify with that key.</li>
 *   <li>Every failure — no connection, a timeout, an HTTP error, garbage, a check that fails —
 *       MUST be a {@link CtLogException}.</li>
 *   <li>Implementations MUST be safe for concurrent use.</li>
 * </ul>
 */
public interface CtLogClient {
    /** A client for a run without CT logs: every call fails. */
    CtLogClient NONE = new CtLogClient() {
        @Override
        public byte[] submit(CtLogSpec log, List<X509Certificate> chain) throws CtLogException {
            throw new CtLogException("Certificate Transparency is not configured");
        }

        @Override
        public void verify(CtLogSpec log, byte[] sct, X509Certificate certificate) throws CtLogException {
            throw new CtLogException("Certificate Transparency is not configured");
        }
    };

    /**
     * Submits a chain to a log.
     *
     * @param log   the log
     * @param chain the leaf first, then its intermediates
     * @return the verified SCT in its binary TLS encoding
     * @throws CtLogException when no valid SCT was received
     */
    byte[] submit(CtLogSpec log, List<X509Certificate> chain) throws CtLogException;

    /**
     * Checks a stored SCT.
     *
     * @param log         the log that should have issued it
     * @param sct         the SCT in its binary TLS encoding, e.g. an installed {@code .sct} file
     * @param certificate the leaf it should be about
     * @throws CtLogException when it is malformed, from another log, or its signature does not verify
     */
    void verify(CtLogSpec log, byte[] sct, X509Certificate certificate) throws CtLogException;
}
