package org.certmgr.adapters.tls;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certmgr.ports.out.OcspException;
import org.certmgr.ports.out.OcspResponse;
import org.certmgr.ports.out.OcspStatus;

/**
 * Checks an OCSP response (RFC 6960): successful, basic, signed by the issuer or by its
 * delegated responder, and about the certificate. Times are checked by the caller.
 */
final class OcspResponseValidator {
    private OcspResponseValidator() {
    }

    /** The certificate ID a request for {@code certificate} carries (SHA-1, as responders expect). */
    static CertificateID idOf(X509Certificate certificate, X509Certificate issuer) throws OcspException {
        try {
            return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
        } catch (OperatorCreationException | OCSPException | CertificateEncodingException e) {
            throw new OcspException("cannot make the OCSP certificate ID: " + e.getMessage(), e);
        }
    }

    static OcspResponse validate(byte[] der, X509Certificate certificate, X509Certificate issuer, Instant now)
            throws OcspException {
        BasicOCSPResp basic = basic(der);
        checkSignature(basic, issuer, now);
        CertificateID id = idOf(certificate, issuer);
        SingleResp[] singles = basic.getResponses();
        for (SingleResp single : singles) {
            if (single.getCertID().equals(id)) {
                Optional<Instant> next = Optional.ofNullable(single.getNextUpdate()).map(Date::toInstant);
                return new OcspResponse(der, status(single.getCertStatus()), single.getThisUpdate().toInstant(), next);
            }
        }
        throw new OcspException("the response is not about this certificate (serial "
                + certificate.getSerialNumber().toString(16) + ")");
    }

    private static BasicOCSPResp basic(byte[] der) throws OcspException {
        OCSPResp response;
        try {
            response = new OCSPResp(der);
        } catch (IOException | RuntimeException e) {
            throw new OcspException("not an OCSP response", e);
        }
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            throw new OcspException("the responder answered with error status " + response.getStatus());
        }
        try {
            if (response.getResponseObject() instanceof BasicOCSPResp basic) {
                return basic;
            }
        } catch (OCSPException | RuntimeException e) {
            throw new OcspException("not a basic OCSP response", e);
        }
        throw new OcspException("not a basic OCSP response");
    }

    private static void checkSignature(BasicOCSPResp basic, X509Certificate issuer, Instant now)
            throws OcspException {
        try {
            if (basic.isSignatureValid(verifier(issuer))) {
                return;
            }
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            for (X509CertificateHolder responder : basic.getCerts()) {
                if (isDelegatedResponder(responder, issuerHolder, issuer, now)
                        && basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))) {
                    return;
                }
            }
        } catch (OCSPException | OperatorCreationException | CertificateException | RuntimeException e) {
            throw new OcspException("the response's signature cannot be checked: " + e.getMessage(), e);
        }
        throw new OcspException("the response is not signed by the issuer or a responder it delegated to");
    }

    private static boolean isDelegatedResponder(X509CertificateHolder responder, X509CertificateHolder issuerHolder,
                                                X509Certificate issuer, Instant now)
            throws OperatorCreationException {
        if (!responder.getIssuer().equals(issuerHolder.getSubject()) || !responder.isValidOn(Date.from(now))) {
            return false;
        }
        ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
        if (usage == null || !usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
            return false;
        }
        try {
            return responder.isSignatureValid(verifier(issuer));
        } catch (CertException e) {
            return false;
        }
    }

    private static ContentVerifierProvider verifier(X509Certificate issuer) throws OperatorCreationException {
        return new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey());
    }

    private static OcspStatus status(CertificateStatus status) {
        if (status == CertificateStatus.GOOD) {
            return OcspStatus.GOOD;
        }
        return status instanceof RevokedStatus ? OcspStatus.REVOKED : OcspStatus.UNKNOWN;
    }
}
