package org.certmgr.adapters.acme;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * acme4j's provider for plain {@code http(s)} directory URLs, with an HTTP client that may
 * also trust some extra certificate authorities.
 *
 * <p>acme4j's {@link NetworkSettings} has no trust setting; the provider's HTTP client is
 * where an {@link SSLContext} can be set without touching the JVM-wide default.
 */
final class TrustingAcmeProvider extends GenericAcmeProvider {
    private final Optional<SSLContext> sslContext;

    private TrustingAcmeProvider(Optional<SSLContext> sslContext) {
        this.sslContext = sslContext;
    }

    /**
     * Creates the provider.
     *
     * @param extraAnchors CAs to trust besides the JVM's default trust store; may be empty
     * @return the provider
     * @throws GeneralSecurityException when the trust stores cannot be set up
     */
    static TrustingAcmeProvider trusting(List<X509Certificate> extraAnchors) throws GeneralSecurityException {
        if (extraAnchors.isEmpty()) {
            return new TrustingAcmeProvider(Optional.empty());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {CompositeTrustManager.withDefaultsAnd(extraAnchors)}, null);
        return new TrustingAcmeProvider(Optional.of(context));
    }

    @Override
    public HttpClient createHttpClient(NetworkSettings networkSettings) {
        // The same settings as AcmeProvider's default client, plus the SSL context.
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(networkSettings.getTimeout())
                .proxy(networkSettings.getProxySelector());
        if (networkSettings.getAuthenticator() != null) {
            builder.authenticator(networkSettings.getAuthenticator());
        }
        sslContext.ifPresent(builder::sslContext);
        return builder.build();
    }
}
