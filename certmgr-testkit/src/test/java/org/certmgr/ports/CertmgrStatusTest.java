package org.certmgr.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.AccountSpec;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.CtLogSpec;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.Passphrase;
import org.certmgr.domain.RenewalWindow;
import org.certmgr.ports.in.CertificateStatus;
import org.certmgr.ports.in.KeyTypeStatus;
import org.certmgr.ports.in.KeyTypeStatus.Basis;
import org.certmgr.ports.in.KeyTypeStatus.Condition;
import org.certmgr.ports.in.KeyTypeStatus.OcspState;
import org.certmgr.ports.in.KeyTypeOutcome;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.StatusReport;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.ports.out.CaRateLimitedException;
import org.certmgr.ports.out.MetricsWriter;
import org.certmgr.ports.out.RunHistory;
import org.certmgr.ports.out.StoreException;
import org.certmgr.testkit.fakes.FakeAcmeGateway;
import org.certmgr.testkit.fakes.FakeCtLogClient;
import org.certmgr.testkit.fakes.FakeKeyMaterial;
import org.certmgr.testkit.fakes.FakeOcspClient;
import org.certmgr.testkit.fakes.FakeOperator;
import org.certmgr.testkit.fakes.MutableClock;
import org.certmgr.testkit.memory.InMemoryAccountStore;
import org.certmgr.testkit.memory.InMemoryCertificateStore;
import org.certmgr.testkit.memory.InMemoryChallengeResponder;
import org.certmgr.testkit.memory.InMemoryRenewalInfoStore;
import org.certmgr.testkit.memory.InMemoryRetryHolds;
import org.certmgr.testkit.memory.InMemoryRunHistory;
import org.junit.jupiter.api.Test;

/**
 * The {@code status} use case and the run history and metrics that {@code update} leaves for it,
 * through the public facade with the testkit's fakes: status must say what update decides.
 */
class CertmgrStatusTest {
    private static final CertificateName EXAMPLE = CertificateName.of("example.test");

    private final MutableClock clock = MutableClock.atSomeInstant();
    private final FakeAcmeGateway ca = new FakeAcmeGateway(clock);
    private final FakeKeyMaterial keys = new FakeKeyMaterial();
    private final InMemoryCertificateStore store = new InMemoryCertificateStore();
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryRenewalInfoStore renewalInfo = new InMemoryRenewalInfoStore();
    private final InMemoryRetryHolds holds = new InMemoryRetryHolds();
    private final InMemoryRunHistory history = new InMemoryRunHistory();
    private final FakeOcspClient ocsp = new FakeOcspClient(clock);
    private final FakeCtLogClient ct = new FakeCtLogClient();
    private final List<MetricsWriter.Snapshot> published = new ArrayList<>();
    private CertificateSpec spec = cert().build();

    private static CertificateSpec.Builder cert() {
        return CertificateSpec.builder("example.test").altNames("www.example.test")
                .keys(new KeySpec.Rsa(2048), new KeySpec.Ec(EcCurve.SECP256R1))
                .dhparamSize(0).ecparamCurve(Optional.empty());
    }

    private static CtLogSpec log(String name) {
        byte[] id = new byte[32];
        id[0] = (byte) name.charAt(0);
        return new CtLogSpec(name, "http://" + name + ".test/", Base64.getEncoder().encodeToString(id),
                Optional.empty());
    }

    private Certmgr certmgr() {
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(spec), Map.of());
        return Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(accounts).challengeResponder(new InMemoryChallengeResponder())
                .operator(new FakeOperator()).clock(clock).renewalInfoStore(renewalInfo).retryHolds(holds)
                .runHistory(history).metricsWriter(published::add).ocspClient(ocsp).ctLogClient(ct)
                .ctLogs(Map.of("alpha", log("alpha"), "beta", log("beta"))).build();
    }

    private RunReport update() throws InterruptedException {
        return certmgr().update(UpdateCommand.all());
    }

    private StatusReport status() {
        return certmgr().status(List.of());
    }

    private KeyTypeStatus rsa(StatusReport report) {
        CertificateStatus certificate = report.certificates().get(0);
        assertThat(certificate.name()).isEqualTo(EXAMPLE);
        return certificate.keyTypes().stream().filter(k -> k.keyType() == KeyType.RSA).findFirst().orElseThrow();
    }

    @Test
    void givenNothingInstalledAndNoRun_thenBothKeyTypesAreNotInstalled_dueNow_neverRun_andAProblem() {
        StatusReport report = status();

        CertificateStatus certificate = report.certificates().get(0);
        assertThat(certificate.altNames()).extracting(Object::toString).containsExactly("example.test", "www.example.test");
        assertThat(certificate.lastRun()).isEmpty();
        assertThat(report.lastRun()).isEmpty();
        assertThat(certificate.keyTypes()).extracting(KeyTypeStatus::keyType).containsExactly(KeyType.RSA, KeyType.ECDSA);
        KeyTypeStatus rsa = rsa(report);
        assertThat(rsa.condition()).isEqualTo(Condition.NOT_INSTALLED);
        assertThat(rsa.nextRenewal().due()).isTrue();
        assertThat(rsa.nextRenewal().basis()).isEqualTo(Basis.CHANGE);
        assertThat(rsa.nextRenewal().at()).isEqualTo(report.generatedAt());
        assertThat(rsa.nextRenewal().reason()).isEqualTo("no rsa certificate installed yet");
        assertThat(report.anyProblem()).isTrue();
    }

    @Test
    void givenAFreshCertificate_thenValid_renewalAtTheLifetimeWindow_withTheReasonUpdateGives() throws Exception {
        Instant issuedAt = clock.instant();
        update();
        clock.advance(Duration.ofDays(1));
        KeyTypeOutcome kept = update().certificates().get(0).keyTypes().get(0);

        StatusReport report = status();

        KeyTypeStatus rsa = rsa(report);
        assertThat(rsa.condition()).isEqualTo(Condition.VALID);
        Instant notAfter = rsa.notAfter().orElseThrow();
        assertThat(Duration.between(issuedAt, notAfter)).isBetween(Duration.ofDays(89), Duration.ofDays(91));
        assertThat(rsa.nextRenewal().at()).isEqualTo(notAfter.minus(Duration.ofDays(30)));
        assertThat(rsa.nextRenewal().due()).isFalse();
        assertThat(rsa.nextRenewal().basis()).isEqualTo(Basis.LIFETIME);
        assertThat(kept.renewed()).isFalse();
        assertThat(rsa.nextRenewal().reason()).isEqualTo(kept.reason());
        assertThat(report.certificates().get(0).lastRun()).hasValueSatisfying(run -> {
            assertThat(run.ok()).isTrue();
            assertThat(run.at()).isEqualTo(clock.instant());
        });
        assertThat(report.lastRun()).hasValueSatisfying(run -> {
            assertThat(run.failed()).isZero();
            assertThat(run.certificates()).isEqualTo(1);
            assertThat(run.lastSuccess()).contains(clock.instant());
        });
        assertThat(report.anyProblem()).isFalse();
    }

    @Test
    void givenTheRenewalWindowReached_thenRenewalDueSinceTheWindowStart_andNoProblem() throws Exception {
        update();
        clock.advance(Duration.ofDays(61));

        StatusReport report = status();

        KeyTypeStatus rsa = rsa(report);
        assertThat(rsa.condition()).isEqualTo(Condition.RENEWAL_DUE);
        assertThat(rsa.nextRenewal().due()).isTrue();
        assertThat(rsa.nextRenewal().at()).isEqualTo(rsa.notAfter().orElseThrow().minus(Duration.ofDays(30)));
        assertThat(rsa.nextRenewal().reason()).startsWith("expires in 29 days");
        assertThat(report.anyProblem()).isFalse();
    }

    @Test
    void givenAnExpiredCertificate_thenExpiredAndAProblem() throws Exception {
        update();
        clock.advance(Duration.ofDays(91));

        StatusReport report = status();

        assertThat(rsa(report).condition()).isEqualTo(Condition.EXPIRED);
        assertThat(rsa(report).nextRenewal().reason()).startsWith("expired");
        assertThat(report.anyProblem()).isTrue();
    }

    @Test
    void givenAnEarlyAriWindowStored_thenTheNextRenewalIsInsideItAndSaysSo() throws Exception {
        ca.renewalInfo((notBefore, notAfter) -> new RenewalWindow(notBefore.plus(Duration.ofDays(10)),
                notBefore.plus(Duration.ofDays(11))), Duration.ofDays(1));
        update();

        KeyTypeStatus rsa = rsa(status());

        RenewalWindow window = rsa.nextRenewal().caWindow().orElseThrow();
        assertThat(rsa.nextRenewal().basis()).isEqualTo(Basis.ARI);
        assertThat(rsa.nextRenewal().at()).isBetween(window.start(), window.end());
        assertThat(rsa.nextRenewal().reason()).contains("(ARI)");
        assertThat(rsa.condition()).isEqualTo(Condition.VALID);
    }

    @Test
    void givenTheLastRunFailed_thenTheReasonAndTheEarlierSuccessAreShown_andItIsAProblem() throws Exception {
        update();
        Instant firstRun = clock.instant();
        clock.advance(Duration.ofDays(61));
        ca.unreachable(true);
        assertThat(update().anyFailed()).isTrue();

        StatusReport report = status();

        RunHistory.CertificateRun last = report.certificates().get(0).lastRun().orElseThrow();
        assertThat(last.ok()).isFalse();
        assertThat(last.failure()).isPresent();
        assertThat(last.lastSuccess()).contains(firstRun);
        assertThat(report.lastRun()).hasValueSatisfying(run -> {
            assertThat(run.failed()).isEqualTo(1);
            assertThat(run.lastSuccess()).contains(firstRun);
        });
        assertThat(report.anyProblem()).isTrue();
    }

    @Test
    void givenTheCaAskedToWait_thenTheHoldIsShown() throws Exception {
        update();
        clock.advance(Duration.ofDays(61));
        Instant until = clock.instant().plus(Duration.ofHours(3));
        ca.failNextIssue(new CaRateLimitedException("too many certificates", Optional.of(until)));
        update();

        KeyTypeStatus rsa = rsa(status());

        assertThat(rsa.nextRenewal().heldUntil()).contains(until);
        assertThat(rsa.nextRenewal().holdReason()).hasValueSatisfying(r -> assertThat(r).contains("too many"));
    }

    @Test
    void givenAStoredOcspResponse_thenItsStatusAndTimesAreShown_andWithoutResponderOrTurnedOffSaysSo()
            throws Exception {
        ocsp.aiaUrls("http://ocsp.ca.test/");
        update();
        Instant fetched = clock.instant();
        clock.advance(Duration.ofHours(2));

        OcspState state = rsa(status()).ocsp();

        assertThat(state.kind()).isEqualTo(OcspState.Kind.GOOD);
        assertThat(state.thisUpdate()).contains(fetched);
        assertThat(state.nextUpdate()).isPresent();

        ocsp.aiaUrls();
        assertThat(rsa(status()).ocsp().kind()).isEqualTo(OcspState.Kind.NO_RESPONDER);
        spec = cert().ocspEnabled(false).build();
        assertThat(rsa(status()).ocsp().kind()).isEqualTo(OcspState.Kind.DISABLED);
    }

    @Test
    void givenTwoCtLogs_thenTwoSctsAreCounted() throws Exception {
        spec = cert().ctSubmitLogs(List.of("alpha", "beta")).build();
        update();

        KeyTypeStatus rsa = rsa(status());

        assertThat(rsa.sctCount()).isEqualTo(2);
        assertThat(rsa.sctExpected()).isEqualTo(2);
    }

    @Test
    void givenAnUnknownName_thenIllegalArgument() {
        assertThatThrownBy(() -> certmgr().status(List.of("other.test")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other.test");
    }

    @Test
    void givenAnUpdate_thenTheMetricsSnapshotHoldsTheRunAndEachKeyTypesExpiryAndRenewalTime() throws Exception {
        update();
        ca.unreachable(true);
        clock.advance(Duration.ofDays(61));
        update();

        assertThat(published).hasSize(2);
        MetricsWriter.Snapshot last = published.get(1);
        assertThat(last.run().failed()).isEqualTo(1);
        assertThat(last.run().at()).isEqualTo(clock.instant());
        assertThat(last.certificates()).extracting(MetricsWriter.CertificateFigures::keyType)
                .containsExactly(KeyType.RSA, KeyType.ECDSA);
        KeyTypeStatus rsa = rsa(status());
        assertThat(last.certificates().get(0).notAfter()).isEqualTo(rsa.notAfter());
        assertThat(last.certificates().get(0).nextRenewal()).contains(rsa.nextRenewal().at());
    }

    @Test
    void givenMetricsOrHistoryThatCannotBeWritten_thenTheRunSucceedsWithAWarningForEach() throws Exception {
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(spec), Map.of());
        RunHistory broken = new RunHistory() {
            @Override
            public Optional<CertificateRun> lastRun(CertificateName name) throws StoreException {
                throw new StoreException("cannot read /data/.runs: Permission denied");
            }

            @Override
            public Optional<RunSummary> lastRun() throws StoreException {
                throw new StoreException("cannot read /data/.runs: Permission denied");
            }

            @Override
            public void record(RunSummary run, Map<CertificateName, CertificateRun> certificates)
                    throws StoreException {
                throw new StoreException("cannot write /data/.runs/last-run: No space left on device");
            }
        };
        Certmgr certmgr = Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(accounts).challengeResponder(new InMemoryChallengeResponder())
                .operator(new FakeOperator()).clock(clock).runHistory(broken)
                .metricsWriter(snapshot -> {
                    throw new StoreException("cannot write /metrics/certmgr.prom: No such file or directory");
                }).build();

        RunReport report = certmgr.update(UpdateCommand.all());

        assertThat(report.anyFailed()).isFalse();
        assertThat(report.anyChanged()).isTrue();
        assertThat(report.warnings()).containsExactly(
                "the result of this run could not be recorded for status: cannot write /data/.runs/last-run: No"
                        + " space left on device",
                "the metrics file was not written: cannot write /metrics/certmgr.prom: No such file or directory");
        StatusReport status = certmgr.status(List.of());
        assertThat(status.lastRun()).isEmpty();
        assertThat(status.certificates().get(0).lastRun()).isEmpty();
        assertThat(rsa(status).condition()).isEqualTo(Condition.VALID);
    }
}
