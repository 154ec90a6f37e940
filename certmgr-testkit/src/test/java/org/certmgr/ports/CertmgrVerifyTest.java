package org.certmgr.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.AccountSpec;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.Passphrase;
import org.certmgr.domain.StartTls;
import org.certmgr.domain.VerifyTarget;
import org.certmgr.ports.in.ProbeOutcome;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.ports.in.UpdateScope;
import org.certmgr.ports.in.Verdict;
import org.certmgr.ports.in.VerifyReport;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.ProbeRequest;
import org.certmgr.ports.out.ProbeResult;
import org.certmgr.ports.out.StapleCheck;
import org.certmgr.testkit.fakes.FakeAcmeGateway;
import org.certmgr.testkit.fakes.FakeKeyMaterial;
import org.certmgr.testkit.fakes.FakeTlsProbe;
import org.certmgr.testkit.fakes.MutableClock;
import org.certmgr.testkit.memory.InMemoryAccountStore;
import org.certmgr.testkit.memory.InMemoryCertificateStore;
import org.certmgr.testkit.memory.InMemoryChallengeResponder;
import org.certmgr.testkit.memory.StaticNameResolver;
import org.certmgr.testkit.tls.TestPki;
import org.junit.jupiter.api.Test;

/** The {@code verify} use case through the facade, with fakes for the CA, the store and the probe. */
class CertmgrVerifyTest {
    private static final CertificateName EXAMPLE = CertificateName.of("example.test");
    private static final DnsName APEX = DnsName.of("example.test");
    private static final DnsName WWW = DnsName.of("www.example.test");
    private static final InetAddress V4 = ip("127.0.0.1");
    private static final InetAddress V6 = ip("::1");
    private static final InetAddress OTHER_V4 = ip("127.0.0.2");

    private final MutableClock clock = MutableClock.atSomeInstant();
    private final FakeAcmeGateway ca = new FakeAcmeGateway(clock);
    private final FakeKeyMaterial keys = new FakeKeyMaterial();
    private final InMemoryCertificateStore store = new InMemoryCertificateStore();
    private final FakeTlsProbe probe = new FakeTlsProbe();
    private final Map<DnsName, List<InetAddress>> dns = new HashMap<>(Map.of(APEX, List.of(V4, V6),
            WWW, List.of(OTHER_V4)));
    private boolean mustStaple;
    private int stapleAttempts = 3;

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Certmgr certmgr(List<VerifyTarget> targets) {
        CertificateSpec spec = CertificateSpec.builder("example.test").altNames("www.example.test")
                .keys(new KeySpec.Rsa(2048), new KeySpec.Ec(EcCurve.SECP256R1)).ocspMustStaple(mustStaple).build();
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(spec), Map.of());
        Map<CertificateName, List<VerifyTarget>> verify = new LinkedHashMap<>();
        verify.put(EXAMPLE, targets);
        return Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(new InMemoryAccountStore()).challengeResponder(new InMemoryChallengeResponder())
                .clock(clock).tlsProbe(probe).nameResolver(new StaticNameResolver(dns)).verifyTargets(verify)
                .ocspVerifyRetry(stapleAttempts, Duration.ZERO).build();
    }

    private static VerifyTarget https(KeyType... types) {
        return new VerifyTarget(443, Optional.empty(), List.of(APEX), Set.of(types));
    }

    private List<X509Certificate> installed(KeyType type) throws Exception {
        String pem = store.current(EXAMPLE).orElseThrow().text(CertificateFiles.cert(type)).orElseThrow();
        return keys.decodeCertificates(pem);
    }

    private void serveInstalled(InetAddress address, int port, KeyType type) throws Exception {
        probe.serve(address, port, type, ProbeResult.served(installed(type), StapleCheck.NOT_REQUESTED));
    }

    @Test
    void givenEveryServerServesTheInstalledChains_thenEveryProbeIsOkPerAddressAndKeyType() throws Exception {
        List<VerifyTarget> targets = List.of(
                new VerifyTarget(443, Optional.empty(), List.of(APEX, WWW), Set.of(KeyType.RSA, KeyType.ECDSA)),
                new VerifyTarget(25, Optional.of(StartTls.SMTP), List.of(APEX), Set.of(KeyType.ECDSA)));
        Certmgr certmgr = certmgr(targets);
        certmgr.update(UpdateCommand.all());
        for (InetAddress address : List.of(V4, V6, OTHER_V4)) {
            for (KeyType type : KeyType.values()) {
                serveInstalled(address, 443, type);
                serveInstalled(address, 25, type);
            }
        }

        VerifyReport report = certmgr.verify(List.of());

        assertThat(report.anyFailed()).isFalse();
        assertThat(report.probes()).hasSize(2 * 2 + 1 * 2 + 2);
        assertThat(probe.requests()).hasSize(8)
                .contains(new ProbeRequest(V6, 443, APEX, Optional.empty(), KeyType.ECDSA, false),
                        new ProbeRequest(OTHER_V4, 443, WWW, Optional.empty(), KeyType.RSA, false),
                        new ProbeRequest(V6, 25, APEX, Optional.of(StartTls.SMTP), KeyType.ECDSA, false));
        assertThat(report.probes()).extracting(ProbeOutcome::where).contains("example.test [::1]:443 ecdsa",
                "example.test 127.0.0.1:25 (smtp) ecdsa");
    }

    @Test
    void givenServerStillServesThePreviousCertificate_thenOldCertificate() throws Exception {
        Certmgr certmgr = certmgr(List.of(https(KeyType.RSA, KeyType.ECDSA)));
        certmgr.update(UpdateCommand.all());
        List<X509Certificate> before = installed(KeyType.RSA);
        certmgr.update(new UpdateCommand(List.of(), true, UpdateScope.ALL));
        serveInstalled(V4, 443, KeyType.ECDSA);
        serveInstalled(V6, 443, KeyType.ECDSA);
        probe.serve(V4, 443, KeyType.RSA, ProbeResult.served(before, StapleCheck.NOT_REQUESTED));
        serveInstalled(V6, 443, KeyType.RSA);

        VerifyReport report = certmgr.verify(List.of("www.example.test"));

        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.OLD_CERTIFICATE);
            assertThat(f.address()).contains(V4);
            assertThat(f.keyType()).isEqualTo(KeyType.RSA);
            assertThat(f.detail()).contains("serial " + before.get(0).getSerialNumber().toString(16));
        });
    }

    @Test
    void givenServerServesACertificateForOtherNames_thenWrongCertificate() throws Exception {
        Certmgr certmgr = certmgr(List.of(https(KeyType.ECDSA)));
        certmgr.update(UpdateCommand.all());
        List<X509Certificate> other = TestPki.create("other").issue(KeyType.ECDSA, "other.test").chain();
        probe.serve(V4, 443, KeyType.ECDSA, ProbeResult.served(other, StapleCheck.NOT_REQUESTED));
        serveInstalled(V6, 443, KeyType.ECDSA);

        VerifyReport report = certmgr.verify(List.of());

        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.WRONG_CERTIFICATE);
            assertThat(f.detail()).contains("for other.test").contains("instead of one for example.test, www.example.test");
        });
    }

    @Test
    void givenServerSendsTheLeafWithoutIntermediate_thenMissingChain() throws Exception {
        Certmgr certmgr = certmgr(List.of(https(KeyType.RSA)));
        certmgr.update(UpdateCommand.all());
        probe.serve(V4, 443, KeyType.RSA, ProbeResult.served(List.of(installed(KeyType.RSA).get(0)),
                StapleCheck.NOT_REQUESTED));
        serveInstalled(V6, 443, KeyType.RSA);

        VerifyReport report = certmgr.verify(List.of());

        assertThat(report.failures()).extracting(ProbeOutcome::verdict).containsExactly(Verdict.MISSING_CHAIN);
    }

    @Test
    void givenNothingListensAndAHostWithoutAddress_thenHandshakeErrorAndNoAddress() throws Exception {
        dns.remove(WWW);
        Certmgr certmgr = certmgr(List.of(new VerifyTarget(993, Optional.empty(), List.of(APEX, WWW),
                Set.of(KeyType.RSA))));
        certmgr.update(UpdateCommand.all());
        serveInstalled(V6, 993, KeyType.RSA);

        VerifyReport report = certmgr.verify(List.of());

        assertThat(report.failures()).extracting(ProbeOutcome::verdict, ProbeOutcome::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Verdict.CONNECTION_FAILED, FakeTlsProbe.REFUSED),
                org.assertj.core.groups.Tuple.tuple(Verdict.NOT_RESOLVED, "www.example.test has no address"));
    }

    @Test
    void givenNothingInstalled_thenNotInstalledWithoutProbing() throws Exception {
        VerifyReport report = certmgr(List.of(https(KeyType.RSA))).verify(List.of());

        assertThat(report.failures()).extracting(ProbeOutcome::verdict).containsExactly(Verdict.NOT_INSTALLED);
        assertThat(probe.requests()).isEmpty();
    }

    @Test
    void givenMustStaple_thenTheStapleIsRequestedAndProbedAgainUntilItIsGood() throws Exception {
        mustStaple = true;
        Certmgr certmgr = certmgr(List.of(new VerifyTarget(443, Optional.empty(), List.of(WWW), Set.of(KeyType.RSA))));
        certmgr.update(UpdateCommand.all());
        List<X509Certificate> chain = installed(KeyType.RSA);
        probe.serve(OTHER_V4, 443, KeyType.RSA, ProbeResult.served(chain, StapleCheck.ABSENT),
                ProbeResult.served(chain, StapleCheck.GOOD));

        VerifyReport report = certmgr.verify(List.of());

        assertThat(report.anyFailed()).isFalse();
        assertThat(probe.requests()).hasSize(2).allMatch(ProbeRequest::requestStaple);
    }

    @Test
    void givenMustStapleAndTheStapleNeverComes_thenNoStapleAfterEveryAttempt() throws Exception {
        mustStaple = true;
        Certmgr certmgr = certmgr(List.of(new VerifyTarget(443, Optional.empty(), List.of(WWW), Set.of(KeyType.RSA))));
        certmgr.update(UpdateCommand.all());
        probe.serve(OTHER_V4, 443, KeyType.RSA, ProbeResult.served(installed(KeyType.RSA), StapleCheck.ABSENT));

        VerifyReport report = certmgr.verify(List.of());

        assertThat(report.failures()).extracting(ProbeOutcome::verdict).containsExactly(Verdict.NO_STAPLE);
        assertThat(probe.requests()).hasSize(stapleAttempts);
    }

    @Test
    void givenAnInstalledOcspFileWithoutMustStaple_thenABadStapleFailsAtOnce() throws Exception {
        Certmgr certmgr = certmgr(List.of(new VerifyTarget(443, Optional.empty(), List.of(WWW), Set.of(KeyType.RSA))));
        certmgr.update(UpdateCommand.all());
        FileSet current = store.current(EXAMPLE).orElseThrow();
        Map<String, byte[]> files = new HashMap<>();
        for (String path : current.paths()) {
            files.put(path, current.content(path).orElseThrow());
        }
        files.put(CertificateFiles.ocsp(KeyType.RSA), "not really DER".getBytes(StandardCharsets.US_ASCII));
        store.commit(EXAMPLE, FileSet.of(files), Set.of(WWW));
        probe.serve(OTHER_V4, 443, KeyType.RSA, ProbeResult.served(installed(KeyType.RSA),
                StapleCheck.bad("the OCSP response says revoked")));

        VerifyReport report = certmgr.verify(List.of());

        assertThat(report.failures()).extracting(ProbeOutcome::verdict, ProbeOutcome::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Verdict.BAD_STAPLE, "the OCSP response says revoked"));
        assertThat(probe.requests()).hasSize(1).allMatch(ProbeRequest::requestStaple);
    }

    @Test
    void givenNoProbeConfigured_thenVerifyExplainsWhatIsMissing() {
        CertificateSpec spec = CertificateSpec.builder("example.test").build();
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(spec), Map.of());
        Certmgr certmgr = Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(new InMemoryAccountStore()).challengeResponder(new InMemoryChallengeResponder()).build();

        assertThatThrownBy(() -> certmgr.verify(List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tlsProbe");
    }
}
