package org.certmgr.adapters.acme;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import org.certmgr.domain.ExternalAccountBinding;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;

/**
 * The ACME adapter module's factory: the CA through acme4j, and keys, CSRs and PEM through
 * Bouncy Castle. Everything it returns is a port type; no acme4j or Bouncy Castle type
 * appears in its signatures.
 */
public final class AcmeAdapters {

    private AcmeAdapters() {
    }

    // Made on first use, so that merely wiring a gateway registers no JCA provider.
    private static final KeyMaterial KEY_MATERIAL = new DeferredKeyMaterial();

    /**
     * Returns the key material adapter: RSA and EC keys, PKCS#10 CSRs, PKCS#8 PEM (clear or
     * encrypted with AES-256 and PBKDF2-HMAC-SHA256), and certificate PEM. Thread safe.
     *
     * @return the adapter
     */
    public static KeyMaterial keyMaterial() {
        return KEY_MATERIAL;
    }

    /**
     * Returns a gateway to the ACME CA at a directory URL. Creating it contacts nothing; the
     * first method call does. The gateway and the sessions it opens are thread safe.
     *
     * @param directoryUrl      the CA's directory, {@code https://} (or {@code http://})
     * @param extraTrustAnchors CA certificates trusted in addition to the JVM's default trust
     *                          store when connecting to the CA, for private ACME CAs
     *                          (step-ca) and Pebble; may be empty. The JVM-wide trust
     *                          settings are not changed.
     * @return the gateway
     * @throws IllegalArgumentException when the URL is not http or https
     */
    public static AcmeGateway gateway(URI directoryUrl, List<X509Certificate> extraTrustAnchors) {
        return gateway(directoryUrl, extraTrustAnchors, Optional.empty(), Optional.empty());
    }

    /**
     * Returns the gateway to an ACME CA, with the options of the {@code account} and
     * {@code settings} sections: External Account Binding (RFC 8555 §7.3.4), which ZeroSSL or
     * Google Trust Services require for new accounts, and a preferred chain.
     *
     * @param directoryUrl      the CA's directory URL
     * @param extraTrustAnchors CAs trusted for the ACME server's HTTPS besides the JVM's trust store
     * @param binding           the CA's key id and HMAC key, sent with every new account; empty for none
     * @param preferredChain    the common name of an issuer: when the CA offers alternate chains, the
     *                          first one with a certificate from that issuer is installed (the default
     *                          chain, with a logged warning, when none has); empty for the default chain
     * @return the gateway
     * @throws IllegalArgumentException when the URL is not http or https
     */
    public static AcmeGateway gateway(URI directoryUrl, List<X509Certificate> extraTrustAnchors,
                                      Optional<ExternalAccountBinding> binding, Optional<String> preferredChain) {
        return new Acme4jGateway(directoryUrl, extraTrustAnchors, binding, preferredChain, Poller.system());
    }

    /**
     * Reads trust anchors from a PEM file (one or more {@code BEGIN CERTIFICATE} blocks;
     * text between blocks is ignored), e.g. for {@link #gateway}'s extra anchors.
     *
     * @param pemFile the file
     * @return its certificates, in file order; never empty
     * @throws IOException when the file cannot be read, holds something that is not a
     *                     certificate, or holds no certificate at all; the message names the file
     */
    public static List<X509Certificate> readTrustAnchors(Path pemFile) throws IOException {
        Objects.requireNonNull(pemFile, "pemFile");
        String text;
        try {
            text = Files.readString(pemFile, StandardCharsets.US_ASCII);
        } catch (CharacterCodingException e) {
            throw new IOException(pemFile + " is not a PEM file: it holds non-ASCII bytes", e);
        }
        List<X509Certificate> anchors;
        try {
            anchors = CertificateCodec.decode(text);
        } catch (KeyMaterialException e) {
            throw new IOException("cannot read trust anchors from " + pemFile + ": " + e.getMessage(), e);
        }
        if (anchors.isEmpty()) {
            throw new IOException(pemFile + " holds no certificate; expected PEM blocks"
                    + " \"-----BEGIN CERTIFICATE-----\"");
        }
        return anchors;
    }
}
