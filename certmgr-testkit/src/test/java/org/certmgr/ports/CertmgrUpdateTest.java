package org.certmgr.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.KeyTypeOutcome;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.ports.out.CaException;
import org.certmgr.testkit.fakes.FakeAcmeGateway;
import org.certmgr.testkit.fakes.FakeAcmeGateway.ChallengeCall;
import org.certmgr.testkit.fakes.FakeKeyMaterial;
import org.certmgr.testkit.fakes.FakeOperator;
import org.certmgr.testkit.fakes.MutableClock;
import org.certmgr.testkit.memory.InMemoryAccountStore;
import org.certmgr.testkit.memory.InMemoryCertificateStore;
import org.certmgr.testkit.memory.InMemoryChallengeResponder;
import org.junit.jupiter.api.Test;

/** The update use case through the public facade, with the testkit's fakes for every port. */
class CertmgrUpdateTest {
    private static final KeySpec RSA = new KeySpec.Rsa(2048);
    private static final KeySpec EC = new KeySpec.Ec(EcCurve.SECP256R1);

    private final MutableClock clock = MutableClock.atSomeInstant();
    private final FakeAcmeGateway ca = new FakeAcmeGateway(clock);
    private final FakeKeyMaterial keys = new FakeKeyMaterial();
    private final InMemoryCertificateStore store = new InMemoryCertificateStore();
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryChallengeResponder challenges = new InMemoryChallengeResponder();
    private final FakeOperator operator = new FakeOperator();

    private static CertificateSpec cert(String name, String... alt) {
        return CertificateSpec.builder(name).altNames(alt).keys(RSA, EC).build();
    }

    private Certmgr certmgr(boolean agreeToTerms, CertificateSpec... certs) {
        Configuration config = new Configuration(new AccountSpec(Optional.of("admin@example.test"), Passphrase.NONE, agreeToTerms),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(certs), Map.of());
        return Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(accounts).challengeResponder(challenges).operator(operator).clock(clock).build();
    }

    private Certmgr certmgr(CertificateSpec... certs) {
        return certmgr(true, certs);
    }

    @Test
    void givenNothingInstalled_thenEveryKeyTypeIsIssuedAndInstalledInOneCommit() throws Exception {
        RunReport report = certmgr(cert("example.test", "www.example.test")).update(UpdateCommand.all());

        CertificateOutcome outcome = report.certificates().get(0);
        assertThat(outcome.error()).isEmpty();
        assertThat(outcome.keyTypes()).extracting(KeyTypeOutcome::renewed).containsExactly(true, true);
        assertThat(outcome.filesWritten()).containsExactlyInAnyOrder("params.pem", "rsa/cert.pem", "rsa/chain.pem",
                "rsa/keys/key.pem", "rsa/keys/key+cert.pem", "ecdsa/cert.pem", "ecdsa/chain.pem", "ecdsa/keys/key.pem",
                "ecdsa/keys/key+cert.pem");
        assertThat(store.changingCommits()).isEqualTo(1);
        assertThat(store.reachableAs(DnsName.of("www.example.test"))).isPresent();
        assertThat(ca.issuedCount()).isEqualTo(2);
        assertThat(accounts.load()).isPresent();
    }

    @Test
    void givenEverythingCurrent_thenASecondRunContactsNoCaAndChangesNothing() throws Exception {
        Certmgr certmgr = certmgr(cert("example.test"));
        certmgr.update(UpdateCommand.all());
        int requests = ca.requestCount();
        clock.advance(Duration.ofDays(59));

        RunReport report = certmgr.update(UpdateCommand.all());

        assertThat(report.anyChanged()).isFalse();
        assertThat(report.anyFailed()).isFalse();
        assertThat(ca.requestCount()).isEqualTo(requests);
        assertThat(store.changingCommits()).isEqualTo(1);
        assertThat(report.certificates().get(0).keyTypes()).allSatisfy(k -> assertThat(k.reason()).contains("renewal due in"));
    }

    @Test
    void givenNothingDue_thenEveryCertificateIsStillRecoveredFromAnInterruptedRun_andAFailingRecoveryIsAWarning()
            throws Exception {
        Certmgr certmgr = certmgr(cert("one.test"), cert("two.test"));
        certmgr.update(UpdateCommand.all());
        store.failNextRecovery();

        RunReport report = certmgr.update(UpdateCommand.all());

        assertThat(report.anyChanged()).isFalse();
        assertThat(report.anyFailed()).isFalse();
        assertThat(store.recovered()).extracting(CertificateName::toString)
                .containsExactlyInAnyOrder("one.test", "two.test", "one.test", "two.test");
        assertThat(report.certificates()).flatExtracting(CertificateOutcome::warnings).singleElement()
                .asString().contains("what an interrupted run left was not removed", "simulated failure");
    }

    @Test
    void givenTheRenewalWindowReached_thenBothKeyTypesAreRenewedWithTheReason() throws Exception {
        Certmgr certmgr = certmgr(cert("example.test"));
        certmgr.update(UpdateCommand.all());
        clock.advance(Duration.ofDays(61));

        RunReport report = certmgr.update(UpdateCommand.all());

        assertThat(report.certificates().get(0).keyTypes())
                .allSatisfy(k -> assertThat(k.reason()).startsWith("expires in 29 days"))
                .allSatisfy(k -> assertThat(k.renewed()).isTrue());
        assertThat(store.archived(CertificateName.of("example.test"))).hasSize(1);
    }

    @Test
    void givenAnUnreachableCa_thenTheCertificateFailsAndNothingIsSaved() throws Exception {
        ca.unreachable(true);

        RunReport report = certmgr(cert("example.test")).update(UpdateCommand.all());

        assertThat(report.anyFailed()).isTrue();
        assertThat(report.certificates().get(0).error()).hasValueSatisfying(e -> assertThat(e).isNotBlank());
        assertThat(store.current(CertificateName.of("example.test"))).isEmpty();
        assertThat(accounts.load()).isEmpty();
    }

    @Test
    void givenOneNameFailingValidation_thenThatCertificateFailsAndTheOthersAreInstalled() throws Exception {
        ca.failValidation(DnsName.of("bad.test"));

        RunReport report = certmgr(cert("good.test"), cert("bad.test"), cert("also-good.test")).update(UpdateCommand.all());

        assertThat(report.certificates()).extracting(c -> c.name().toString(), CertificateOutcome::failed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("good.test", false),
                        org.assertj.core.groups.Tuple.tuple("bad.test", true),
                        org.assertj.core.groups.Tuple.tuple("also-good.test", false));
        assertThat(report.certificates().get(1).error().orElseThrow()).contains("bad.test");
        assertThat(store.current(CertificateName.of("bad.test"))).isEmpty();
        assertThat(store.current(CertificateName.of("good.test"))).isPresent();
    }

    @Test
    void givenOneKeyTypeFailing_thenNeitherKeyTypeIsInstalled() throws Exception {
        ca.failNextIssue(new CaException("simulated refusal"));

        RunReport report = certmgr(cert("example.test")).update(UpdateCommand.all());

        assertThat(report.certificates().get(0).error().orElseThrow()).contains("simulated refusal");
        assertThat(store.current(CertificateName.of("example.test"))).isEmpty();
    }

    @Test
    void givenEveryChallenge_thenItIsRemovedAfterValidation() throws Exception {
        ca.authorizationReuse(false);
        certmgr(cert("example.test", "www.example.test")).update(UpdateCommand.all());

        List<ChallengeCall> calls = ca.challengeCalls();
        assertThat(calls).isNotEmpty();
        long deploys = calls.stream().filter(c -> c.action() == ChallengeCall.Action.DEPLOY).count();
        long removes = calls.stream().filter(c -> c.action() == ChallengeCall.Action.REMOVE).count();
        assertThat(removes).isEqualTo(deploys).isEqualTo(4);
        assertThat(challenges.activeCount()).isZero();
    }

    @Test
    void givenTermsNotAcceptedInTheConfigAndNobodyToAsk_thenTheRunFailsNamingTheTermsAndTheSetting() throws Exception {
        RunReport report = certmgr(false, cert("example.test")).update(UpdateCommand.all());

        assertThat(report.certificates().get(0).error().orElseThrow())
                .contains(FakeAcmeGateway.TERMS_URL).contains("agree_to_terms");
        assertThat(accounts.load()).isEmpty();
        assertThat(ca.registrations()).isEmpty();
    }

    @Test
    void givenAnOperatorWhoAccepts_thenTheAccountIsRegisteredAndTheQuestionAskedOnce() throws Exception {
        operator.acceptsTerms(true);

        RunReport report = certmgr(false, cert("a.test"), cert("b.test")).update(UpdateCommand.all());

        assertThat(report.anyFailed()).isFalse();
        assertThat(operator.questions()).hasSize(1);
        assertThat(ca.registrations()).hasSize(1);
    }

    @Test
    void givenAKeyTypeRemovedFromTheConfig_thenItsFilesAreDroppedWithoutANewCertificate() throws Exception {
        certmgr(cert("example.test")).update(UpdateCommand.all());
        int issued = ca.issuedCount();
        CertificateSpec ecdsaOnly = CertificateSpec.builder("example.test").keys(EC).build();

        RunReport report = certmgr(ecdsaOnly).update(UpdateCommand.all());

        assertThat(ca.issuedCount()).isEqualTo(issued);
        assertThat(report.anyFailed()).isFalse();
        assertThat(store.current(CertificateName.of("example.test")).orElseThrow().paths())
                .containsExactlyInAnyOrder("params.pem", "ecdsa/cert.pem", "ecdsa/chain.pem", "ecdsa/keys/key.pem",
                        "ecdsa/keys/key+cert.pem");
    }

    @Test
    void givenAKeyTypeAdded_thenOnlyThatTypeIsIssuedAndTheOtherKept() throws Exception {
        certmgr(CertificateSpec.builder("example.test").keys(EC).build()).update(UpdateCommand.all());
        byte[] ecdsaCert = store.current(CertificateName.of("example.test")).orElseThrow()
                .content(CertificateFiles.cert(KeyType.ECDSA)).orElseThrow();

        RunReport report = certmgr(cert("example.test")).update(UpdateCommand.all());

        assertThat(report.certificates().get(0).keyTypes()).extracting(KeyTypeOutcome::keyType, KeyTypeOutcome::renewed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(KeyType.RSA, true),
                        org.assertj.core.groups.Tuple.tuple(KeyType.ECDSA, false));
        assertThat(store.current(CertificateName.of("example.test")).orElseThrow()
                .content(CertificateFiles.cert(KeyType.ECDSA)).orElseThrow()).isEqualTo(ecdsaCert);
    }

    @Test
    void givenForce_thenCurrentCertificatesAreRenewed() throws Exception {
        Certmgr certmgr = certmgr(cert("example.test"));
        certmgr.update(UpdateCommand.all());

        RunReport report = certmgr.update(new UpdateCommand(List.of(), true));

        assertThat(report.certificates().get(0).keyTypes()).allSatisfy(k -> assertThat(k.reason()).contains("forced"));
        assertThat(ca.issuedCount()).isEqualTo(4);
    }

    @Test
    void givenAnEncryptedKeySetting_thenTheKeyIsWrittenEncryptedAndReadBackOnTheNextRun() throws Exception {
        CertificateSpec secret = CertificateSpec.builder("example.test").keys(EC).keyPassphrase(new Passphrase.Fixed("s3cret")).build();
        Certmgr certmgr = certmgr(secret);
        certmgr.update(UpdateCommand.all());
        String pem = store.current(CertificateName.of("example.test")).orElseThrow().text("ecdsa/keys/key.pem").orElseThrow();
        assertThat(pem).contains("ENCRYPTED PRIVATE KEY");

        RunReport second = certmgr.update(UpdateCommand.all());

        assertThat(second.anyChanged()).isFalse();
        assertThat(second.anyFailed()).isFalse();
    }
}
