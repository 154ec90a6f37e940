package org.certmgr.adapters.acme;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.certmgr.ports.out.KeyMaterialException;
import org.certmgr.ports.out.WrongPassphraseException;

/**
 * Encodes private keys as (encrypted) PKCS#8 PEM and decodes every PEM form OpenSSL writes.
 *
 * <p>Encryption is PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, what {@code openssl pkey
 * -aes256} writes today; the iteration count makes guessing a passphrase slow.
 */
final class PrivateKeyCodec {
    /** PBKDF2 iterations; OWASP's 2023 advice for HMAC-SHA256 is 600 000, OpenSSL's default is 2048. */
    static final int ITERATIONS = 100_000;

    private static final String EXPECTED = "expected a PEM block \"BEGIN PRIVATE KEY\", \"BEGIN ENCRYPTED PRIVATE KEY\","
            + " \"BEGIN RSA PRIVATE KEY\" or \"BEGIN EC PRIVATE KEY\"";

    private final SecureRandom random;

    /**
     * Creates the codec.
     *
     * @param random the source of salts and IVs; shared, as {@link SecureRandom} is thread safe
     */
    PrivateKeyCodec(SecureRandom random) {
        this.random = random;
    }

    /**
     * Encodes a private key as PKCS#8 PEM, encrypted when a passphrase is given.
     *
     * @param key        the key pair
     * @param passphrase the passphrase; only read, never kept
     * @return {@code BEGIN PRIVATE KEY} or {@code BEGIN ENCRYPTED PRIVATE KEY} PEM
     */
    String encode(KeyPair key, Optional<char[]> passphrase) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getPrivate().getEncoded());
        if (passphrase.isEmpty()) {
            return Pem.encode(Pem.PRIVATE_KEY, der(info));
        }
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(ITERATIONS)
                    .setRandom(random)
                    .setPassword(passphrase.get())
                    .setProvider(BouncyCastle.provider())
                    .build();
            PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfoBuilder(info).build(encryptor);
            return Pem.encode(Pem.ENCRYPTED_PRIVATE_KEY, encrypted.getEncoded());
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot encrypt the private key: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes the first private key in PEM text, skipping a leading {@code EC PARAMETERS} block.
     *
     * @param pem        PKCS#8, encrypted PKCS#8, or traditional (possibly encrypted) RSA/EC PEM
     * @param passphrase the passphrase for an encrypted key; ignored for a clear one
     * @return the key pair, its public key recomputed from the private key
     * @throws KeyMaterialException naming what was expected, or saying the passphrase is wrong
     */
    KeyPair decode(String pem, Optional<char[]> passphrase) throws KeyMaterialException {
        Object object = firstKeyObject(pem);
        PrivateKeyInfo info;
        if (object instanceof PrivateKeyInfo) {
            info = (PrivateKeyInfo) object;
        } else if (object instanceof PEMKeyPair) {
            info = ((PEMKeyPair) object).getPrivateKeyInfo();
        } else if (object instanceof PKCS8EncryptedPrivateKeyInfo) {
            info = decrypt((PKCS8EncryptedPrivateKeyInfo) object, requirePassphrase(passphrase));
        } else if (object instanceof PEMEncryptedKeyPair) {
            info = decrypt((PEMEncryptedKeyPair) object, requirePassphrase(passphrase));
        } else {
            throw new KeyMaterialException("the PEM text holds a " + typeName(object) + " where a private key was"
                    + " expected; " + EXPECTED);
        }
        return keyPair(info);
    }

    private static Object firstKeyObject(String pem) throws KeyMaterialException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            // "openssl ecparam -genkey" writes an EC PARAMETERS block before the key.
            while (object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters) {
                object = parser.readObject();
            }
            if (object == null) {
                throw new KeyMaterialException("no private key found: " + EXPECTED);
            }
            return object;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // Bouncy Castle's messages name the structure, never the key bytes.
            throw new KeyMaterialException("the private key PEM is malformed (" + e.getMessage() + "); " + EXPECTED, e);
        }
    }

    /**
     * Tells whether the first private key in PEM text is encrypted, from its label and
     * headers alone.
     *
     * @param pem the text
     * @return true for {@code BEGIN ENCRYPTED PRIVATE KEY}, or a traditional key with a
     *         {@code Proc-Type: 4,ENCRYPTED} or {@code DEK-Info} header; false otherwise,
     *         also for text without a private key
     */
    static boolean isEncrypted(String pem) {
        // Read the lines, not the blocks: a corrupt body must not hide an encrypted label.
        boolean inKeyHeaders = false;
        for (String line : (Iterable<String>) pem.lines()::iterator) {
            String trimmed = line.strip();
            if (!inKeyHeaders) {
                if (trimmed.startsWith("-----BEGIN ") && trimmed.endsWith("PRIVATE KEY-----")) {
                    if (trimmed.equals("-----BEGIN " + Pem.ENCRYPTED_PRIVATE_KEY + "-----")) {
                        return true;
                    }
                    inKeyHeaders = true;
                }
            } else if (trimmed.startsWith("Proc-Type:")) {
                if (trimmed.contains("ENCRYPTED")) {
                    return true;
                }
            } else if (trimmed.startsWith("DEK-Info:")) {
                return true;
            } else if (!trimmed.contains(":")) {
                return false; // the headers, if any, are over: the first key is clear
            }
        }
        return false;
    }

    private static char[] requirePassphrase(Optional<char[]> passphrase) throws KeyMaterialException {
        return passphrase.orElseThrow(() -> new WrongPassphraseException(
                "the private key is encrypted but no passphrase was given"));
    }

    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, char[] passphrase)
            throws KeyMaterialException {
        try {
            return encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BouncyCastle.provider())
                    .build(passphrase));
        } catch (Exception e) {
            if (causedBy(e, OperatorCreationException.class)) {
                // The scheme, not the passphrase: no passphrase would open it here.
                throw new KeyMaterialException("the encrypted PKCS#8 private key uses an unsupported encryption scheme ("
                        + encrypted.getEncryptionAlgorithm().getAlgorithm().getId() + ")", e);
            }
            // A wrong passphrase shows as bad padding or, rarely, as garbage that is not ASN.1;
            // corrupt ciphertext looks the same, and a wrong passphrase is far more likely.
            throw wrongPassphrase("PKCS#8", e);
        }
    }

    private static PrivateKeyInfo decrypt(PEMEncryptedKeyPair encrypted, char[] passphrase) throws KeyMaterialException {
        try {
            return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                    .setProvider(BouncyCastle.provider())
                    .build(passphrase)).getPrivateKeyInfo();
        } catch (Exception e) {
            throw wrongPassphrase("traditional", e);
        }
    }

    private static WrongPassphraseException wrongPassphrase(String form, Exception cause) {
        WrongPassphraseException wrong = new WrongPassphraseException("wrong passphrase for the encrypted " + form
                + " private key (or its encrypted data is corrupt)");
        wrong.initCause(cause);
        return wrong;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static KeyPair keyPair(PrivateKeyInfo info) throws KeyMaterialException {
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        String jcaName;
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            jcaName = "RSA";
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            jcaName = "EC";
        } else {
            throw new KeyMaterialException("unsupported private key algorithm " + algorithm.getId()
                    + "; expected an RSA or EC key");
        }
        try {
            // The JDK's own key classes, so keys compare and serialize the same wherever they came from.
            PrivateKey privateKey = KeyFactory.getInstance(jcaName).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
            return new KeyPair(KeyParameters.publicKeyOf(privateKey), privateKey);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new KeyMaterialException("cannot read the " + jcaName + " private key: " + e.getMessage(), e);
        }
    }

    private static byte[] der(PrivateKeyInfo info) {
        try {
            return info.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the private key", e);
        }
    }

    private static String typeName(Object object) {
        String name = object.getClass().getSimpleName();
        if (name.contains("Certificate") && !name.contains("Request")) {
            return "certificate";
        }
        if (name.contains("Request")) {
            return "certificate request";
        }
        if (name.contains("PublicKey")) {
            return "public key";
        }
        return name;
    }
}
