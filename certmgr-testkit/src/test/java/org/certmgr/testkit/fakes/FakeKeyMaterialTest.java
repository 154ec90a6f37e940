package org.certmgr.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.ParamsSpec;
import org.certmgr.ports.out.KeyMaterialException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FakeKeyMaterialTest {
    private static final FakeKeyMaterial KEYS = new FakeKeyMaterial();
    private static final KeyPair RSA = KEYS.generate(new KeySpec.Rsa(2048));
    private static final KeyPair EC = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));
    private static final String SECRET = "correct horse battery staple";
    private static final ASN1ObjectIdentifier TLS_FEATURE = new ASN1ObjectIdentifier(FakeKeyMaterial.TLS_FEATURE_OID);

    @TempDir
    Path tmp;

    @Test
    void givenRsaSpec_thenKeyHasThatSize() {
        assertThat(((RSAKey) RSA.getPublic()).getModulus().bitLength()).isEqualTo(2048);
    }

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void givenEcSpec_thenKeyIsOnThatCurve_andDescribeReadsTheCurveBack(EcCurve curve) {
        KeyPair key = KEYS.generate(new KeySpec.Ec(curve));
        X509Certificate certificate = new InMemoryCa("Test").issue(key.getPublic(), "a.test", List.of("a.test"),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), Optional.empty());

        assertThat(KEYS.describe(KeyType.ECDSA, certificate, key).key()).isEqualTo(new KeySpec.Ec(curve));
        assertThat(((ECKey) key.getPublic()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(Map.of(EcCurve.SECP256R1, 256, EcCurve.SECP384R1, 384, EcCurve.SECP521R1, 521).get(curve));
    }

    @Test
    void givenNames_thenCsrIsSigned_hasFirstNameAsCn_andAllNamesAsSans() throws Exception {
        byte[] der = KEYS.createCsr(RSA, List.of(DnsName.of("a.test"), DnsName.of("www.a.test")), false);

        JcaPKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(der);
        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(RSA.getPublic()))).isTrue();
        assertThat(csr.getSubject().toString()).isEqualTo("CN=a.test");
        Extensions extensions = requestedExtensions(csr);
        assertThat(GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName).getNames())
                .extracting(name -> name.getName().toString()).containsExactly("a.test", "www.a.test");
        assertThat(extensions.getExtension(TLS_FEATURE)).isNull();
    }

    @Test
    void givenMustStaple_thenCsrRequestsTheTlsFeatureStatusRequest() throws Exception {
        byte[] der = KEYS.createCsr(EC, List.of(DnsName.of("a.test")), true);

        Extension feature = requestedExtensions(new JcaPKCS10CertificationRequest(der)).getExtension(TLS_FEATURE);
        assertThat(feature.getExtnValue().getOctets()).containsExactly(0x30, 0x03, 0x02, 0x01, 0x05);
    }

    @Test
    void givenClearKey_thenPemIsPkcs8WithWrappedLines_andDecodesToTheSamePair() throws Exception {
        for (KeyPair key : List.of(RSA, EC)) {
            String pem = KEYS.encodePrivateKey(key, Optional.empty());

            assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
            assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
            KeyPair decoded = KEYS.decodePrivateKey(pem, Optional.empty());
            assertThat(decoded.getPrivate()).isEqualTo(key.getPrivate());
            assertThat(decoded.getPublic().getEncoded()).isEqualTo(key.getPublic().getEncoded());
        }
    }

    @Test
    void givenPassphrase_thenKeyIsEncrypted_andOpensOnlyWithThePassphrase() throws Exception {
        String pem = KEYS.encodePrivateKey(EC, Optional.of(SECRET.toCharArray()));

        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        assertThat(KEYS.decodePrivateKey(pem, Optional.of(SECRET.toCharArray())).getPrivate()).isEqualTo(EC.getPrivate());
        assertThatThrownBy(() -> KEYS.decodePrivateKey(pem, Optional.of("wrong".toCharArray())))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("wrong passphrase")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> KEYS.decodePrivateKey(pem, Optional.empty()))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("no passphrase");
    }

    @Test
    void givenEncryptedKey_thenOpensslCanDecryptIt() throws Exception {
        Path file = tmp.resolve("key.pem");
        Files.writeString(file, KEYS.encodePrivateKey(RSA, Optional.of(SECRET.toCharArray())));

        String clear = openssl("pkey", "-in", file.toString(), "-passin", "pass:" + SECRET);

        assertThat(KEYS.decodePrivateKey(clear, Optional.empty()).getPrivate()).isEqualTo(RSA.getPrivate());
    }

    @Test
    void givenTraditionalOpensslKeys_thenTheyDecodeWithTheirPublicKey() throws Exception {
        String ec = openssl("ecparam", "-name", "secp384r1", "-genkey", "-noout");
        String rsa = openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048");
        Path rsaFile = tmp.resolve("rsa.pem");
        Files.writeString(rsaFile, rsa);
        String rsaTraditionalEncrypted = openssl("rsa", "-in", rsaFile.toString(), "-traditional", "-aes128",
                "-passout", "pass:" + SECRET);

        assertThat(ec).contains("BEGIN EC PRIVATE KEY");
        assertThat(rsaTraditionalEncrypted).contains("BEGIN RSA PRIVATE KEY", "Proc-Type: 4,ENCRYPTED");
        KeyPair ecKey = KEYS.decodePrivateKey(ec, Optional.empty());
        byte[] csr = KEYS.createCsr(ecKey, List.of(DnsName.of("a.test")), false);
        assertThat(new JcaPKCS10CertificationRequest(csr).isSignatureValid(
                new JcaContentVerifierProviderBuilder().build(ecKey.getPublic()))).isTrue();
        KeyPair rsaKey = KEYS.decodePrivateKey(rsaTraditionalEncrypted, Optional.of(SECRET.toCharArray()));
        assertThat(rsaKey.getPublic()).isEqualTo(KEYS.decodePrivateKey(rsa, Optional.empty()).getPublic());
    }

    @Test
    void givenTextWithoutKey_thenDecodeFailsWithoutShowingTheText() {
        assertThatThrownBy(() -> KEYS.decodePrivateKey("hello", Optional.empty()))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("no PEM private key")
                .hasMessageNotContaining("hello");
        String corrupt = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> KEYS.decodePrivateKey(corrupt, Optional.empty()))
                .isInstanceOf(KeyMaterialException.class).hasMessageNotContaining("AAAA");
    }

    @Test
    void givenChain_thenCertificatesRoundTripThroughPem_inOrder() throws Exception {
        FakeAcmeGateway ca = new FakeAcmeGateway(MutableClock.atSomeInstant());
        List<X509Certificate> chain = List.of(ca.intermediate(), ca.root());

        String pem = KEYS.encodeCertificates(chain);

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(pem.split("-----BEGIN CERTIFICATE-----", -1)).hasSize(3);
        assertThat(KEYS.decodeCertificates(pem)).containsExactlyElementsOf(chain);
        assertThat(KEYS.decodeCertificates("junk before\n" + pem + "junk after\n")).containsExactlyElementsOf(chain);
        assertThat(KEYS.decodeCertificates("")).isEmpty();
    }

    @Test
    void givenNonCertificateBlock_orCorruptPem_thenDecodeCertificatesFails() {
        String key = KEYS.encodePrivateKey(EC, Optional.empty());
        String certificate = KEYS.encodeCertificates(List.of(new FakeAcmeGateway(MutableClock.atSomeInstant()).root()));

        assertThatThrownBy(() -> KEYS.decodeCertificates(certificate + key))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("block 2 is a PRIVATE KEY");
        assertThatThrownBy(() -> KEYS.decodeCertificates(certificate.substring(0, certificate.length() - 20)))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("no matching END");
        assertThatThrownBy(() -> KEYS.decodeCertificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("not a valid X.509");
        assertThatThrownBy(() -> KEYS.decodeCertificates("not pem"))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("no PEM block");
    }

    @Test
    void givenIssuedCertificate_thenDescribeReadsNamesCnValidityKeyAndMustStaple() {
        InMemoryCa ca = new InMemoryCa("Test");
        Instant notBefore = Instant.parse("2026-01-01T00:00:00Z");
        Instant notAfter = Instant.parse("2026-04-01T00:00:00Z");
        byte[] statusRequest = {0x30, 0x03, 0x02, 0x01, 0x05};
        X509Certificate certificate = ca.issue(RSA.getPublic(), "Www.A.test", List.of("Www.A.test", "a.test"),
                notBefore, notAfter, Optional.of(statusRequest));

        InstalledCertificate installed = KEYS.describe(KeyType.RSA, certificate, RSA);

        assertThat(installed.keyType()).isEqualTo(KeyType.RSA);
        assertThat(installed.commonName()).contains("Www.A.test");
        assertThat(installed.names()).containsExactlyInAnyOrder("www.a.test", "a.test");
        assertThat(installed.notBefore()).isEqualTo(notBefore);
        assertThat(installed.notAfter()).isEqualTo(notAfter);
        assertThat(installed.key()).isEqualTo(new KeySpec.Rsa(2048));
        assertThat(installed.keyMatches()).isTrue();
        assertThat(installed.mustStaple()).isTrue();
    }

    @Test
    void givenOtherKey_thenDescribeSaysItDoesNotMatch_andNoMustStaple() {
        X509Certificate certificate = new InMemoryCa("Test").issue(EC.getPublic(), "a.test", List.of("a.test"),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), Optional.empty());
        KeyPair other = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));

        InstalledCertificate installed = KEYS.describe(KeyType.ECDSA, certificate, other);

        assertThat(installed.keyMatches()).isFalse();
        assertThat(installed.mustStaple()).isFalse();
        assertThat(KEYS.describe(KeyType.ECDSA, certificate, EC).keyMatches()).isTrue();
    }

    @Test
    void givenGenerateDh_thenEachCallGivesOtherParametersOfThatSize_thatMatchOnlyFreshSettings() throws Exception {
        ParamsSpec fresh = new ParamsSpec(2048, true, Optional.of("secp384r1"));

        String first = KEYS.parameters(fresh);
        String second = KEYS.parameters(fresh);

        assertThat(first).isNotEqualTo(second).startsWith("-----BEGIN DH PARAMETERS-----\n")
                .endsWith(KEYS.parameters(new ParamsSpec(0, false, Optional.of("secp384r1"))));
        assertThat(KEYS.parametersMatch(first, fresh)).isTrue();
        assertThat(KEYS.parametersMatch(second, fresh)).isTrue();
        assertThat(KEYS.parametersMatch(first, new ParamsSpec(2048, false, Optional.of("secp384r1")))).isFalse();
        assertThat(KEYS.parametersMatch(first, new ParamsSpec(4096, true, Optional.of("secp384r1")))).isFalse();
    }

    @Test
    void givenGenerateDhWithASizeOpensslRefuses_thenParametersFailNamingTheSize() {
        for (int bits : List.of(256, 10_001)) {
            assertThatThrownBy(() -> KEYS.parameters(new ParamsSpec(bits, true, Optional.empty())))
                    .isInstanceOf(KeyMaterialException.class).hasMessageContaining(Integer.toString(bits));
        }
    }

    @Test
    void givenRfc7919Parameters_thenOpensslAcceptsThem() throws Exception {
        Path dh = Files.writeString(tmp.resolve("dh.pem"), KEYS.parameters(new ParamsSpec(2048, false, Optional.empty())));
        Path ec = Files.writeString(tmp.resolve("ec.pem"), KEYS.parameters(new ParamsSpec(0, false, Optional.of("prime256v1"))));

        openssl("dhparam", "-in", dh.toString(), "-check", "-noout");
        openssl("ecparam", "-in", ec.toString(), "-check", "-noout");
    }

    private static Extensions requestedExtensions(JcaPKCS10CertificationRequest csr) {
        return Extensions.getInstance(csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0]
                .getAttrValues().getObjectAt(0));
    }

    /** Runs openssl, bounded in time and stopped by PID if it hangs; returns its stdout. */
    private String openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "openssl", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
            assertThat(process.exitValue()).as("openssl exit status").isZero();
            return Files.readString(out, StandardCharsets.US_ASCII);
        } finally {
            process.destroyForcibly();
        }
    }
}
