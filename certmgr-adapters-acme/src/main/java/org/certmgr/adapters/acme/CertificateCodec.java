package org.certmgr.adapters.acme;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.certmgr.ports.out.KeyMaterialException;

/** Encodes and decodes X.509 certificates as concatenated PEM blocks. */
final class CertificateCodec {

    private CertificateCodec() {
    }

    /**
     * Encodes certificates as concatenated PEM blocks.
     *
     * @param certificates the certificates, in order
     * @return the PEM text
     */
    static String encode(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append(Pem.encode(Pem.CERTIFICATE, certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("cannot encode the certificate for "
                        + certificate.getSubjectX500Principal().getName(), e);
            }
        }
        return pem.toString();
    }

    /**
     * Decodes every PEM block; text between blocks (comments in CA bundles) and the parameter
     * blocks certmgr appends to {@code cert.pem} ({@code DH PARAMETERS}, {@code EC PARAMETERS})
     * are skipped.
     *
     * @param pem the text
     * @return the certificates in file order; empty when the text has no PEM block
     * @throws KeyMaterialException when another block is not a certificate, or one is corrupt
     */
    static List<X509Certificate> decode(String pem) throws KeyMaterialException {
        List<X509Certificate> certificates = new ArrayList<>();
        Pem.Reader reader = new Pem.Reader(pem);
        int number = 1;
        for (Pem.Block block = readBlock(reader, number); block != null; block = readBlock(reader, ++number)) {
            if (Pem.DH_PARAMETERS.equals(block.type()) || Pem.EC_PARAMETERS.equals(block.type())) {
                continue;
            }
            if (!Pem.CERTIFICATE.equals(block.type())) {
                throw new KeyMaterialException("PEM block " + number + " is a \"" + block.type()
                        + "\" block; expected \"BEGIN CERTIFICATE\" (or DH or EC parameters)");
            }
            certificates.add(parse(block.content(), number));
        }
        return certificates;
    }

    private static Pem.Block readBlock(Pem.Reader reader, int number) throws KeyMaterialException {
        try {
            return reader.next();
        } catch (IOException | RuntimeException e) {
            throw new KeyMaterialException("PEM block " + number + " is malformed (" + e.getMessage()
                    + "); expected \"BEGIN CERTIFICATE\"", e);
        }
    }

    private static X509Certificate parse(byte[] der, int number) throws KeyMaterialException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new KeyMaterialException("PEM block " + number + " is not a valid X.509 certificate: "
                    + e.getMessage(), e);
        }
    }
}
