package org.certmgr.ports.out;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.ParamsSpec;

/**
 * Keys, CSRs and their PEM encodings.
 *
 * <p>Contract: every method MUST be safe for concurrent use. Passphrases are given as
 * {@code char[]} so callers can clear them; implementations MUST NOT keep or log them.
 * Decoding errors MUST name what was being decoded, never print the material.
 */
public interface KeyMaterial {

    /**
     * Generates a new key pair.
     *
     * @param spec the parameters
     * @return a fresh key pair
     */
    KeyPair generate(KeySpec spec);

    /**
     * Creates a certificate signing request.
     *
     * @param key        the certificate key
     * @param names      the names; the first becomes the common name, all become SANs
     * @param mustStaple whether to request the TLS feature extension (OCSP Must-Staple)
     * @return the CSR, DER encoded
     */
    byte[] createCsr(KeyPair key, List<DnsName> names, boolean mustStaple);

    /**
     * Encodes a private key as PKCS#8 PEM, encrypted when a passphrase is given.
     *
     * @param key        the key pair
     * @param passphrase the passphrase, or empty for a clear key
     * @return the PEM text
     */
    String encodePrivateKey(KeyPair key, Optional<char[]> passphrase);

    /**
     * Decodes a PEM private key (PKCS#8, encrypted PKCS#8, or traditional RSA/EC).
     *
     * @param pem        the PEM text
     * @param passphrase the passphrase for an encrypted key
     * @return the key pair
     * @throws WrongPassphraseException when the key is encrypted and the passphrase is wrong or missing
     * @throws KeyMaterialException when it cannot be decoded
     */
    KeyPair decodePrivateKey(String pem, Optional<char[]> passphrase) throws KeyMaterialException;

    /**
     * Tells whether a PEM private key is encrypted, without decrypting it.
     *
     * @param pem the PEM text
     * @return true for an encrypted PKCS#8 key (or a traditional key with a DEK-Info header)
     */
    boolean isEncrypted(String pem);

    /**
     * Encodes certificates as concatenated PEM blocks.
     *
     * @param certificates the certificates, in order
     * @return the PEM text
     */
    String encodeCertificates(List<X509Certificate> certificates);

    /**
     * Decodes concatenated PEM certificates. Parameter blocks ({@code DH PARAMETERS},
     * {@code EC PARAMETERS}), which certmgr appends to {@code cert.pem}, are skipped.
     *
     * @param pem the text
     * @return the certificates in file order
     * @throws KeyMaterialException when another block is not a certificate, or a certificate is corrupt
     */
    List<X509Certificate> decodeCertificates(String pem) throws KeyMaterialException;

    /**
     * Produces the content of {@code params.pem}: the DH parameters ({@code -----BEGIN DH
     * PARAMETERS-----}) followed by the EC parameters ({@code -----BEGIN EC PARAMETERS-----},
     * the named curve's OID), as {@code openssl dhparam} and {@code openssl ecparam} write them.
     * Without {@link ParamsSpec#generateDh()} the DH parameters are the RFC 7919 group of that
     * size, so the same settings always give the same text.
     *
     * @param spec what to produce; not {@link ParamsSpec#isEmpty() empty}
     * @return the PEM text
     * @throws KeyMaterialException for a curve name this implementation does not know, a DH
     *                              size without an RFC 7919 group when not generating, or fresh
     *                              primes asked for outside 512 to 10 000 bits (what OpenSSL accepts)
     */
    String parameters(ParamsSpec spec) throws KeyMaterialException;

    /**
     * Tells whether installed parameters still satisfy the settings: same DH size, fresh
     * primes exactly when asked for (otherwise exactly the RFC 7919 group), and the same curve
     * (under any of its names).
     *
     * @param pem  the installed {@code params.pem}
     * @param spec the settings
     * @return true when the installed parameters can stay
     */
    boolean parametersMatch(String pem, ParamsSpec spec);

    /**
     * Describes an installed certificate and its key for the renewal decision.
     *
     * <p>Contract: MUST accept a key pair without a private key (an encrypted key that was not
     * opened, e.g. by {@code status}): the key parameters are then read from the public key, and
     * the key matches when that public key is the certificate's.
     *
     * @param type        the key type folder the files came from
     * @param certificate the leaf certificate
     * @param key         the installed key pair, or only its public key
     * @return the description
     */
    InstalledCertificate describe(KeyType type, X509Certificate certificate, KeyPair key);
}
