package org.certmgr.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowingConsumer;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.teletrust.TeleTrusTObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptor;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.encoders.Hex;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.ParamsSpec;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;
import org.certmgr.ports.out.WrongPassphraseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract of {@link KeyMaterial}, as written in its javadoc: extend this class and
 * implement {@link #keyMaterial()} to run it against an implementation.
 *
 * <p>Keys are generated once per test class (RSA 2048 and ECDSA P-256, the fast sizes).
 * Test certificates are made with Bouncy Castle, independently of the implementation, so
 * that {@code describe} and {@code decodeCertificates} are checked against real X.509.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KeyMaterialContract {
    private static final ASN1ObjectIdentifier TLS_FEATURE = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.24");
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final Map<Integer, BigInteger> RFC7919 = rfc7919Primes();
    // A private instance: registering Bouncy Castle globally would change what the implementation under test sees.
    private static final Provider BC = new BouncyCastleProvider();

    private KeyPair rsa;
    private KeyPair ec;
    private TestCa issuer;

    /**
     * Returns the implementation under test. Called once per test; may return the same instance.
     *
     * @return the key material adapter
     */
    protected abstract KeyMaterial keyMaterial();

    /**
     * Returns an RSA 2048 key pair made by the implementation, generated once.
     *
     * @return the key pair
     */
    protected final synchronized KeyPair rsaKey() {
        if (rsa == null) {
            rsa = keyMaterial().generate(new KeySpec.Rsa(2048));
        }
        return rsa;
    }

    /**
     * Returns an ECDSA P-256 key pair made by the implementation, generated once.
     *
     * @return the key pair
     */
    protected final synchronized KeyPair ecKey() {
        if (ec == null) {
            ec = keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1));
        }
        return ec;
    }

    private static char[] passphrase() {
        return PASSPHRASE.toCharArray();
    }

    private static List<DnsName> names(String... names) {
        return Arrays.stream(names).map(DnsName::of).toList();
    }

    // ---------------------------------------------------------------- generate

    @Test
    void givenRsaSpec_whenGenerate_thenKeyHasThatModulusSize() {
        assertThat(rsaKey().getPublic()).isInstanceOf(RSAPublicKey.class);
        assertThat(((RSAPublicKey) rsaKey().getPublic()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(rsaKey().getPrivate().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void givenEcSpec_whenGenerate_thenKeyIsOnThatCurve() {
        KeyPair p384 = keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP384R1));

        assertThat(ecKey().getPublic()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) ecKey().getPublic()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(((ECPublicKey) p384.getPublic()).getParams().getCurve().getField().getFieldSize()).isEqualTo(384);
    }

    @Test
    void givenSameSpecTwice_whenGenerate_thenKeysDiffer() {
        KeyPair other = keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1));

        assertThat(other.getPublic().getEncoded()).isNotEqualTo(ecKey().getPublic().getEncoded());
    }

    // ---------------------------------------------------------------- createCsr

    @Test
    void givenNames_whenCreateCsr_thenFirstNameIsCommonNameAndAllAreSans() throws Exception {
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(
                keyMaterial().createCsr(rsaKey(), names("www.example.test", "example.test", "mail.example.test"), false));

        assertThat(commonName(csr.getSubject())).isEqualTo("www.example.test");
        assertThat(sanDnsNames(csr)).containsExactlyInAnyOrder("www.example.test", "example.test", "mail.example.test");
    }

    @Test
    void givenRsaOrEcKey_whenCreateCsr_thenCsrCarriesThePublicKeyAndItsSignatureVerifies() throws Exception {
        for (KeyPair key : List.of(rsaKey(), ecKey())) {
            PKCS10CertificationRequest csr = new PKCS10CertificationRequest(
                    keyMaterial().createCsr(key, names("example.test"), false));

            assertThat(csr.getSubjectPublicKeyInfo().getEncoded()).isEqualTo(key.getPublic().getEncoded());
            assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key.getPublic()))).isTrue();
        }
    }

    @Test
    void givenMustStaple_whenCreateCsr_thenTlsFeatureStatusRequestIsRequested() throws Exception {
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(
                keyMaterial().createCsr(ecKey(), names("example.test"), true));

        Extension feature = requestedExtensions(csr).getExtension(TLS_FEATURE);
        assertThat(feature).as("TLS feature extension").isNotNull();
        ASN1Sequence features = ASN1Sequence.getInstance(feature.getParsedValue());
        assertThat(features.size()).isEqualTo(1);
        assertThat(ASN1Integer.getInstance(features.getObjectAt(0)).getValue()).isEqualTo(BigInteger.valueOf(5));
    }

    @Test
    void givenNoMustStaple_whenCreateCsr_thenNoTlsFeatureIsRequested() throws Exception {
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(
                keyMaterial().createCsr(ecKey(), names("example.test"), false));

        assertThat(requestedExtensions(csr).getExtension(TLS_FEATURE)).isNull();
    }

    // ---------------------------------------------------------------- private keys

    @Test
    void givenNoPassphrase_whenEncodePrivateKey_thenClearPkcs8PemThatDecodesToTheSameKeyPair() throws Exception {
        for (KeyPair key : List.of(rsaKey(), ecKey())) {
            String pem = keyMaterial().encodePrivateKey(key, Optional.empty());

            assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----").contains("-----END PRIVATE KEY-----");
            assertSameKeyPair(keyMaterial().decodePrivateKey(pem, Optional.empty()), key);
        }
    }

    @Test
    void givenPassphrase_whenEncodePrivateKey_thenEncryptedPkcs8PemThatDecodesWithIt() throws Exception {
        for (KeyPair key : List.of(rsaKey(), ecKey())) {
            String pem = keyMaterial().encodePrivateKey(key, Optional.of(passphrase()));

            assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
                    .contains("-----END ENCRYPTED PRIVATE KEY-----")
                    .doesNotContain(PASSPHRASE);
            assertSameKeyPair(keyMaterial().decodePrivateKey(pem, Optional.of(passphrase())), key);
        }
    }

    @Test
    void givenCallerClearsPassphraseAfterEncoding_whenDecodingWithTheOriginal_thenItStillWorks() throws Exception {
        char[] passphrase = passphrase();
        String pem = keyMaterial().encodePrivateKey(ecKey(), Optional.of(passphrase));
        Arrays.fill(passphrase, '\0');

        assertSameKeyPair(keyMaterial().decodePrivateKey(pem, Optional.of(passphrase())), ecKey());
    }

    @Test
    void givenWrongPassphrase_whenDecodePrivateKey_thenWrongPassphraseExceptionNamingPassphraseButNotShowingIt() {
        String pem = keyMaterial().encodePrivateKey(ecKey(), Optional.of(passphrase()));
        String wrong = "not the passphrase 1234";

        assertThatThrownBy(() -> keyMaterial().decodePrivateKey(pem, Optional.of(wrong.toCharArray())))
                .isInstanceOf(WrongPassphraseException.class)
                .satisfies(mentions("passphrase"))
                .satisfies(e -> assertNoSecretIn(e, wrong, PASSPHRASE, pemBody(pem)));
    }

    @Test
    void givenEncryptedKeyAndNoPassphrase_whenDecodePrivateKey_thenWrongPassphraseException() {
        String pem = keyMaterial().encodePrivateKey(ecKey(), Optional.of(passphrase()));

        assertThatThrownBy(() -> keyMaterial().decodePrivateKey(pem, Optional.empty()))
                .isInstanceOf(WrongPassphraseException.class)
                .satisfies(mentions("passphrase"));
    }

    @Test
    void givenEncryptedTraditionalKey_whenDecodePrivateKey_thenOpensWithThePassphraseOnly() throws Exception {
        for (KeyPair key : List.of(rsaKey(), ecKey())) {
            String pem = encryptedTraditionalPem(key);
            String wrong = "not the passphrase 1234";

            assertSameKeyPair(keyMaterial().decodePrivateKey(pem, Optional.of(passphrase())), key);
            assertThatThrownBy(() -> keyMaterial().decodePrivateKey(pem, Optional.of(wrong.toCharArray())))
                    .isInstanceOf(WrongPassphraseException.class)
                    .satisfies(mentions("passphrase"))
                    .satisfies(e -> assertNoSecretIn(e, wrong, PASSPHRASE));
            assertThatThrownBy(() -> keyMaterial().decodePrivateKey(pem, Optional.empty()))
                    .isInstanceOf(WrongPassphraseException.class)
                    .satisfies(mentions("passphrase"));
        }
    }

    @Test
    void givenCorruptClearOrEncryptedKeyStructure_whenDecodePrivateKey_thenKeyMaterialExceptionButNotWrongPassphrase() {
        // Base64 is fine, the DER inside is not: no passphrase can fix that.
        for (String corrupt : List.of("-----BEGIN PRIVATE KEY-----\nMAMCAQA=\n-----END PRIVATE KEY-----\n",
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAMCAQA=\n-----END ENCRYPTED PRIVATE KEY-----\n")) {
            assertThatThrownBy(() -> keyMaterial().decodePrivateKey(corrupt, Optional.of(passphrase())))
                    .as("decoding %s", corrupt)
                    .isInstanceOf(KeyMaterialException.class)
                    .isNotInstanceOf(WrongPassphraseException.class);
        }
    }

    // ---------------------------------------------------------------- isEncrypted

    @Test
    void givenPkcs8Keys_whenIsEncrypted_thenTrueOnlyForTheEncryptedOne() {
        assertThat(keyMaterial().isEncrypted(keyMaterial().encodePrivateKey(ecKey(), Optional.of(passphrase())))).isTrue();
        assertThat(keyMaterial().isEncrypted(keyMaterial().encodePrivateKey(ecKey(), Optional.empty()))).isFalse();
    }

    @Test
    void givenTraditionalKeys_whenIsEncrypted_thenTrueOnlyForTheOneWithProcTypeEncrypted() throws Exception {
        String encrypted = encryptedTraditionalPem(rsaKey());
        assertThat(encrypted).contains("Proc-Type: 4,ENCRYPTED");

        assertThat(keyMaterial().isEncrypted(encrypted)).isTrue();
        assertThat(keyMaterial().isEncrypted(traditionalPem(rsaKey()))).isFalse();
        assertThat(keyMaterial().isEncrypted(traditionalPem(ecKey()))).isFalse();
    }

    @Test
    void givenTextWithoutPrivateKey_whenIsEncrypted_thenFalse() throws Exception {
        String certificate = keyMaterial().encodeCertificates(List.of(issuer().certificate));

        for (String text : List.of("", "hello world\n", certificate, "-----BEGIN ENCRYPTED PRIVATE", "Proc-Type: 4,ENCRYPTED\n")) {
            assertThat(keyMaterial().isEncrypted(text)).as("is %s encrypted", text).isFalse();
        }
    }

    @Test
    void givenTraditionalRsaAndEcPem_whenDecodePrivateKey_thenSameKeyPair() throws Exception {
        for (KeyPair key : List.of(rsaKey(), ecKey())) {
            String traditional = traditionalPem(key);
            assertThat(traditional).containsAnyOf("-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN EC PRIVATE KEY-----");

            assertSameKeyPair(keyMaterial().decodePrivateKey(traditional, Optional.empty()), key);
        }
    }

    @Test
    void givenGarbage_whenDecodePrivateKey_thenKeyMaterialExceptionSayingAPrivateKeyWasExpected() {
        for (String garbage : List.of("", "hello world\n", "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n",
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")) {
            assertThatThrownBy(() -> keyMaterial().decodePrivateKey(garbage, Optional.empty()))
                    .as("decoding %s", garbage)
                    .isInstanceOf(KeyMaterialException.class)
                    .satisfies(mentions("private key"));
        }
    }

    @Test
    void givenCertificatePem_whenDecodePrivateKey_thenKeyMaterialExceptionWithoutTheMaterial() throws Exception {
        String certificatePem = keyMaterial().encodeCertificates(List.of(issuer().certificate));

        assertThatThrownBy(() -> keyMaterial().decodePrivateKey(certificatePem, Optional.empty()))
                .isInstanceOf(KeyMaterialException.class)
                .satisfies(mentions("private key"))
                .satisfies(e -> assertNoSecretIn(e, pemBody(certificatePem)));
    }

    // ---------------------------------------------------------------- certificates

    @Test
    void givenChain_whenEncodeAndDecodeCertificates_thenSameCertificatesInOrder() throws Exception {
        TestCa ca = issuer();
        X509Certificate leaf = ca.issue(ecKey().getPublic(), "Leaf.Example.Test", List.of("leaf.example.test"), false);

        String pem = keyMaterial().encodeCertificates(List.of(leaf, ca.certificate));

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(pem.split("-----BEGIN CERTIFICATE-----", -1)).hasSize(3);
        assertThat(keyMaterial().decodeCertificates(pem)).containsExactly(leaf, ca.certificate);
    }

    @Test
    void givenPrivateKeyBlockAmongCertificates_whenDecodeCertificates_thenKeyMaterialException() throws Exception {
        String pem = keyMaterial().encodeCertificates(List.of(issuer().certificate))
                + keyMaterial().encodePrivateKey(ecKey(), Optional.empty());

        assertThatThrownBy(() -> keyMaterial().decodeCertificates(pem))
                .isInstanceOf(KeyMaterialException.class)
                .satisfies(mentions("certificate"))
                .satisfies(e -> assertNoSecretIn(e, pemBody(keyMaterial().encodePrivateKey(ecKey(), Optional.empty()))));
    }

    @Test
    void givenCorruptCertificateBlock_whenDecodeCertificates_thenKeyMaterialException() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> keyMaterial().decodeCertificates(pem)).isInstanceOf(KeyMaterialException.class);
    }

    @Test
    void givenCertificatesWithParametersAppended_whenDecodeCertificates_thenParameterBlocksAreSkipped() throws Exception {
        TestCa ca = issuer();
        X509Certificate leaf = ca.issue(ecKey().getPublic(), "leaf.example.test", List.of("leaf.example.test"), false);
        String params = keyMaterial().parameters(new ParamsSpec(2048, false, Optional.of("secp384r1")));
        String certificates = keyMaterial().encodeCertificates(List.of(leaf, ca.certificate));

        assertThat(keyMaterial().decodeCertificates(certificates + params)).containsExactly(leaf, ca.certificate);
        assertThat(keyMaterial().decodeCertificates(params + certificates)).containsExactly(leaf, ca.certificate);
        assertThat(keyMaterial().decodeCertificates(params)).isEmpty();
    }

    @Test
    void givenKeyCertificateAndParameters_whenDecodeCertificates_thenKeyMaterialExceptionNamingTheKeyBlock() throws Exception {
        String params = keyMaterial().parameters(new ParamsSpec(2048, false, Optional.of("secp384r1")));
        String certificate = keyMaterial().encodeCertificates(List.of(issuer().certificate));
        String clearKey = keyMaterial().encodePrivateKey(ecKey(), Optional.empty());

        for (String key : List.of(clearKey, keyMaterial().encodePrivateKey(ecKey(), Optional.of(passphrase())),
                encryptedTraditionalPem(rsaKey()))) {
            assertThatThrownBy(() -> keyMaterial().decodeCertificates(key + certificate + params))
                    .isInstanceOf(KeyMaterialException.class)
                    .satisfies(mentions("certificate"))
                    .satisfies(mentions("private key"))
                    .satisfies(e -> assertNoSecretIn(e, pemBody(key), PASSPHRASE));
        }
    }

    @Test
    void givenOtherBlockAfterParameters_whenDecodeCertificates_thenKeyMaterialException() throws Exception {
        String params = keyMaterial().parameters(new ParamsSpec(2048, false, Optional.of("prime256v1")));
        String certificate = keyMaterial().encodeCertificates(List.of(issuer().certificate));
        String publicKey = pem("PUBLIC KEY", ecKey().getPublic().getEncoded());

        assertThatThrownBy(() -> keyMaterial().decodeCertificates(certificate + params + publicKey))
                .isInstanceOf(KeyMaterialException.class)
                .satisfies(mentions("public key"));
    }

    // ---------------------------------------------------------------- parameters

    @Test
    void givenEachRfc7919Size_whenParameters_thenOneDhBlockWithThatGroupAndGenerator2() throws Exception {
        for (int bits : RFC7919.keySet()) {
            String pem = keyMaterial().parameters(new ParamsSpec(bits, false, Optional.empty()));

            assertThat(pem).as("%d bits", bits).startsWith("-----BEGIN DH PARAMETERS-----\n")
                    .endsWith("-----END DH PARAMETERS-----\n");
            assertThat(pem.split("-----BEGIN ", -1)).hasSize(2);
            assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
            ASN1Sequence dh = ASN1Sequence.getInstance(pemDer(pem, "DH PARAMETERS"));
            assertThat(dh.size()).as("PKCS#3 DHParameter with p and g only, as openssl writes it").isEqualTo(2);
            assertThat(ASN1Integer.getInstance(dh.getObjectAt(0)).getValue()).isEqualTo(RFC7919.get(bits));
            assertThat(ASN1Integer.getInstance(dh.getObjectAt(1)).getValue()).isEqualTo(BigInteger.TWO);
        }
    }

    @Test
    void givenCurveNames_whenParameters_thenEcBlockWithTheNamedCurveOidAsOpensslEcparamWritesIt() throws Exception {
        String p256 = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";
        String p384 = "-----BEGIN EC PARAMETERS-----\nBgUrgQQAIg==\n-----END EC PARAMETERS-----\n";

        assertThat(keyMaterial().parameters(ecOnly("prime256v1"))).isEqualTo(p256);
        assertThat(keyMaterial().parameters(ecOnly("secp256r1"))).isEqualTo(p256);
        assertThat(keyMaterial().parameters(ecOnly("secp384r1"))).isEqualTo(p384);
        assertThat(pemDer(keyMaterial().parameters(ecOnly("secp521r1")), "EC PARAMETERS"))
                .isEqualTo(SECObjectIdentifiers.secp521r1.getEncoded());
        assertThat(pemDer(keyMaterial().parameters(ecOnly("brainpoolP256r1")), "EC PARAMETERS"))
                .isEqualTo(TeleTrusTObjectIdentifiers.brainpoolP256r1.getEncoded());
    }

    @Test
    void givenDhAndCurve_whenParameters_thenDhBlockFollowedByEcBlock() throws Exception {
        String pem = keyMaterial().parameters(new ParamsSpec(3072, false, Optional.of("secp384r1")));

        assertThat(pem).isEqualTo(keyMaterial().parameters(new ParamsSpec(3072, false, Optional.empty()))
                + keyMaterial().parameters(ecOnly("secp384r1")));
        assertThat(pem.indexOf("-----BEGIN DH PARAMETERS-----")).isZero();
        assertThat(pem.split("-----BEGIN ", -1)).hasSize(3);
    }

    @Test
    void givenSameSettingsTwice_whenParameters_thenSameText() throws Exception {
        ParamsSpec spec = new ParamsSpec(2048, false, Optional.of("secp384r1"));

        assertThat(keyMaterial().parameters(spec)).isEqualTo(keyMaterial().parameters(spec));
    }

    @Test
    void givenUnknownCurve_whenParameters_thenKeyMaterialExceptionNamingTheCurve() {
        for (ParamsSpec spec : List.of(ecOnly("nosuchcurve9"), new ParamsSpec(2048, false, Optional.of("nosuchcurve9")))) {
            assertThatThrownBy(() -> keyMaterial().parameters(spec))
                    .isInstanceOf(KeyMaterialException.class)
                    .satisfies(mentions("nosuchcurve9"));
        }
    }

    @Test
    void givenSizeWithoutRfc7919GroupAndNoGeneration_whenParameters_thenKeyMaterialExceptionNamingTheSize() {
        for (int bits : List.of(1024, 2047, 2560, 16384)) {
            assertThatThrownBy(() -> keyMaterial().parameters(new ParamsSpec(bits, false, Optional.empty())))
                    .isInstanceOf(KeyMaterialException.class)
                    .satisfies(mentions(Integer.toString(bits)));
        }
    }

    // ---------------------------------------------------------------- parametersMatch

    @Test
    void givenParametersJustWritten_whenParametersMatchTheirSettings_thenTrue() throws Exception {
        for (ParamsSpec spec : List.of(new ParamsSpec(2048, false, Optional.empty()), new ParamsSpec(4096, false, Optional.empty()),
                ecOnly("secp384r1"), new ParamsSpec(2048, false, Optional.of("brainpoolP256r1")),
                new ParamsSpec(8192, false, Optional.of("secp521r1")))) {
            assertThat(keyMaterial().parametersMatch(keyMaterial().parameters(spec), spec)).as("%s", spec).isTrue();
        }
    }

    @Test
    void givenCurveAliases_whenParametersMatch_thenTheyMatchEachOther() throws Exception {
        String written = keyMaterial().parameters(new ParamsSpec(2048, false, Optional.of("secp256r1")));

        assertThat(keyMaterial().parametersMatch(written, new ParamsSpec(2048, false, Optional.of("prime256v1")))).isTrue();
        assertThat(keyMaterial().parametersMatch(keyMaterial().parameters(ecOnly("prime256v1")), ecOnly("secp256r1"))).isTrue();
    }

    @Test
    void givenChangedSettings_whenParametersMatch_thenFalse() throws Exception {
        String installed = keyMaterial().parameters(new ParamsSpec(2048, false, Optional.of("secp384r1")));

        for (ParamsSpec changed : List.of(new ParamsSpec(3072, false, Optional.of("secp384r1")),
                new ParamsSpec(2048, false, Optional.of("secp521r1")),
                new ParamsSpec(2048, false, Optional.empty()),
                ecOnly("secp384r1"),
                new ParamsSpec(2048, true, Optional.of("secp384r1")),
                new ParamsSpec(2048, false, Optional.of("nosuchcurve9")),
                ParamsSpec.NONE)) {
            assertThat(keyMaterial().parametersMatch(installed, changed)).as("%s", changed).isFalse();
        }
        assertThat(keyMaterial().parametersMatch(keyMaterial().parameters(ecOnly("secp384r1")),
                new ParamsSpec(2048, false, Optional.of("secp384r1")))).as("DH added").isFalse();
    }

    @Test
    void givenOtherSafePrimeOfTheSize_whenParametersMatch_thenOnlyWhenGeneratingFreshParameters() {
        // RFC 3526's MODP group 14 stands in for freshly generated parameters: a 2048-bit safe
        // prime with generator 2 that is not the RFC 7919 group.
        String fresh = pem("DH PARAMETERS", dhParameter(DHStandardGroups.rfc3526_2048.getP(), BigInteger.TWO));
        String largerFresh = pem("DH PARAMETERS", dhParameter(DHStandardGroups.rfc3526_3072.getP(), BigInteger.TWO));

        assertThat(keyMaterial().parametersMatch(fresh, new ParamsSpec(2048, true, Optional.empty()))).isTrue();
        assertThat(keyMaterial().parametersMatch(fresh, new ParamsSpec(2048, false, Optional.empty()))).isFalse();
        assertThat(keyMaterial().parametersMatch(largerFresh, new ParamsSpec(2048, true, Optional.empty()))).isFalse();
    }

    @Test
    void givenRfc7919PrimeWithAnotherGenerator_whenParametersMatchWithoutGeneration_thenFalse() {
        String pem = pem("DH PARAMETERS", dhParameter(RFC7919.get(2048), BigInteger.valueOf(5)));

        assertThat(keyMaterial().parametersMatch(pem, new ParamsSpec(2048, false, Optional.empty()))).isFalse();
    }

    @Test
    void givenGarbageOrWrongBlocks_whenParametersMatch_thenFalseWithoutThrowing() throws Exception {
        ParamsSpec spec = new ParamsSpec(2048, false, Optional.of("secp384r1"));
        String good = keyMaterial().parameters(spec);
        String dh = keyMaterial().parameters(new ParamsSpec(2048, false, Optional.empty()));
        String ec = keyMaterial().parameters(ecOnly("secp384r1"));

        for (String garbage : List.of("", "hello world\n", good.substring(0, good.length() / 2),
                "-----BEGIN DH PARAMETERS-----\n!!!!\n-----END DH PARAMETERS-----\n" + ec,
                pem("DH PARAMETERS", new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}) + ec,
                dh + pem("EC PARAMETERS", new byte[] {0x02, 0x01, 0x05}),
                dh + pem("EC PARAMETERS", new byte[] {0x06, 0x7f}),
                dh + dh + ec,
                good + keyMaterial().encodeCertificates(List.of(issuer().certificate)))) {
            assertThat(keyMaterial().parametersMatch(garbage, spec)).as("matching %s", garbage).isFalse();
        }
    }

    @Test
    void givenCertificateAndItsRsaKey_whenDescribe_thenNamesDatesKeyAndMatch() throws Exception {
        TestCa ca = issuer();
        X509Certificate leaf = ca.issue(rsaKey().getPublic(), "www.example.test",
                List.of("WWW.Example.test", "example.test"), false);

        InstalledCertificate described = keyMaterial().describe(KeyType.RSA, leaf, rsaKey());

        assertThat(described.keyType()).isEqualTo(KeyType.RSA);
        assertThat(described.commonName()).contains("www.example.test");
        assertThat(described.names()).containsExactlyInAnyOrder("www.example.test", "example.test");
        assertThat(described.notBefore()).isEqualTo(leaf.getNotBefore().toInstant());
        assertThat(described.notAfter()).isEqualTo(leaf.getNotAfter().toInstant());
        assertThat(described.key()).isEqualTo(new KeySpec.Rsa(2048));
        assertThat(described.keyMatches()).isTrue();
        assertThat(described.mustStaple()).isFalse();
    }

    @Test
    void givenMustStapleCertificateWithoutCommonNameAndItsEcKey_whenDescribe_thenMustStapleAndCurve() throws Exception {
        X509Certificate leaf = issuer().issue(ecKey().getPublic(), null, List.of("example.test"), true);

        InstalledCertificate described = keyMaterial().describe(KeyType.ECDSA, leaf, ecKey());

        assertThat(described.commonName()).isEmpty();
        assertThat(described.names()).containsExactly("example.test");
        assertThat(described.key()).isEqualTo(new KeySpec.Ec(EcCurve.SECP256R1));
        assertThat(described.keyMatches()).isTrue();
        assertThat(described.mustStaple()).isTrue();
    }

    @Test
    void givenCertificateForAnotherKey_whenDescribe_thenKeyDoesNotMatchAndSpecIsTheInstalledKeys() throws Exception {
        X509Certificate leaf = issuer().issue(rsaKey().getPublic(), "example.test", List.of("example.test"), false);

        InstalledCertificate described = keyMaterial().describe(KeyType.ECDSA, leaf, ecKey());

        assertThat(described.keyMatches()).isFalse();
        assertThat(described.key()).isEqualTo(new KeySpec.Ec(EcCurve.SECP256R1));
    }

    @Test
    void givenDecodedKeyAndCertificate_whenDescribe_thenKeyMatches() throws Exception {
        X509Certificate leaf = issuer().issue(ecKey().getPublic(), "example.test", List.of("example.test"), false);
        KeyPair decoded = keyMaterial().decodePrivateKey(
                keyMaterial().encodePrivateKey(ecKey(), Optional.of(passphrase())), Optional.of(passphrase()));
        X509Certificate reread = keyMaterial().decodeCertificates(keyMaterial().encodeCertificates(List.of(leaf))).get(0);

        assertThat(keyMaterial().describe(KeyType.ECDSA, reread, decoded).keyMatches()).isTrue();
    }

    @Test
    void givenOnlyThePublicKey_whenDescribe_thenTheKeyIsReadFromItAndMatches() throws Exception {
        X509Certificate leaf = issuer().issue(rsaKey().getPublic(), "example.test", List.of("example.test"), false);

        InstalledCertificate described = keyMaterial().describe(KeyType.RSA, leaf,
                new KeyPair(leaf.getPublicKey(), null));

        assertThat(described.key()).isEqualTo(new KeySpec.Rsa(2048));
        assertThat(described.keyMatches()).isTrue();
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void givenSeveralThreads_whenEncodingAndDecodingAtOnce_thenEveryResultIsRight() throws Exception {
        KeyMaterial material = keyMaterial();
        List<KeyPair> keys = List.of(ecKey(), rsaKey(), material.generate(new KeySpec.Ec(EcCurve.SECP384R1)),
                material.generate(new KeySpec.Ec(EcCurve.SECP256R1)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (KeyPair key : keys) {
                    Callable<Boolean> roundTrip = () -> {
                        KeyPair clear = material.decodePrivateKey(material.encodePrivateKey(key, Optional.empty()), Optional.empty());
                        byte[] csr = material.createCsr(key, names("example.test"), false);
                        return samePublicKey(clear.getPublic(), key.getPublic())
                                && Arrays.equals(new PKCS10CertificationRequest(csr).getSubjectPublicKeyInfo().getEncoded(),
                                        key.getPublic().getEncoded());
                    };
                    results.add(pool.submit(roundTrip));
                }
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ================================================================ helpers

    private static void assertSameKeyPair(KeyPair actual, KeyPair expected) {
        assertThat(actual.getPrivate().getAlgorithm()).isIn("RSA", "EC");
        assertThat(samePublicKey(actual.getPublic(), expected.getPublic())).as("same public key").isTrue();
        assertThat(samePrivateKey(actual.getPrivate(), expected.getPrivate())).as("same private key").isTrue();
    }

    // Encodings may differ (an EC key read from SEC 1 keeps its optional public key), values may not.
    private static boolean samePrivateKey(PrivateKey a, PrivateKey b) {
        if (a instanceof RSAPrivateKey x && b instanceof RSAPrivateKey y) {
            return x.getModulus().equals(y.getModulus()) && x.getPrivateExponent().equals(y.getPrivateExponent());
        }
        if (a instanceof ECPrivateKey x && b instanceof ECPrivateKey y) {
            return x.getS().equals(y.getS()) && x.getParams().getOrder().equals(y.getParams().getOrder());
        }
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    private static boolean samePublicKey(PublicKey a, PublicKey b) {
        if (a instanceof RSAPublicKey x && b instanceof RSAPublicKey y) {
            return x.getModulus().equals(y.getModulus()) && x.getPublicExponent().equals(y.getPublicExponent());
        }
        if (a instanceof ECPublicKey x && b instanceof ECPublicKey y) {
            return x.getW().equals(y.getW());
        }
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    private static ThrowingConsumer<Throwable> mentions(String words) {
        return e -> assertThat(e.getMessage()).as("message").containsIgnoringCase(words);
    }

    private static void assertNoSecretIn(Throwable e, String... secrets) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()) + " " + t;
            for (String secret : secrets) {
                assertThat(text).as("message of %s", t.getClass().getName()).doesNotContain(secret);
            }
        }
    }

    private static String pemBody(String pem) {
        // A 40-character stretch of the base64 body is material; names and labels are not.
        String body = pem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        return body.substring(Math.min(body.length(), 40), Math.min(body.length(), 80));
    }

    private static ParamsSpec ecOnly(String curve) {
        return new ParamsSpec(0, false, Optional.of(curve));
    }

    private static Map<Integer, BigInteger> rfc7919Primes() {
        Map<Integer, BigInteger> primes = new LinkedHashMap<>();
        primes.put(2048, DHStandardGroups.rfc7919_ffdhe2048.getP());
        primes.put(3072, DHStandardGroups.rfc7919_ffdhe3072.getP());
        primes.put(4096, DHStandardGroups.rfc7919_ffdhe4096.getP());
        primes.put(6144, DHStandardGroups.rfc7919_ffdhe6144.getP());
        primes.put(8192, DHStandardGroups.rfc7919_ffdhe8192.getP());
        return Collections.unmodifiableMap(primes);
    }

    private static byte[] dhParameter(BigInteger p, BigInteger g) {
        try {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(p), new ASN1Integer(g)}).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String label, byte[] der) {
        try {
            return write(new PemObject(label, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content of the only block with this label, read with Bouncy Castle's PEM reader. */
    private static byte[] pemDer(String pem, String label) throws IOException {
        List<PemObject> found = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                if (block.getType().equals(label)) {
                    found.add(block);
                }
            }
        }
        assertThat(found).as("%s blocks", label).hasSize(1);
        return found.get(0).getContent();
    }

    private static String traditionalPem(KeyPair key) throws IOException {
        return write(traditionalBlock(key));
    }

    // OpenSSL's "traditional" forms: PKCS#1 RSAPrivateKey, and SEC 1 ECPrivateKey with the
    // named curve and the public key inside (which the JDK's PKCS#8 form leaves out).
    private static PemObject traditionalBlock(KeyPair key) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getPrivate().getEncoded());
        if (key.getPrivate() instanceof ECPrivateKey ecKey) {
            org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
            SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
            return new PemObject("EC PRIVATE KEY", new org.bouncycastle.asn1.sec.ECPrivateKey(
                    ecKey.getParams().getOrder().bitLength(), inner.getKey(), publicKey.getPublicKeyData(),
                    info.getPrivateKeyAlgorithm().getParameters()).getEncoded());
        }
        return new PemObject("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
    }

    // The same, encrypted as "openssl rsa -aes128" writes it: Proc-Type and DEK-Info headers.
    private static String encryptedTraditionalPem(KeyPair key) throws IOException {
        PemObject clear = traditionalBlock(key);
        PEMEncryptor encryptor = new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(passphrase());
        return write(new PemObject(clear.getType(), List.of(new PemHeader("Proc-Type", "4,ENCRYPTED"),
                new PemHeader("DEK-Info", encryptor.getAlgorithm() + "," + Hex.toHexString(encryptor.getIV()).toUpperCase(Locale.ROOT))),
                encryptor.encrypt(clear.getContent())));
    }

    private static String write(PemObject block) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(block);
        }
        return out.toString();
    }

    private static String commonName(X500Name name) {
        return IETFUtils.valueToString(name.getRDNs(BCStyle.CN)[0].getFirst().getValue());
    }

    private static Extensions requestedExtensions(PKCS10CertificationRequest csr) {
        var attributes = csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
        assertThat(attributes).as("extension request attribute").hasSize(1);
        return Extensions.getInstance(attributes[0].getAttrValues().getObjectAt(0));
    }

    private static List<String> sanDnsNames(PKCS10CertificationRequest csr) {
        GeneralNames sans = GeneralNames.fromExtensions(requestedExtensions(csr), Extension.subjectAlternativeName);
        return Arrays.stream(sans.getNames())
                .filter(n -> n.getTagNo() == GeneralName.dNSName)
                .map(n -> IETFUtils.valueToString(n.getName()))
                .toList();
    }

    private synchronized TestCa issuer() throws GeneralSecurityException, OperatorCreationException, IOException {
        if (issuer == null) {
            issuer = new TestCa(keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1)));
        }
        return issuer;
    }

    /** A throw-away CA that signs test certificates with Bouncy Castle. */
    private static final class TestCa {
        private static final X500Name NAME = new X500Name("CN=certmgr contract test CA");
        private final KeyPair key;
        private final X509Certificate certificate;
        private long serial = 1;

        TestCa(KeyPair key) throws GeneralSecurityException, OperatorCreationException, IOException {
            this.key = key;
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(NAME, BigInteger.ONE,
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), NAME, key.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            this.certificate = sign(builder);
        }

        synchronized X509Certificate issue(PublicKey subjectKey, String commonName, List<String> dnsNames, boolean mustStaple)
                throws GeneralSecurityException, OperatorCreationException, IOException {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            X500Name subject = commonName == null ? new X500Name(new RDN[0])
                    : new X500Name("CN=" + commonName);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(NAME, BigInteger.valueOf(++serial),
                    Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(90, ChronoUnit.DAYS)), subject, subjectKey);
            builder.addExtension(Extension.subjectAlternativeName, commonName == null, new GeneralNames(
                    dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            if (mustStaple) {
                builder.addExtension(TLS_FEATURE, false, new DERSequence(new ASN1Encodable[] {new ASN1Integer(5)}));
            }
            return sign(builder);
        }

        private X509Certificate sign(X509v3CertificateBuilder builder) throws OperatorCreationException, CertificateException {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
        }
    }
}
