package org.certmgr.ports.out;

/**
 * Connects to one server address and reports the certificate chain it serves, for
 * installation verification.
 *
 * <p>Contract:
 * <ul>
 *   <li>One call MUST make one connection to {@link ProbeRequest#address()} on
 *       {@link ProbeRequest#port()} and no other (no name lookup).</li>
 *   <li>When {@link ProbeRequest#startTls()} is present it MUST first speak that protocol's
 *       plain-text upgrade as its RFC describes (SMTP RFC 3207 after EHLO, POP3 {@code STLS} and
 *       IMAP {@code STARTTLS} RFC 2595, ManageSieve RFC 5804, FTP {@code AUTH TLS} RFC 4217,
 *       XMPP RFC 6120, LDAP StartTLS extended operation RFC 4511).</li>
 *   <li>The TLS handshake MUST send {@link ProbeRequest#host()} as SNI and MUST offer only
 *       signature algorithms of {@link ProbeRequest#keyType()}, so that a server holding
 *       certificates of several key types serves the one of that type.</li>
 *   <li>It MUST NOT judge trust: any chain is reported as served; comparing it is the caller's job.</li>
 *   <li>When {@link ProbeRequest#requestStaple()} is true it MUST request a stapled OCSP
 *       response and report in {@link ProbeResult#staple()} whether one came and whether it is
 *       a valid, good response for the served leaf; otherwise the staple is
 *       {@link StapleCheck#NOT_REQUESTED}.</li>
 *   <li>Connecting, the upgrade and the handshake MUST each be bounded by a timeout; a failure
 *       of any of them is a {@link ProbeResult#failure()} naming the step, never an exception.</li>
 *   <li>Implementations MUST be safe for concurrent use.</li>
 * </ul>
 */
public interface TlsProbe {

    /**
     * Probes one server address.
     *
     * @param request what to connect to and how
     * @return the served chain, or why none was seen
     * @throws InterruptedException when the calling thread is interrupted
     */
    ProbeResult probe(ProbeRequest request) throws InterruptedException;
}
