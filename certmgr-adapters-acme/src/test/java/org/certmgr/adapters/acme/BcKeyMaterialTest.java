package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.DHParameter;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.ParamsSpec;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;
import org.certmgr.ports.out.WrongPassphraseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Bouncy Castle adapter promises beyond the port contract: formats OpenSSL reads and writes. */
class BcKeyMaterialTest {
    private static final String PASSPHRASE = "s3cret passphrase";
    private static final KeyMaterial MATERIAL = AcmeAdapters.keyMaterial();
    private static KeyPair rsa;
    private static KeyPair p384;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        rsa = MATERIAL.generate(new KeySpec.Rsa(2048));
        p384 = MATERIAL.generate(new KeySpec.Ec(EcCurve.SECP384R1));
    }

    private static Optional<char[]> passphrase() {
        return Optional.of(PASSPHRASE.toCharArray());
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void givenKeyMaterialCreated_thenBouncyCastleIsRegistered() {
        assertThat(Security.getProvider("BC")).isNotNull();
    }

    @Test
    void givenEncryptedKey_whenOpensslReadsItWithThePassphrase_thenSamePublicKey() throws Exception {
        OpenSsl.assumeAvailable();
        for (KeyPair key : List.of(rsa, p384)) {
            Path file = write("key.pem", MATERIAL.encodePrivateKey(key, passphrase()));

            OpenSsl.Result result = OpenSsl.ok(PASSPHRASE + "\n", "pkey", "-in", file.toString(), "-passin", "stdin",
                    "-pubout", "-outform", "DER");

            assertThat(result.stdout).isEqualTo(key.getPublic().getEncoded());
        }
    }

    @Test
    void givenEncryptedKey_whenOpensslReadsItWithAnotherPassphrase_thenItFails() throws Exception {
        OpenSsl.assumeAvailable();
        Path file = write("key.pem", MATERIAL.encodePrivateKey(p384, passphrase()));

        assertThat(OpenSsl.run("wrong\n", "pkey", "-in", file.toString(), "-passin", "stdin", "-noout").exitCode).isNotZero();
    }

    @Test
    void givenEncryptedKey_thenPbes2WithPbkdf2HmacSha256LargeIterationCountRandomSaltAndAes256Cbc() throws Exception {
        EncryptedPrivateKeyInfo first = encryptedInfo(MATERIAL.encodePrivateKey(p384, passphrase()));
        EncryptedPrivateKeyInfo second = encryptedInfo(MATERIAL.encodePrivateKey(p384, passphrase()));

        assertThat(first.getEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(first.getEncryptionAlgorithm().getParameters());
        KeyDerivationFunc kdf = pbes2.getKeyDerivationFunc();
        assertThat(kdf.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBKDF2);
        PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(kdf.getParameters());
        assertThat(pbkdf2.getIterationCount().intValue()).isEqualTo(100_000);
        assertThat(pbkdf2.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
        assertThat(pbkdf2.getSalt()).hasSizeGreaterThanOrEqualTo(16);
        EncryptionScheme scheme = pbes2.getEncryptionScheme();
        assertThat(scheme.getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);

        PBKDF2Params other = PBKDF2Params.getInstance(
                PBES2Parameters.getInstance(second.getEncryptionAlgorithm().getParameters()).getKeyDerivationFunc().getParameters());
        assertThat(other.getSalt()).isNotEqualTo(pbkdf2.getSalt());
    }

    @Test
    void givenKeysWrittenByOpenssl_whenDecodePrivateKey_thenSameKeyAsOpensslsPublicKey() throws Exception {
        OpenSsl.assumeAvailable();
        Path pkcs8 = dir.resolve("pkcs8.pem");
        OpenSsl.ok(null, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", pkcs8.toString());
        Path sec1 = dir.resolve("sec1.pem");
        OpenSsl.ok(null, "ecparam", "-name", "secp384r1", "-genkey", "-out", sec1.toString());
        Path pkcs1 = dir.resolve("pkcs1.pem");
        OpenSsl.ok(null, "genrsa", "-traditional", "-out", pkcs1.toString(), "2048");

        for (Path file : List.of(pkcs8, sec1, pkcs1)) {
            KeyPair decoded = MATERIAL.decodePrivateKey(Files.readString(file), Optional.empty());

            byte[] opensslPublic = OpenSsl.ok(null, "pkey", "-in", file.toString(), "-pubout", "-outform", "DER").stdout;
            assertThat(decoded.getPublic().getEncoded()).as("public key of %s", file.getFileName()).isEqualTo(opensslPublic);
        }
        assertThat(Files.readString(sec1)).contains("BEGIN EC PARAMETERS").contains("BEGIN EC PRIVATE KEY");
        assertThat(Files.readString(pkcs1)).contains("BEGIN RSA PRIVATE KEY");
        assertThat(KeyParameters.specOf(MATERIAL.decodePrivateKey(Files.readString(sec1), Optional.empty()).getPrivate()))
                .isEqualTo(new KeySpec.Ec(EcCurve.SECP384R1));
    }

    @Test
    void givenKeysEncryptedByOpenssl_whenDecodePrivateKey_thenReadWithPassphraseAndRefusedWithoutIt() throws Exception {
        OpenSsl.assumeAvailable();
        Path clear = write("clear.pem", MATERIAL.encodePrivateKey(p384, Optional.empty()));
        Path pkcs8 = dir.resolve("pkcs8-enc.pem");
        OpenSsl.ok(PASSPHRASE + "\n", "pkey", "-in", clear.toString(), "-aes256", "-passout", "stdin", "-out", pkcs8.toString());
        Path legacy = dir.resolve("legacy-enc.pem");
        OpenSsl.ok(PASSPHRASE + "\n", "ec", "-in", clear.toString(), "-aes256", "-passout", "stdin", "-out", legacy.toString());
        assertThat(Files.readString(legacy)).contains("Proc-Type: 4,ENCRYPTED");

        for (Path file : List.of(pkcs8, legacy)) {
            String pem = Files.readString(file);

            KeyPair decoded = MATERIAL.decodePrivateKey(pem, passphrase());

            assertThat(decoded.getPublic().getEncoded()).isEqualTo(p384.getPublic().getEncoded());
            assertThatThrownBy(() -> MATERIAL.decodePrivateKey(pem, Optional.of("nope".toCharArray())))
                    .isInstanceOf(KeyMaterialException.class)
                    .hasMessageContaining("wrong passphrase")
                    .hasMessageNotContaining("nope");
        }
    }

    @Test
    void givenCsr_whenOpensslVerifiesIt_thenSignatureOkAndExtensionsAsRequested() throws Exception {
        OpenSsl.assumeAvailable();
        byte[] csr = MATERIAL.createCsr(p384, List.of(DnsName.of("www.example.test"), DnsName.of("example.test")), true);
        Path file = dir.resolve("csr.der");
        Files.write(file, csr);

        OpenSsl.Result result = OpenSsl.ok(null, "req", "-in", file.toString(), "-inform", "DER", "-noout", "-verify", "-text");

        assertThat(result.text())
                .contains("CN = www.example.test", "DNS:www.example.test, DNS:example.test", "TLS Feature", "status_request")
                .contains("ecdsa-with-SHA384");
        assertThat(result.stderr).contains("verify OK");
    }

    @Test
    void givenEachKeyKind_whenCreateCsr_thenSignatureHashMatchesTheKeyStrength() throws Exception {
        DefaultAlgorithmNameFinder names = new DefaultAlgorithmNameFinder();
        List<DnsName> name = List.of(DnsName.of("example.test"));

        assertThat(names.getAlgorithmName(new PKCS10CertificationRequest(MATERIAL.createCsr(rsa, name, false)).getSignatureAlgorithm()))
                .isEqualTo("SHA256WITHRSA");
        assertThat(names.getAlgorithmName(new PKCS10CertificationRequest(MATERIAL.createCsr(
                MATERIAL.generate(new KeySpec.Ec(EcCurve.SECP256R1)), name, false)).getSignatureAlgorithm()))
                .isEqualTo("SHA256WITHECDSA");
        assertThat(names.getAlgorithmName(new PKCS10CertificationRequest(MATERIAL.createCsr(p384, name, false)).getSignatureAlgorithm()))
                .isEqualTo("SHA384WITHECDSA");
        assertThat(names.getAlgorithmName(new PKCS10CertificationRequest(MATERIAL.createCsr(
                MATERIAL.generate(new KeySpec.Ec(EcCurve.SECP521R1)), name, false)).getSignatureAlgorithm()))
                .isEqualTo("SHA512WITHECDSA");
    }

    @Test
    void givenKeysAndCertificates_whenEncoded_thenPemLinesAreAtMost64ColumnsWithUnixLineEnds() throws Exception {
        String key = MATERIAL.encodePrivateKey(rsa, passphrase()) + MATERIAL.encodePrivateKey(p384, Optional.empty());
        String certificates = MATERIAL.encodeCertificates(TestCertificates.chain(p384));

        for (String pem : List.of(key, certificates)) {
            assertThat(pem).doesNotContain("\r").endsWith("-----\n");
            assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
            assertThat(pem.lines().filter(l -> !l.startsWith("-----")).filter(l -> l.length() < 64).count())
                    .as("only the last line of each block is short")
                    .isLessThanOrEqualTo(pem.split("-----BEGIN", -1).length - 1);
        }
    }

    @Test
    void givenBundleWithCommentsBetweenBlocks_whenDecodeCertificates_thenCommentsAreSkipped() throws Exception {
        var chain = TestCertificates.chain(p384);
        String bundle = "# Leaf\n" + MATERIAL.encodeCertificates(List.of(chain.get(0)))
                + "\nIssuer: something\n" + MATERIAL.encodeCertificates(List.of(chain.get(1)));

        assertThat(MATERIAL.decodeCertificates(bundle)).containsExactlyElementsOf(chain);
    }

    @Test
    void givenTextWithoutPemBlock_whenDecodeCertificates_thenEmpty() throws Exception {
        assertThat(MATERIAL.decodeCertificates("")).isEmpty();
        assertThat(MATERIAL.decodeCertificates("just words\n")).isEmpty();
    }

    @Test
    void givenUnterminatedBlock_whenDecodeCertificates_thenKeyMaterialException() throws Exception {
        String pem = MATERIAL.encodeCertificates(TestCertificates.chain(p384).subList(0, 1));
        String cut = pem.substring(0, pem.indexOf("-----END"));

        assertThatThrownBy(() -> MATERIAL.decodeCertificates(cut))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("CERTIFICATE");
    }

    @Test
    void givenEd25519Key_whenDecodePrivateKey_thenKeyMaterialExceptionNamingTheAlgorithm() throws Exception {
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ed.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";

        assertThatThrownBy(() -> MATERIAL.decodePrivateKey(pem, Optional.empty()))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("unsupported private key algorithm")
                .hasMessageContaining("RSA or EC");
    }

    // ---------------------------------------------------------------- encryption, as OpenSSL sees it

    @Test
    void givenKeyEncryptedWithPassphraseXyz_whenOpensslReadsItWithPassIn_thenOnlyXyzOpensIt() throws Exception {
        OpenSsl.assumeAvailable();
        Path file = write("key.pem", MATERIAL.encodePrivateKey(rsa, Optional.of("xyz".toCharArray())));

        assertThat(MATERIAL.isEncrypted(Files.readString(file))).isTrue();
        OpenSsl.ok(null, "pkey", "-in", file.toString(), "-passin", "pass:xyz", "-noout");
        assertThat(OpenSsl.run(null, "pkey", "-in", file.toString(), "-passin", "pass:xyw", "-noout").exitCode).isNotZero();
    }

    @Test
    void givenKeysWrittenByOpenssl_whenIsEncryptedAndDecodedWithoutOrWithWrongPassphrase_thenWrongPassphraseException()
            throws Exception {
        OpenSsl.assumeAvailable();
        Path clear = write("clear.pem", MATERIAL.encodePrivateKey(rsa, Optional.empty()));
        Path pkcs8 = dir.resolve("pkcs8-enc.pem");
        OpenSsl.ok(null, "pkey", "-in", clear.toString(), "-aes256", "-passout", "pass:xyz", "-out", pkcs8.toString());
        Path traditional = dir.resolve("traditional-enc.pem");
        OpenSsl.ok(null, "rsa", "-in", clear.toString(), "-traditional", "-aes128", "-passout", "pass:xyz",
                "-out", traditional.toString());

        assertThat(MATERIAL.isEncrypted(Files.readString(clear))).isFalse();
        for (Path file : List.of(pkcs8, traditional)) {
            String pem = Files.readString(file);

            assertThat(MATERIAL.isEncrypted(pem)).as("%s is encrypted", file.getFileName()).isTrue();
            assertThat(MATERIAL.decodePrivateKey(pem, Optional.of("xyz".toCharArray())).getPublic().getEncoded())
                    .isEqualTo(rsa.getPublic().getEncoded());
            assertThatThrownBy(() -> MATERIAL.decodePrivateKey(pem, Optional.of("xyw".toCharArray())))
                    .isInstanceOf(WrongPassphraseException.class)
                    .hasMessageContaining("wrong passphrase")
                    .hasMessageNotContaining("xyw");
            assertThatThrownBy(() -> MATERIAL.decodePrivateKey(pem, Optional.empty()))
                    .isInstanceOf(WrongPassphraseException.class)
                    .hasMessageContaining("no passphrase");
        }
    }

    @Test
    void givenKeyCertFileWrittenWithOpensslEcparamGenkey_whenDecodeCertificates_thenKeyBlockIsRefused() throws Exception {
        OpenSsl.assumeAvailable();
        Path key = dir.resolve("key.pem");
        OpenSsl.ok(null, "ecparam", "-name", "secp384r1", "-genkey", "-out", key.toString());
        String keyAndCert = Files.readString(key) + MATERIAL.encodeCertificates(TestCertificates.chain(p384))
                + MATERIAL.parameters(new ParamsSpec(2048, false, Optional.of("secp384r1")));

        // The leading EC PARAMETERS block is skipped like appended parameters; the key is not.
        assertThatThrownBy(() -> MATERIAL.decodeCertificates(keyAndCert))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("PEM block 2 is a \"EC PRIVATE KEY\" block");
    }

    // ---------------------------------------------------------------- parameters, as OpenSSL sees them

    @Test
    void givenEachRfc7919Size_whenParameters_thenByteForByteWhatOpensslWritesForThatNamedGroup() throws Exception {
        OpenSsl.assumeAvailable();
        for (int bits : List.of(2048, 3072, 4096, 6144, 8192)) {
            String openssl = OpenSsl.ok(null, "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt",
                    "group:ffdhe" + bits).text();

            assertThat(MATERIAL.parameters(new ParamsSpec(bits, false, Optional.empty()))).isEqualTo(openssl);
        }
    }

    @Test
    void givenRfc7919Parameters2048WithCurve_whenOpensslDhparamChecksThem_thenAcceptedAsTheFfdhe2048Group() throws Exception {
        OpenSsl.assumeAvailable();
        Path file = write("params.pem", MATERIAL.parameters(new ParamsSpec(2048, false, Optional.of("secp384r1"))));

        OpenSsl.ok(null, "dhparam", "-in", file.toString(), "-check", "-noout");
        assertThat(OpenSsl.ok(null, "dhparam", "-in", file.toString(), "-text", "-noout").text())
                .contains("(2048 bit)", "GROUP: ffdhe2048");
    }

    @Test
    void givenOpensslCurveNames_whenParameters_thenWhatOpensslEcparamWritesAndItsCheckAccepts() throws Exception {
        OpenSsl.assumeAvailable();
        for (String curve : List.of("prime256v1", "secp256r1", "P-256", "secp384r1", "P-384", "secp521r1",
                "brainpoolP256r1", "brainpoolP384r1", "secp256k1")) {
            String ours = MATERIAL.parameters(new ParamsSpec(0, false, Optional.of(curve)));
            Path file = write("ec.pem", ours);

            assertThat(ours).as(curve).isEqualTo(OpenSsl.ok(null, "ecparam", "-name", curve).text());
            OpenSsl.ok(null, "ecparam", "-in", file.toString(), "-check", "-noout");
        }
    }

    @Test
    void givenParametersWrittenByOpenssl_whenParametersMatch_thenTrueForTheirSettingsUnderAnyCurveAlias()
            throws Exception {
        OpenSsl.assumeAvailable();
        String installed = OpenSsl.ok(null, "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe3072").text()
                + OpenSsl.ok(null, "ecparam", "-name", "prime256v1").text();

        assertThat(MATERIAL.parametersMatch(installed, new ParamsSpec(3072, false, Optional.of("secp256r1")))).isTrue();
        assertThat(MATERIAL.parametersMatch(installed, new ParamsSpec(3072, false, Optional.of("P-256")))).isTrue();
        assertThat(MATERIAL.parametersMatch(installed, new ParamsSpec(3072, true, Optional.of("secp256r1")))).isFalse();
    }

    /** The one test that generates fresh primes: 2048 bits, seconds (rarely a minute) of CPU. */
    @Test
    void givenGenerateDh2048_whenParameters_thenFreshSafePrimeThatOpensslAcceptsAndThatMatchesOnlyFreshSettings()
            throws Exception {
        OpenSsl.assumeAvailable();
        ParamsSpec fresh = new ParamsSpec(2048, true, Optional.of("secp384r1"));

        String pem = MATERIAL.parameters(fresh);

        Path file = write("params.pem", pem);
        OpenSsl.ok(null, "dhparam", "-in", file.toString(), "-check", "-noout");
        assertThat(OpenSsl.ok(null, "dhparam", "-in", file.toString(), "-text", "-noout").text())
                .contains("(2048 bit)", "G:    2 (0x2)").doesNotContain("GROUP:");
        assertThat(pem).startsWith("-----BEGIN DH PARAMETERS-----\n")
                .endsWith(MATERIAL.parameters(new ParamsSpec(0, false, Optional.of("secp384r1"))));
        BigInteger p = dhSequence(pem).getP();
        assertThat(p.mod(BigInteger.valueOf(24))).as("p mod 24, so that 2 generates the prime-order subgroup")
                .isEqualTo(BigInteger.valueOf(23));
        assertThat(MATERIAL.parametersMatch(pem, fresh)).isTrue();
        assertThat(MATERIAL.parametersMatch(pem, new ParamsSpec(2048, false, Optional.of("secp384r1")))).isFalse();
        assertThat(MATERIAL.parametersMatch(MATERIAL.parameters(new ParamsSpec(2048, false, Optional.of("secp384r1"))), fresh))
                .as("switching from the RFC 7919 group to fresh primes regenerates").isFalse();
    }

    @Test
    void givenGenerateDhWithASizeOpensslRefuses_whenParameters_thenKeyMaterialExceptionNamingTheSizeAtOnce() {
        for (int bits : List.of(256, 511, 10_001)) {
            assertThatThrownBy(() -> MATERIAL.parameters(new ParamsSpec(bits, true, Optional.empty())))
                    .isInstanceOf(KeyMaterialException.class)
                    .hasMessageContaining(bits + " bits");
        }
    }

    @Test
    void givenGenerateDhAndUnknownCurve_whenParameters_thenKeyMaterialExceptionBeforeAnyPrimeSearch() {
        // 8192 fresh bits would take many minutes: failing fast is the only way this test ends quickly.
        assertThatThrownBy(() -> MATERIAL.parameters(new ParamsSpec(8192, true, Optional.of("secp384q1"))))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("\"secp384q1\"");
    }

    private static DHParameter dhSequence(String pem) throws Exception {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject block = reader.readPemObject();
            assertThat(block.getType()).isEqualTo("DH PARAMETERS");
            return DHParameter.getInstance(block.getContent());
        }
    }

    private static EncryptedPrivateKeyInfo encryptedInfo(String pem) {
        String body = pem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        return EncryptedPrivateKeyInfo.getInstance(Base64.getDecoder().decode(body));
    }
}
