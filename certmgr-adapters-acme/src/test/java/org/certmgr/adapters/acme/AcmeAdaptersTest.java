package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcmeAdaptersTest {
    @TempDir
    Path dir;

    @Test
    void givenBundleOfTwoCertificates_whenReadTrustAnchors_thenBothInFileOrder() throws Exception {
        KeyPair key = AcmeAdapters.keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1));
        List<X509Certificate> chain = TestCertificates.chain(key);
        Path file = Files.writeString(dir.resolve("ca.pem"), "# private CA\n" + AcmeAdapters.keyMaterial().encodeCertificates(chain));

        assertThat(AcmeAdapters.readTrustAnchors(file)).containsExactlyElementsOf(chain);
    }

    @Test
    void givenFileWithoutCertificate_whenReadTrustAnchors_thenIOExceptionNamingTheFile() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");

        assertThatThrownBy(() -> AcmeAdapters.readTrustAnchors(empty))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("no certificate");
    }

    @Test
    void givenPrivateKeyFile_whenReadTrustAnchors_thenIOExceptionNamingTheFileButNotTheKey() throws Exception {
        KeyPair key = AcmeAdapters.keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1));
        String pem = AcmeAdapters.keyMaterial().encodePrivateKey(key, Optional.empty());
        Path file = Files.writeString(dir.resolve("key.pem"), pem);

        assertThatThrownBy(() -> AcmeAdapters.readTrustAnchors(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("PRIVATE KEY")
                .hasMessageNotContaining(pem.lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void givenMissingFile_whenReadTrustAnchors_thenIOException() {
        assertThatThrownBy(() -> AcmeAdapters.readTrustAnchors(dir.resolve("missing.pem")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing.pem");
    }
}
