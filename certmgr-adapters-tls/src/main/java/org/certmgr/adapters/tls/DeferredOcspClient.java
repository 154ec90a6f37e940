package org.certmgr.adapters.tls;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.certmgr.ports.out.OcspClient;
import org.certmgr.ports.out.OcspException;
import org.certmgr.ports.out.OcspResponse;

/**
 * The OCSP client, made at its first use. Loading {@link BcOcspClient} loads Bouncy Castle,
 * whose signed jars the JVM verifies first (about a tenth of a second); a run in which every
 * certificate is settled never needs it. This class names no Bouncy Castle type.
 */
final class DeferredOcspClient implements OcspClient {
    private final Supplier<OcspClient> factory;
    private OcspClient client;

    DeferredOcspClient(Duration timeout, Clock clock) {
        this.factory = () -> new BcOcspClient(timeout, clock);
    }

    private synchronized OcspClient client() {
        if (client == null) {
            client = factory.get();
        }
        return client;
    }

    @Override
    public List<String> responderUrls(X509Certificate certificate) {
        return client().responderUrls(certificate);
    }

    @Override
    public OcspResponse fetch(X509Certificate certificate, X509Certificate issuer, String url) throws OcspException {
        return client().fetch(certificate, issuer, url);
    }

    @Override
    public OcspResponse read(byte[] der, X509Certificate certificate, X509Certificate issuer) throws OcspException {
        return client().read(der, certificate, issuer);
    }
}
