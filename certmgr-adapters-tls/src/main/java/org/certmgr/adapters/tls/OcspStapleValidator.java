package org.certmgr.adapters.tls;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
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
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certmgr.ports.out.StapleCheck;

/**
 * Checks a stapled OCSP response (RFC 6960) against the served chain: successful, signed by
 * the leaf's issuer or by a responder it delegated to, about the served leaf, status good, and
 * current.
 */
final class OcspStapleValidator {
    /** Tolerated clock difference between the responder and this machine. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private final Clock clock;

    OcspStapleValidator(Clock clock) {
        this.clock = clock;
    }

    /**
     * Checks the staples of one handshake.
     *
     * @param staples the stapled responses, the leaf's first; empty when none came
     * @param chain   the served chain, leaf first
     * @return the finding
     */
    StapleCheck check(List<byte[]> staples, List<X509Certificate> chain) {
        if (staples.isEmpty() || staples.get(0).length == 0) {
            return StapleCheck.ABSENT;
        }
        if (chain.size() < 2) {
            return StapleCheck.bad("the served chain has no issuer to check the staple against");
        }
        try {
            return check(staples.get(0), chain.get(0), chain.get(1));
        } catch (IOException | OCSPException | OperatorCreationException | CertificateException e) {
            return StapleCheck.bad("unreadable OCSP response (" + e.getMessage() + ")");
        }
    }

    private StapleCheck check(byte[] staple, X509Certificate leaf, X509Certificate issuer)
            throws IOException, OCSPException, OperatorCreationException, CertificateException {
        OCSPResp response = new OCSPResp(staple);
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            return StapleCheck.bad("OCSP response status " + response.getStatus());
        }
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
        if (!signedByIssuerOrDelegate(basic, issuerHolder)) {
            return StapleCheck.bad("the OCSP response is not signed by the certificate's issuer");
        }
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        for (SingleResp single : basic.getResponses()) {
            CertificateID id = single.getCertID();
            if (!id.getSerialNumber().equals(leaf.getSerialNumber()) || !id.matchesIssuer(issuerHolder, digests)) {
                continue;
            }
            return judge(single);
        }
        return StapleCheck.bad("the OCSP response is about another certificate");
    }

    private StapleCheck judge(SingleResp single) {
        Object status = single.getCertStatus();
        if (status instanceof RevokedStatus) {
            return StapleCheck.bad("the OCSP response says revoked");
        }
        if (status != CertificateStatus.GOOD) {
            return StapleCheck.bad("the OCSP response says unknown");
        }
        Instant now = clock.instant();
        if (single.getThisUpdate().toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            return StapleCheck.bad("the OCSP response is from the future (thisUpdate " + single.getThisUpdate().toInstant() + ")");
        }
        Date next = single.getNextUpdate();
        if (next != null && next.toInstant().isBefore(now.minus(CLOCK_SKEW))) {
            return StapleCheck.bad("the OCSP response expired at " + next.toInstant());
        }
        return StapleCheck.GOOD;
    }

    private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509CertificateHolder issuer)
            throws OCSPException, OperatorCreationException, CertificateException {
        JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder();
        if (verifies(basic, verifiers.build(issuer))) {
            return true;
        }
        for (X509CertificateHolder responder : basic.getCerts()) {
            try {
                boolean delegated = responder.isSignatureValid(verifiers.build(issuer))
                        && responder.getExtensions() != null
                        && org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions()) != null
                        && org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions())
                                .hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
                if (delegated && verifies(basic, verifiers.build(responder))) {
                    return true;
                }
            } catch (org.bouncycastle.cert.CertException e) {
                // Not signed by the issuer: not a delegate.
            }
        }
        return false;
    }

    private static boolean verifies(BasicOCSPResp basic, ContentVerifierProvider verifier) {
        try {
            return basic.isSignatureValid(verifier);
        } catch (OCSPException e) {
            return false;
        }
    }
}
