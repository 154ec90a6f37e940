package org.certmgr.adapters.tls;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.certmgr.domain.CtLogSpec;
import org.certmgr.ports.out.CtLogClient;
import org.certmgr.ports.out.CtLogException;

/** Submits chains to RFC 6962 logs with {@code add-chain} and verifies the SCTs. */
final class RfcCtLogClient implements CtLogClient {
    private final HttpPoster http;

    RfcCtLogClient(Duration timeout) {
        this.http = new HttpPoster(timeout);
    }

    @Override
    public byte[] submit(CtLogSpec log, List<X509Certificate> chain) throws CtLogException {
        if (chain.isEmpty()) {
            throw new CtLogException("no certificate to submit");
        }
        byte[] answer;
        try {
            String base = log.url().endsWith("/") ? log.url() : log.url() + "/";
            answer = http.post(URI.create(base).resolve("ct/v1/add-chain"), "application/json", "application/json",
                    AddChainJson.request(chain));
        } catch (IOException | IllegalArgumentException | CertificateEncodingException e) {
            throw new CtLogException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CtLogException("interrupted", e);
        }
        byte[] sct;
        try {
            sct = AddChainJson.sct(answer).encode();
        } catch (IllegalArgumentException e) {
            throw new CtLogException("not an add-chain answer: " + e.getMessage(), e);
        }
        verify(log, sct, chain.get(0));
        return sct;
    }

    @Override
    public void verify(CtLogSpec log, byte[] encoded, X509Certificate certificate) throws CtLogException {
        Sct sct;
        try {
            sct = Sct.parse(encoded);
        } catch (IllegalArgumentException e) {
            throw new CtLogException(e.getMessage(), e);
        }
        if (!Arrays.equals(sct.logId(), log.logIdBytes())) {
            throw new CtLogException("the SCT's log id is not the configured id of " + log.name());
        }
        if (log.publicKeyDer().isEmpty()) {
            return;
        }
        byte[] keyDer = log.publicKeyDer().get();
        try {
            if (!Arrays.equals(MessageDigest.getInstance("SHA-256").digest(keyDer), log.logIdBytes())) {
                throw new CtLogException("the configured key of " + log.name() + " does not match its id");
            }
            if (sct.hashAlgorithm() != Sct.SHA256) {
                throw new CtLogException("unsupported SCT hash algorithm " + sct.hashAlgorithm());
            }
            Signature verifier = Signature.getInstance(algorithm(sct.signatureAlgorithm()));
            verifier.initVerify(publicKey(keyDer, sct.signatureAlgorithm()));
            verifier.update(sct.signedData(certificate.getEncoded()));
            if (!verifier.verify(sct.signature())) {
                throw new CtLogException("the SCT's signature does not verify with the key of " + log.name());
            }
        } catch (GeneralSecurityException e) {
            throw new CtLogException("the SCT's signature cannot be checked: " + e.getMessage(), e);
        }
    }

    private static String algorithm(int signatureAlgorithm) throws CtLogException {
        switch (signatureAlgorithm) {
            case Sct.ECDSA:
                return "SHA256withECDSA";
            case Sct.RSA:
                return "SHA256withRSA";
            default:
                throw new CtLogException("unsupported SCT signature algorithm " + signatureAlgorithm);
        }
    }

    private static PublicKey publicKey(byte[] der, int signatureAlgorithm) throws GeneralSecurityException {
        return KeyFactory.getInstance(signatureAlgorithm == Sct.ECDSA ? "EC" : "RSA")
                .generatePublic(new X509EncodedKeySpec(der));
    }
}
