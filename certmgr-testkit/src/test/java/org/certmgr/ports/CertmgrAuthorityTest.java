package org.certmgr.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.AccountSpec;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.Passphrase;
import org.certmgr.domain.RevocationReason;
import org.certmgr.ports.in.RevokeCertificates.RevokeCommand;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.ports.in.UpdateScope;
import org.certmgr.testkit.fakes.FakeAcmeGateway;
import org.certmgr.testkit.fakes.FakeKeyMaterial;
import org.certmgr.testkit.fakes.MutableClock;
import org.certmgr.testkit.memory.InMemoryAccountStore;
import org.certmgr.testkit.memory.InMemoryCertificateStore;
import org.certmgr.testkit.memory.InMemoryChallengeResponder;
import org.junit.jupiter.api.Test;

/** The {@code auth} and {@code revoke} use cases, and {@code update --no-auth}, with the testkit's fakes. */
class CertmgrAuthorityTest {
    private static final CertificateName EXAMPLE = CertificateName.of("example.test");

    private final MutableClock clock = MutableClock.atSomeInstant();
    private final FakeAcmeGateway ca = new FakeAcmeGateway(clock).authorizationReuse(true);
    private final FakeKeyMaterial keys = new FakeKeyMaterial();
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();

    private static CertificateSpec cert(String name, String... alt) {
        return CertificateSpec.builder(name).altNames(alt).keys(new KeySpec.Rsa(2048), new KeySpec.Ec(EcCurve.SECP256R1))
                .build();
    }

    private Certmgr certmgr(InMemoryCertificateStore store, InMemoryChallengeResponder responder, CertificateSpec... certs) {
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(certs), Map.of());
        return Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(accounts).challengeResponder(responder).clock(clock).build();
    }

    @Test
    void givenAMasterThatAuthorized_thenAFollowerWithTheSameAccountIssuesWithoutAnsweringAnything() throws Exception {
        InMemoryChallengeResponder masterChallenges = new InMemoryChallengeResponder();
        RunReport auth = certmgr(new InMemoryCertificateStore(), masterChallenges, cert("example.test", "www.example.test"))
                .authorize(List.of());
        assertThat(auth.anyFailed()).isFalse();
        assertThat(auth.certificates().get(0).actions()).singleElement().asString()
                .contains("example.test", "www.example.test");
        assertThat(ca.issuedCount()).isZero();

        InMemoryCertificateStore followerStore = new InMemoryCertificateStore();
        int deploysBefore = ca.challengeCalls().size();
        RunReport follower = certmgr(followerStore, new InMemoryChallengeResponder(), cert("example.test", "www.example.test"))
                .update(new UpdateCommand(List.of(), false, UpdateScope.ALL, false));

        assertThat(follower.anyFailed()).isFalse();
        assertThat(ca.challengeCalls()).hasSize(deploysBefore);
        assertThat(followerStore.current(EXAMPLE)).isPresent();
    }

    @Test
    void givenAFollowerWithoutAuthorizations_thenTheCertificateFailsSayingToRunAuthAndNothingIsAnswered() throws Exception {
        InMemoryCertificateStore store = new InMemoryCertificateStore();

        RunReport report = certmgr(store, new InMemoryChallengeResponder(), cert("example.test"))
                .update(new UpdateCommand(List.of(), false, UpdateScope.ALL, false));

        assertThat(report.anyFailed()).isTrue();
        assertThat(report.certificates().get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .contains("example.test").contains("certmgr auth"));
        assertThat(ca.challengeCalls()).isEmpty();
        assertThat(store.current(EXAMPLE)).isEmpty();
    }

    @Test
    void givenAnInstalledCertificate_whenRevoked_thenEveryKeyTypeIsRevokedAndTheFilesArchived() throws Exception {
        InMemoryCertificateStore store = new InMemoryCertificateStore();
        Certmgr certmgr = certmgr(store, new InMemoryChallengeResponder(), cert("example.test", "www.example.test"),
                cert("other.test"));
        certmgr.update(UpdateCommand.all());
        List<X509Certificate> issued = ca.issued();

        RunReport report = certmgr.revoke(new RevokeCommand(List.of("www.example.test"), RevocationReason.KEY_COMPROMISE));

        assertThat(report.anyFailed()).isFalse();
        assertThat(report.certificates()).hasSize(1);
        assertThat(report.certificates().get(0).actions()).filteredOn(a -> a.startsWith("revoked")).hasSize(2);
        assertThat(issued).filteredOn(c -> ca.revocation(c).isPresent()).hasSize(2)
                .allSatisfy(c -> assertThat(ca.revocation(c)).contains(RevocationReason.KEY_COMPROMISE));
        assertThat(store.current(EXAMPLE)).isEmpty();
        assertThat(store.reachableAs(DnsName.of("www.example.test"))).isEmpty();
        assertThat(store.archived(EXAMPLE)).isNotEmpty();
        assertThat(store.current(CertificateName.of("other.test"))).isPresent();
    }

    @Test
    void givenNothingInstalledOrAFailingCa_whenRevoked_thenAnErrorAndTheFilesStay() throws Exception {
        InMemoryCertificateStore store = new InMemoryCertificateStore();
        Certmgr certmgr = certmgr(store, new InMemoryChallengeResponder(), cert("example.test"));

        assertThat(certmgr.revoke(new RevokeCommand(List.of("example.test"), RevocationReason.UNSPECIFIED))
                .certificates().get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("nothing to revoke"));

        certmgr.update(UpdateCommand.all());
        ca.unreachable(true);
        RunReport report = certmgr.revoke(new RevokeCommand(List.of("example.test"), RevocationReason.UNSPECIFIED));
        assertThat(report.anyFailed()).isTrue();
        assertThat(store.current(EXAMPLE)).isPresent();
    }

    @Test
    void givenARollover_thenTheNewKeyIsStoredTheOldArchivedAndTheNextUpdateUsesTheNewOne() throws Exception {
        InMemoryCertificateStore store = new InMemoryCertificateStore();
        Certmgr certmgr = certmgr(store, new InMemoryChallengeResponder(), cert("example.test"));
        certmgr.update(UpdateCommand.all());
        var before = accounts.load().orElseThrow();

        var outcome = certmgr.rollOverAccountKey();

        assertThat(outcome.error()).isEmpty();
        assertThat(outcome.actions()).singleElement().asString().contains("changed the key of account");
        var after = accounts.load().orElseThrow();
        assertThat(after.privateKeyPem()).isNotEqualTo(before.privateKeyPem());
        assertThat(after.registration()).isEqualTo(before.registration());
        assertThat(accounts.replaced()).contains(before);
        assertThat(certmgr.update(new UpdateCommand(List.of(), true)).anyFailed()).isFalse();
        assertThat(ca.registrations()).hasSize(1);
    }

    @Test
    void givenAProfile_thenEveryKeyTypeIsOrderedWithItAndAnUnknownOneFailsTheCertificate() throws Exception {
        ca.profiles(java.util.Set.of("shortlived"));
        InMemoryCertificateStore store = new InMemoryCertificateStore();
        CertificateSpec shortLived = CertificateSpec.builder("example.test").keys(new KeySpec.Ec(EcCurve.SECP256R1))
                .profile(Optional.of("shortlived")).build();
        CertificateSpec typo = CertificateSpec.builder("typo.test").keys(new KeySpec.Ec(EcCurve.SECP256R1))
                .profile(Optional.of("shortlivd")).build();

        RunReport report = certmgr(store, new InMemoryChallengeResponder(), shortLived, typo).update(UpdateCommand.all());

        assertThat(report.certificates().get(0).failed()).isFalse();
        assertThat(ca.issued()).singleElement().satisfies(c -> assertThat(ca.orderedProfile(c)).contains("shortlived"));
        assertThat(report.certificates().get(1).error()).hasValueSatisfying(e -> assertThat(e).contains("shortlivd"));
    }

    @Test
    void givenARateLimitWithRetryAfter_thenLaterRunsDoNotAskTheCaBeforeThatTime() throws Exception {
        InMemoryCertificateStore store = new InMemoryCertificateStore();
        org.certmgr.testkit.memory.InMemoryRetryHolds holds = new org.certmgr.testkit.memory.InMemoryRetryHolds();
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(cert("example.test")), Map.of());
        Certmgr certmgr = Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(accounts).challengeResponder(new InMemoryChallengeResponder()).clock(clock)
                .retryHolds(holds).build();
        java.time.Instant retryAfter = clock.instant().plus(java.time.Duration.ofHours(3));
        ca.failNextIssue(new org.certmgr.ports.out.CaRateLimitedException("too many certificates for example.test",
                Optional.of(retryAfter)));

        RunReport limited = certmgr.update(UpdateCommand.all());

        assertThat(limited.certificates().get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .contains("too many certificates").contains("will not ask again before " + retryAfter));
        int requests = ca.requestCount();
        clock.advance(java.time.Duration.ofHours(1));
        RunReport held = certmgr.update(UpdateCommand.all());
        assertThat(held.certificates().get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .contains("not to be asked again before " + retryAfter));
        assertThat(ca.requestCount()).as("no request while held").isEqualTo(requests);

        clock.advance(java.time.Duration.ofHours(3));
        assertThat(certmgr.update(UpdateCommand.all()).anyFailed()).isFalse();
        assertThat(holds.current(EXAMPLE)).isEmpty();
        assertThat(store.current(EXAMPLE)).isPresent();
    }

    @Test
    void givenACaWithRenewalInformation_thenItsEarlyWindowRenewsAndReplacesAndItsRetryAfterIsRespected()
            throws Exception {
        java.time.Duration day = java.time.Duration.ofDays(1);
        ca.renewalInfo((notBefore, notAfter) -> new org.certmgr.domain.RenewalWindow(notBefore.plus(day.multipliedBy(20)),
                notBefore.plus(day.multipliedBy(21))), java.time.Duration.ofHours(6));
        InMemoryCertificateStore store = new InMemoryCertificateStore();
        Certmgr certmgr = certmgr(store, new InMemoryChallengeResponder(), cert("example.test"));
        certmgr.update(UpdateCommand.all());
        List<X509Certificate> first = ca.issued();
        assertThat(ca.renewalInfoRequests()).as("asked right after issuing").isEqualTo(2);

        clock.advance(java.time.Duration.ofHours(1));
        int requests = ca.requestCount();
        RunReport quiet = certmgr.update(UpdateCommand.all());
        assertThat(quiet.anyChanged()).isFalse();
        assertThat(ca.requestCount()).as("the stored answer is fresh: no request").isEqualTo(requests);
        assertThat(quiet.certificates().get(0).keyTypes()).allSatisfy(k -> assertThat(k.reason()).contains("(ARI)"));

        clock.advance(day.multipliedBy(22));
        RunReport renewed = certmgr.update(UpdateCommand.all());

        assertThat(renewed.certificates().get(0).keyTypes()).allSatisfy(k -> {
            assertThat(k.renewed()).isTrue();
            assertThat(k.reason()).contains("the CA suggests renewing between").contains("(ARI)");
        });
        assertThat(ca.replaced()).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void givenACaWithoutRenewalInformation_thenANoOpRunAfterIssuingAsksNothing() throws Exception {
        InMemoryCertificateStore store = new InMemoryCertificateStore();
        org.certmgr.testkit.memory.InMemoryRenewalInfoStore ari = new org.certmgr.testkit.memory.InMemoryRenewalInfoStore();
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(cert("example.test")), Map.of());
        Certmgr.Builder builder = Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(accounts).challengeResponder(new InMemoryChallengeResponder()).clock(clock)
                .renewalInfoStore(ari);
        builder.build().update(UpdateCommand.all());
        int requests = ca.requestCount();

        builder.build().update(UpdateCommand.all());

        assertThat(ca.requestCount()).isEqualTo(requests);
        assertThat(ari.get(EXAMPLE, org.certmgr.domain.KeyType.RSA)).hasValueSatisfying(e -> assertThat(e.window()).isEmpty());
        assertThat(ca.replaced()).isEmpty();
    }

    @Test
    void givenNoNames_thenRevokeIsRefusedBeforeAnything() {
        assertThatThrownBy(() -> new RevokeCommand(List.of(), RevocationReason.UNSPECIFIED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never revokes all");
    }
}
