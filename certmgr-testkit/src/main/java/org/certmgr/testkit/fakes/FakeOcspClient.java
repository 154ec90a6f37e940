package org.certmgr.testkit.fakes;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.certmgr.ports.out.OcspClient;
import org.certmgr.ports.out.OcspException;
import org.certmgr.ports.out.OcspResponse;
import org.certmgr.ports.out.OcspStatus;

/**
 * An OCSP client that answers from a table of statuses by serial, as a responder would. Its
 * responses are short text ({@code FAKE-OCSP serial status thisUpdate nextUpdate}) that
 * {@link #read} checks against the certificate, so that a response for another certificate or
 * a corrupt file is refused as the real client refuses it. Every certificate names the
 * responder URLs set with {@link #aiaUrls}; none by default.
 */
public final class FakeOcspClient implements OcspClient {
    private final Clock clock;
    private final Map<BigInteger, OcspStatus> statuses = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile List<String> aia = List.of();
    private volatile Duration validity = Duration.ofDays(4);
    private volatile Optional<String> failure = Optional.empty();

    /**
     * Creates a client whose responses are made at the clock's time.
     *
     * @param clock the time of thisUpdate
     */
    public FakeOcspClient(Clock clock) {
        this.clock = clock;
    }

    /**
     * Sets the OCSP URLs every certificate names.
     *
     * @param urls the URLs
     * @return this client
     */
    public FakeOcspClient aiaUrls(String... urls) {
        this.aia = List.of(urls);
        return this;
    }

    /**
     * Sets what the responder says about a certificate; an unlisted one is GOOD.
     *
     * @param serial the certificate's serial
     * @param status its status
     * @return this client
     */
    public FakeOcspClient status(BigInteger serial, OcspStatus status) {
        statuses.put(serial, status);
        return this;
    }

    /**
     * Sets the validity (nextUpdate − thisUpdate) of later responses.
     *
     * @param validity the validity
     * @return this client
     */
    public FakeOcspClient validity(Duration validity) {
        this.validity = validity;
        return this;
    }

    /**
     * Makes every later fetch fail, as a responder that is down or answers garbage.
     *
     * @param message the failure; empty to answer again
     * @return this client
     */
    public FakeOcspClient failing(Optional<String> message) {
        this.failure = message;
        return this;
    }

    /**
     * Returns the URLs fetched from, in order.
     *
     * @return one entry per fetch
     */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public List<String> responderUrls(X509Certificate certificate) {
        return aia;
    }

    @Override
    public OcspResponse fetch(X509Certificate certificate, X509Certificate issuer, String url) throws OcspException {
        requests.add(url);
        if (failure.isPresent()) {
            throw new OcspException(failure.get());
        }
        Instant now = clock.instant();
        OcspStatus status = statuses.getOrDefault(certificate.getSerialNumber(), OcspStatus.GOOD);
        Instant next = now.plus(validity);
        String text = "FAKE-OCSP " + certificate.getSerialNumber().toString(16) + " " + status + " " + now + " " + next;
        return new OcspResponse(text.getBytes(StandardCharsets.US_ASCII), status, now, Optional.of(next));
    }

    @Override
    public OcspResponse read(byte[] der, X509Certificate certificate, X509Certificate issuer) throws OcspException {
        String[] parts = new String(der, StandardCharsets.US_ASCII).split(" ");
        if (parts.length != 5 || !parts[0].equals("FAKE-OCSP")) {
            throw new OcspException("not an OCSP response");
        }
        if (!parts[1].equals(certificate.getSerialNumber().toString(16))) {
            throw new OcspException("the response is not about this certificate");
        }
        try {
            return new OcspResponse(der, OcspStatus.valueOf(parts[2]), Instant.parse(parts[3]),
                    Optional.of(Instant.parse(parts[4])));
        } catch (RuntimeException e) {
            throw new OcspException("not an OCSP response", e);
        }
    }
}
