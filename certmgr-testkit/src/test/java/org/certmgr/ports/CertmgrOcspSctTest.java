package org.certmgr.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.AccountSpec;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.CtLogSpec;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.Passphrase;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.ports.in.UpdateScope;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.ports.out.OcspStatus;
import org.certmgr.testkit.fakes.FakeAcmeGateway;
import org.certmgr.testkit.fakes.FakeCtLogClient;
import org.certmgr.testkit.fakes.FakeKeyMaterial;
import org.certmgr.testkit.fakes.FakeOcspClient;
import org.certmgr.testkit.fakes.FakeOperator;
import org.certmgr.testkit.fakes.MutableClock;
import org.certmgr.testkit.fakes.RecordingHookRunner;
import org.certmgr.testkit.fakes.RecordingServiceReloader;
import org.certmgr.testkit.memory.InMemoryAccountStore;
import org.certmgr.testkit.memory.InMemoryCertificateStore;
import org.certmgr.testkit.memory.InMemoryChallengeResponder;
import org.junit.jupiter.api.Test;

/**
 * OCSP responses and SCTs in the core: when they are fetched, kept, rewritten and dropped,
 * what a revoked certificate and a failing responder or log lead to, and the update scopes,
 * through the public facade with the testkit's fakes.
 */
class CertmgrOcspSctTest {
    private static final CertificateName EXAMPLE = CertificateName.of("example.test");
    private static final String AIA = "http://ocsp.ca.test/";

    private final MutableClock clock = MutableClock.atSomeInstant();
    private final FakeAcmeGateway ca = new FakeAcmeGateway(clock);
    private final FakeKeyMaterial keys = new FakeKeyMaterial();
    private final InMemoryCertificateStore store = new InMemoryCertificateStore();
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final RecordingHookRunner hooks = new RecordingHookRunner();
    private final RecordingServiceReloader services = new RecordingServiceReloader();
    private final FakeOcspClient ocsp = new FakeOcspClient(clock).aiaUrls(AIA);
    private final FakeCtLogClient ct = new FakeCtLogClient();
    private final Map<String, CtLogSpec> logs = Map.of("alpha", log("alpha"), "beta", log("beta"));

    private static CtLogSpec log(String name) {
        byte[] id = new byte[32];
        id[0] = (byte) name.charAt(0);
        return new CtLogSpec(name, "http://" + name + ".test/", Base64.getEncoder().encodeToString(id),
                Optional.empty());
    }

    private static CertificateSpec.Builder cert() {
        return CertificateSpec.builder("example.test").keys(new KeySpec.Rsa(2048), new KeySpec.Ec(EcCurve.SECP256R1))
                .dhparamSize(0).ecparamCurve(Optional.empty()).services("nginx");
    }

    private RunReport run(CertificateSpec spec, UpdateScope scope) throws InterruptedException {
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(spec),
                Map.of("nginx", "systemctl reload nginx"));
        return Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(accounts).challengeResponder(new InMemoryChallengeResponder())
                .operator(new FakeOperator()).clock(clock).hooks(hooks).services(services)
                .ocspClient(ocsp).ctLogClient(ct).ctLogs(logs).build()
                .update(new UpdateCommand(List.of(), false, scope));
    }

    private RunReport run(CertificateSpec spec) throws InterruptedException {
        return run(spec, UpdateScope.ALL);
    }

    private FileSet installed() throws Exception {
        return store.current(EXAMPLE).orElseThrow();
    }

    private byte[] file(String path) throws Exception {
        return installed().content(path).orElseThrow();
    }

    private X509Certificate leaf(String type) throws Exception {
        return keys.decodeCertificates(installed().text(type + "/cert.pem").orElseThrow()).get(0);
    }

    private static CertificateOutcome only(RunReport report) {
        assertThat(report.certificates()).hasSize(1);
        return report.certificates().get(0);
    }

    @Test
    void givenNoResponderAnywhere_thenNoOcspFileNoRequestAndNoWarning() throws Exception {
        ocsp.aiaUrls();

        CertificateOutcome outcome = only(run(cert().build()));

        assertThat(outcome.warnings()).isEmpty();
        assertThat(ocsp.requests()).isEmpty();
        assertThat(installed().paths()).noneMatch(p -> p.endsWith("ocsp.der"));
    }

    @Test
    void givenOcspTurnedOff_thenNoRequestEvenWithAnAiaUrlAndAnInstalledResponseIsDroppedAtTheNextRenewal()
            throws Exception {
        run(cert().build());
        assertThat(installed().paths()).contains("rsa/ocsp.der");
        int requests = ocsp.requests().size();

        RunReport off = run(cert().ocspEnabled(false).build(), UpdateScope.ALL);
        assertThat(ocsp.requests()).hasSize(requests);
        assertThat(off.anyFailed()).isFalse();

        run(cert().ocspEnabled(false).build(), UpdateScope.ALL);
        clock.advance(java.time.Duration.ofDays(70));
        RunReport renewed = run(cert().ocspEnabled(false).build(), UpdateScope.ALL);
        assertThat(renewed.anyChanged()).isTrue();
        assertThat(installed().paths()).noneMatch(p -> p.endsWith("ocsp.der"));
        assertThat(ocsp.requests()).hasSize(requests);
    }

    @Test
    void givenNoAiaUrl_thenTheConfiguredRespondersAreAskedInOrderUntilOneAnswers() throws Exception {
        ocsp.aiaUrls();

        run(cert().ocspResponderUrls(List.of("http://fallback.test/")).build());

        assertThat(ocsp.requests()).containsOnly("http://fallback.test/");
        assertThat(installed().paths()).contains("rsa/ocsp.der", "ecdsa/ocsp.der");
    }

    @Test
    void givenANewCertificate_thenItsGoodResponseIsInstalledWithItInOneCommitAndTheHookFires() throws Exception {
        CertificateOutcome outcome = only(run(cert().build()));

        assertThat(outcome.warnings()).isEmpty();
        assertThat(outcome.filesWritten()).contains("rsa/ocsp.der", "ecdsa/ocsp.der", "rsa/cert.pem");
        assertThat(ocsp.read(file("rsa/ocsp.der"), leaf("rsa"), leaf("rsa")).status()).isEqualTo(OcspStatus.GOOD);
        assertThat(hooks.calls(HookEvent.OCSP_INSTALLED)).hasSize(2);
        assertThat(services.reloaded()).containsExactly("nginx");
    }

    @Test
    void givenAGoodResponseBeforeItsRefreshPoint_thenNoRequestNoRewriteAndNoReload() throws Exception {
        run(cert().build());
        byte[] before = file("rsa/ocsp.der");
        int requests = ocsp.requests().size();
        services.clear();
        hooks.clear();

        clock.advance(Duration.ofDays(2).minusMinutes(1));
        CertificateOutcome outcome = only(run(cert().build()));
        CertificateOutcome onlyOcsp = only(run(cert().build(), UpdateScope.OCSP));

        assertThat(ocsp.requests()).hasSize(requests);
        assertThat(outcome.changed()).isFalse();
        assertThat(onlyOcsp.changed()).isFalse();
        assertThat(file("rsa/ocsp.der")).isEqualTo(before);
        assertThat(services.reloaded()).isEmpty();
        assertThat(hooks.calls()).isEmpty();
    }

    @Test
    void givenAResponsePastItsRefreshPoint_thenOnlyTheResponseIsRewrittenAndServicesReloaded() throws Exception {
        run(cert().build());
        byte[] before = file("rsa/ocsp.der");
        int issued = ca.issuedCount();
        services.clear();

        clock.advance(Duration.ofDays(2));
        CertificateOutcome outcome = only(run(cert().build(), UpdateScope.OCSP));

        assertThat(file("rsa/ocsp.der")).isNotEqualTo(before);
        assertThat(outcome.filesWritten()).containsExactlyInAnyOrder("rsa/ocsp.der", "ecdsa/ocsp.der");
        assertThat(ca.issuedCount()).isEqualTo(issued);
        assertThat(services.reloaded()).containsExactly("nginx");
    }

    @Test
    void givenAResponderThatFails_thenAWarningPerKeyTypeAndThePreviousGoodFileStays() throws Exception {
        run(cert().build());
        byte[] before = file("rsa/ocsp.der");
        clock.advance(Duration.ofDays(3));
        ocsp.failing(Optional.of("no answer within 10000 ms"));

        CertificateOutcome outcome = only(run(cert().build(), UpdateScope.OCSP));

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.changed()).isFalse();
        assertThat(outcome.warnings()).hasSize(2).allSatisfy(w -> assertThat(w)
                .contains("no valid OCSP response", AIA, "no answer within 10000 ms", "is kept"));
        assertThat(file("rsa/ocsp.der")).isEqualTo(before);
    }

    @Test
    void givenAnUnknownStatus_thenAWarningAndNoFile() throws Exception {
        run(cert().build(), UpdateScope.CERTIFICATES);
        ocsp.status(leaf("rsa").getSerialNumber(), OcspStatus.UNKNOWN);

        CertificateOutcome outcome = only(run(cert().build(), UpdateScope.OCSP));

        assertThat(outcome.warnings()).singleElement().asString().contains("does not know the rsa certificate");
        assertThat(installed().paths()).contains("ecdsa/ocsp.der").doesNotContain("rsa/ocsp.der");
    }

    @Test
    void givenARevokedCertificate_thenALoudWarningAndItIsRenewedInThisRun_evenUnderOcspOnly() throws Exception {
        run(cert().build(), UpdateScope.CERTIFICATES);
        X509Certificate revoked = leaf("rsa");
        X509Certificate ecdsa = leaf("ecdsa");
        ocsp.status(revoked.getSerialNumber(), OcspStatus.REVOKED);

        CertificateOutcome outcome = only(run(cert().build(), UpdateScope.OCSP));

        assertThat(outcome.warnings()).singleElement().asString()
                .startsWith("REVOKED: ").contains("rsa", revoked.getSerialNumber().toString(16), "renewed in this run");
        assertThat(outcome.keyTypes()).anySatisfy(k -> {
            assertThat(k.renewed()).isTrue();
            assertThat(k.reason()).contains("revoked");
        });
        assertThat(leaf("rsa").getSerialNumber()).isNotEqualTo(revoked.getSerialNumber());
        assertThat(leaf("ecdsa")).isEqualTo(ecdsa);
        assertThat(ocsp.read(file("rsa/ocsp.der"), leaf("rsa"), leaf("rsa")).status()).isEqualTo(OcspStatus.GOOD);
    }

    @Test
    void givenARenewedCertificate_thenTheOldResponseIsDroppedAndOneForTheNewCertificateInstalled() throws Exception {
        run(cert().build());
        byte[] old = file("rsa/ocsp.der");
        ocsp.failing(Optional.of("HTTP 500"));

        CertificateOutcome outcome = only(Certmgr.builder().configuration(new Configuration(
                new AccountSpec(Optional.empty(), Passphrase.NONE, true), FakeAcmeGateway.DIRECTORY_URL,
                AcmeTiming.DEFAULT, List.of(cert().build()), Map.of("nginx", "x")))
                .acme(ca).keyMaterial(keys).certificateStore(store).accountStore(accounts)
                .challengeResponder(new InMemoryChallengeResponder()).operator(new FakeOperator()).clock(clock)
                .ocspClient(ocsp).build().update(new UpdateCommand(List.of(), true)));

        assertThat(outcome.keyTypes()).allMatch(k -> k.renewed());
        assertThat(installed().paths()).doesNotContain("rsa/ocsp.der");
        assertThat(old).isNotEmpty();
        ocsp.failing(Optional.empty());
        run(cert().build());
        assertThat(ocsp.read(file("rsa/ocsp.der"), leaf("rsa"), leaf("rsa")).status()).isEqualTo(OcspStatus.GOOD);
    }

    @Test
    void givenCertsOnly_thenNoOcspOrCtRequestAndNoSuchFiles() throws Exception {
        run(cert().ctSubmitLogs(List.of("alpha")).build(), UpdateScope.CERTIFICATES);

        assertThat(ocsp.requests()).isEmpty();
        assertThat(ct.submissions()).isEmpty();
        assertThat(installed().paths()).noneMatch(p -> p.endsWith(".der") || p.contains("scts"));
    }

    @Test
    void givenSubmitLogs_thenEachLogIsAskedOncePerCertificateAndTheHookFiresPerFile() throws Exception {
        CertificateSpec spec = cert().ctSubmitLogs(List.of("alpha", "beta")).build();

        CertificateOutcome first = only(run(spec));
        CertificateOutcome second = only(run(spec));

        assertThat(first.warnings()).isEmpty();
        assertThat(installed().paths()).contains("rsa/scts/alpha.sct", "rsa/scts/beta.sct", "ecdsa/scts/alpha.sct",
                "ecdsa/scts/beta.sct");
        ct.verify(logs.get("alpha"), file("rsa/scts/alpha.sct"), leaf("rsa"));
        assertThat(ct.submissions()).hasSize(4);
        assertThat(second.changed()).isFalse();
        assertThat(hooks.calls(HookEvent.SCT_INSTALLED)).hasSize(4)
                .anySatisfy(c -> assertThat(c.fields()).containsEntry("ct_log_name", "alpha"));
    }

    @Test
    void givenAFailingLog_thenAWarningTheOtherLogsFilesAndTheGapFilledByTheNextRun() throws Exception {
        CertificateSpec spec = cert().ctSubmitLogs(List.of("alpha", "beta")).build();
        ct.failing("beta", true);

        CertificateOutcome outcome = only(run(spec));

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("no SCT from CT log beta"));
        assertThat(installed().paths()).contains("rsa/scts/alpha.sct").doesNotContain("rsa/scts/beta.sct");

        ct.failing("beta", false);
        CertificateOutcome filled = only(run(spec, UpdateScope.SCT));

        assertThat(filled.filesWritten()).containsExactlyInAnyOrder("rsa/scts/beta.sct", "ecdsa/scts/beta.sct");
    }

    @Test
    void givenSctOnly_thenABrokenInstalledSctIsReplacedAndNoOcspRequestIsMade() throws Exception {
        CertificateSpec spec = cert().ctSubmitLogs(List.of("alpha")).build();
        run(spec, UpdateScope.CERTIFICATES);
        run(spec, UpdateScope.SCT);
        assertThat(ocsp.requests()).isEmpty();
        store.commit(EXAMPLE, installed().with(FileSet.of(Map.of("rsa/scts/alpha.sct",
                "garbage".getBytes(StandardCharsets.US_ASCII)))), Set.<DnsName>of());

        CertificateOutcome outcome = only(run(spec, UpdateScope.SCT));

        assertThat(outcome.warnings()).singleElement().asString().contains("rsa/scts/alpha.sct does not verify");
        assertThat(outcome.filesWritten()).containsExactly("rsa/scts/alpha.sct");
        ct.verify(logs.get("alpha"), file("rsa/scts/alpha.sct"), leaf("rsa"));
        assertThat(ocsp.requests()).isEmpty();
        assertThat(installed().paths()).noneMatch(p -> p.endsWith("ocsp.der"));
    }

    @Test
    void givenAnUnknownLogName_thenAWarning() throws Exception {
        CertificateOutcome outcome = only(run(cert().ctSubmitLogs(List.of("gamma")).build(), UpdateScope.SCT));

        assertThat(outcome.warnings()).isEmpty();
        run(cert().ctSubmitLogs(List.of("gamma")).build());
        assertThat(only(run(cert().ctSubmitLogs(List.of("gamma")).build())).warnings())
                .allSatisfy(w -> assertThat(w).contains("gamma is not configured in ct_logs"));
    }
}
