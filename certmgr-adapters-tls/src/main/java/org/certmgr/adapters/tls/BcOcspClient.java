package org.certmgr.adapters.tls;

import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.certmgr.ports.out.OcspClient;
import org.certmgr.ports.out.OcspException;
import org.certmgr.ports.out.OcspResponse;

/** Asks OCSP responders by HTTP POST and validates their answers with Bouncy Castle. */
final class BcOcspClient implements OcspClient {
    /** How far a responder's clock may run ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final HttpPoster http;
    private final Clock clock;

    BcOcspClient(Duration timeout, Clock clock) {
        this.http = new HttpPoster(timeout);
        this.clock = clock;
    }

    @Override
    public List<String> responderUrls(X509Certificate certificate) {
        List<String> urls = new ArrayList<>();
        try {
            Extension extension = new JcaX509CertificateHolder(certificate)
                    .getExtension(Extension.authorityInfoAccess);
            if (extension == null) {
                return urls;
            }
            for (AccessDescription d : AuthorityInformationAccess.getInstance(extension.getParsedValue())
                    .getAccessDescriptions()) {
                GeneralName location = d.getAccessLocation();
                if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    urls.add(ASN1IA5String.getInstance(location.getName()).getString());
                }
            }
        } catch (CertificateEncodingException | RuntimeException e) {
            // An unreadable AIA names no responder; the configured fallback list applies.
            return List.of();
        }
        return urls;
    }

    @Override
    public OcspResponse fetch(X509Certificate certificate, X509Certificate issuer, String url) throws OcspException {
        byte[] request;
        try {
            request = new OCSPReqBuilder().addRequest(OcspResponseValidator.idOf(certificate, issuer)).build()
                    .getEncoded();
        } catch (OCSPException | IOException e) {
            throw new OcspException("cannot make the OCSP request: " + e.getMessage(), e);
        }
        byte[] answer;
        try {
            answer = http.post(URI.create(url), "application/ocsp-request", "application/ocsp-response", request);
        } catch (IOException | IllegalArgumentException e) {
            throw new OcspException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcspException("interrupted", e);
        }
        Instant now = clock.instant();
        OcspResponse response = OcspResponseValidator.validate(answer, certificate, issuer, now);
        if (response.thisUpdate().isAfter(now.plus(CLOCK_SKEW))) {
            throw new OcspException("the response's thisUpdate " + response.thisUpdate() + " is in the future");
        }
        if (response.nextUpdate().isPresent() && !response.nextUpdate().get().isAfter(now)) {
            throw new OcspException("the response expired at " + response.nextUpdate().get());
        }
        return response;
    }

    @Override
    public OcspResponse read(byte[] der, X509Certificate certificate, X509Certificate issuer) throws OcspException {
        return OcspResponseValidator.validate(der, certificate, issuer, clock.instant());
    }
}
