package org.certmgr.adapters.acme;

import org.certmgr.ports.out.RenewalInfo;
import org.certmgr.domain.RenewalWindow;
import java.time.Instant;
import java.security.cert.X509Certificate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.AcmeSession;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;
import org.certmgr.ports.out.OrderRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order flows a real CA rarely produces, scripted on a loopback server. */
class Acme4jSessionTest {
    private static final DnsName NAME = DnsName.of("a.example.test");
    private static final AcmeTiming QUICK = new AcmeTiming(2, Duration.ofMillis(100), Duration.ofMillis(300));
    private static KeyPair accountKey;
    private static byte[] csr;

    private StubAcmeServer ca;
    private AcmeSession session;
    private final RecordingResponder responder = new RecordingResponder();

    /** Records calls; places nothing anywhere. */
    private static final class RecordingResponder implements ChallengeResponder {
        final List<HttpChallenge> deployed = new CopyOnWriteArrayList<>();
        final List<HttpChallenge> removed = new CopyOnWriteArrayList<>();

        @Override
        public String deploy(HttpChallenge challenge) {
            deployed.add(challenge);
            return "/srv/challenges/" + challenge.token();
        }

        @Override
        public void remove(HttpChallenge challenge) {
            removed.add(challenge);
        }
    }

    @BeforeAll
    static void keys() {
        accountKey = AcmeAdapters.keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1));
        csr = AcmeAdapters.keyMaterial().createCsr(accountKey, List.of(NAME), false);
    }

    @BeforeEach
    void login() throws Exception {
        ca = new StubAcmeServer();
        ca.enqueue("/acct/1", StubAcmeServer.Reply.json(200, "{\"status\":\"valid\"}", Map.of()));
        session = AcmeAdapters.gateway(ca.directoryUrl(), List.of())
                .login(accountKey, new AccountRegistration(ca.base() + "/acct/1", ca.directoryUrl().toString(), Optional.empty()));
        ca.enqueue("/new-order", StubAcmeServer.Reply.json(201, "{\"status\":\"pending\",\"identifiers\":[{\"type\":\"dns\","
                + "\"value\":\"a.example.test\"}],\"authorizations\":[\"" + ca.base() + "/authz/1\"],\"finalize\":\""
                + ca.base() + "/order/1/finalize\"}", Map.of("Location", ca.base() + "/order/1")));
    }

    @AfterEach
    void stop() {
        ca.close();
    }

    private String authorization(String status, String challenges) {
        return "{\"status\":\"" + status + "\",\"identifier\":{\"type\":\"dns\",\"value\":\"a.example.test\"},"
                + "\"challenges\":[" + challenges + "]}";
    }

    private String challenge(String type, String token, String status, String error) {
        return "{\"type\":\"" + type + "\",\"url\":\"" + ca.base() + "/chall/1\",\"token\":\"" + token + "\",\"status\":\""
                + status + "\"" + (error == null ? "" : ",\"error\":" + error) + "}";
    }

    private OrderRequest request(AcmeTiming timing) {
        return new OrderRequest(List.of(NAME), csr, timing);
    }

    @Test
    void givenNoHttp01Challenge_whenIssue_thenChallengeExceptionNamingTheDomainAndWhatWasOffered() {
        ca.always("/authz/1", StubAcmeServer.Reply.json(200, authorization("pending",
                challenge("dns-01", "tok", "pending", null)), Map.of()));

        assertThatThrownBy(() -> session.issue(request(QUICK), responder))
                .isInstanceOf(ChallengeException.class)
                .hasMessageContaining("no http-01 challenge for a.example.test")
                .hasMessageContaining("dns-01");
        assertThat(responder.deployed).isEmpty();
    }

    @Test
    void givenTokenThatIsNotBase64Url_whenIssue_thenChallengeExceptionAndNothingDeployed() {
        ca.always("/authz/1", StubAcmeServer.Reply.json(200, authorization("pending",
                challenge("http-01", "../../etc/passwd", "pending", null)), Map.of()));

        assertThatThrownBy(() -> session.issue(request(QUICK), responder))
                .isInstanceOf(ChallengeException.class)
                .hasMessageContaining("a.example.test")
                .hasMessageContaining("base64url");
        assertThat(responder.deployed).isEmpty();
    }

    @Test
    void givenAuthorizationStaysPending_whenIssue_thenTimeoutSayingWhatAndHowLong_andResponseRemoved() {
        ca.always("/authz/1", StubAcmeServer.Reply.json(200, authorization("pending",
                challenge("http-01", "tok_1", "pending", null)), Map.of()));
        ca.always("/chall/1", StubAcmeServer.Reply.json(200, challenge("http-01", "tok_1", "processing", null), Map.of()));

        assertThatThrownBy(() -> session.issue(request(QUICK), responder))
                .isExactlyInstanceOf(CaException.class)
                .hasMessageContaining("gave up waiting for the CA to validate a.example.test after 0.2 s")
                .hasMessageContaining("pending: a.example.test");
        assertThat(responder.deployed).extracting(HttpChallenge::token).containsExactly("tok_1");
        assertThat(responder.removed).containsExactlyElementsOf(responder.deployed);
        assertThat(ca.requests()).contains("POST /chall/1");
    }

    @Test
    void givenValidationFails_whenIssue_thenChallengeExceptionWithTheCasDetailAndWhereTheResponseWas() {
        ca.enqueue("/authz/1", StubAcmeServer.Reply.json(200, authorization("pending",
                challenge("http-01", "tok_1", "pending", null)), Map.of()));
        ca.always("/authz/1", StubAcmeServer.Reply.json(200, authorization("invalid", challenge("http-01", "tok_1", "invalid",
                "{\"type\":\"urn:ietf:params:acme:error:connection\",\"detail\":\"Connection refused to 192.0.2.1:80\"}")),
                Map.of()));
        ca.always("/chall/1", StubAcmeServer.Reply.json(200, challenge("http-01", "tok_1", "processing", null), Map.of()));

        assertThatThrownBy(() -> session.issue(request(QUICK), responder))
                .isInstanceOf(ChallengeException.class)
                .hasMessageContaining("could not validate a.example.test by http-01")
                .hasMessageContaining("Connection refused to 192.0.2.1:80 (urn:ietf:params:acme:error:connection)")
                .hasMessageContaining("/srv/challenges/tok_1");
        assertThat(responder.removed).hasSize(1);
    }

    @Test
    void givenAuthorizationAlreadyValid_andOrderGoesInvalidAtFinalize_whenIssue_thenCaExceptionWithTheOrdersProblem() {
        ca.always("/authz/1", StubAcmeServer.Reply.json(200, authorization("valid",
                challenge("http-01", "tok_1", "valid", null)), Map.of()));
        ca.enqueue("/order/1", StubAcmeServer.Reply.json(200, "{\"status\":\"ready\",\"finalize\":\"" + ca.base()
                + "/order/1/finalize\"}", Map.of()));
        ca.enqueue("/order/1/finalize", StubAcmeServer.Reply.json(200, "{\"status\":\"processing\"}", Map.of()));
        ca.always("/order/1", StubAcmeServer.Reply.json(200, "{\"status\":\"invalid\",\"error\":{\"type\":"
                + "\"urn:ietf:params:acme:error:badCSR\",\"detail\":\"key too small\"}}", Map.of()));

        assertThatThrownBy(() -> session.issue(request(QUICK), responder))
                .isExactlyInstanceOf(CaException.class)
                .hasMessageContaining("did not issue the certificate for a.example.test")
                .hasMessageContaining("key too small");
        assertThat(responder.deployed).isEmpty();
    }

    @Test
    void givenCaRejectsTheIdentifier_whenIssue_thenCaExceptionWithTheProblemAndNoChallenge() throws Exception {
        ca.close();
        ca = new StubAcmeServer();
        ca.enqueue("/acct/1", StubAcmeServer.Reply.json(200, "{\"status\":\"valid\"}", Map.of()));
        AcmeSession refused = AcmeAdapters.gateway(ca.directoryUrl(), List.of())
                .login(accountKey, new AccountRegistration(ca.base() + "/acct/1", ca.directoryUrl().toString(), Optional.empty()));
        ca.enqueue("/new-order", StubAcmeServer.Reply.problem(400, "rejectedIdentifier", "a.example.test is forbidden", Map.of()));

        assertThatThrownBy(() -> refused.issue(request(QUICK), responder))
                .isExactlyInstanceOf(CaException.class)
                .hasMessageContaining("refused ordering a certificate for a.example.test")
                .hasMessageContaining("a.example.test is forbidden (urn:ietf:params:acme:error:rejectedIdentifier)");
        assertThat(responder.deployed).isEmpty();
    }

    @Test
    void givenAProfileTheCaOffers_whenIssue_thenTheNewOrderNamesIt() throws Exception {
        ca.profiles(Map.of("classic", "the usual", "shortlived", "six days"));

        assertThatThrownBy(() -> session.issue(new OrderRequest(List.of(NAME), csr, QUICK, true,
                Optional.of("shortlived")), responder)).isInstanceOf(CaException.class);

        assertThat(ca.payloads()).filteredOn(p -> p.startsWith("/new-order ")).singleElement().asString()
                .contains("\"profile\":\"shortlived\"");
    }

    @Test
    void givenAProfileTheCaDoesNotOffer_whenIssue_thenAClearErrorListingTheOffersAndNoOrder() {
        ca.profiles(Map.of("classic", "the usual", "shortlived", "six days"));

        assertThatThrownBy(() -> session.issue(new OrderRequest(List.of(NAME), csr, QUICK, true,
                Optional.of("tlsserver")), responder))
                .isInstanceOf(CaException.class)
                .hasMessageContaining("does not offer the ACME profile \"tlsserver\"")
                .hasMessageContaining("classic, shortlived");
        assertThat(ca.requests()).doesNotContain("POST /new-order");
    }

    @Test
    void givenNoProfile_whenIssue_thenTheNewOrderNamesNone() {
        assertThatThrownBy(() -> session.issue(request(QUICK), responder)).isInstanceOf(CaException.class);

        assertThat(ca.payloads()).filteredOn(p -> p.startsWith("/new-order ")).singleElement().asString()
                .doesNotContain("profile");
    }

    private AcmeSession sessionWithRenewalInfo(boolean offered) throws Exception {
        ca.close();
        ca = new StubAcmeServer();
        if (offered) {
            ca.offerRenewalInfo();
        }
        ca.enqueue("/acct/1", StubAcmeServer.Reply.json(200, "{\"status\":\"valid\"}", Map.of()));
        return AcmeAdapters.gateway(ca.directoryUrl(), List.of())
                .login(accountKey, new AccountRegistration(ca.base() + "/acct/1", ca.directoryUrl().toString(), Optional.empty()));
    }

    @Test
    void givenTheCaOffersRenewalInfo_thenItsWindowExplanationAndRetryAfterComeBack() throws Exception {
        AcmeSession withAri = sessionWithRenewalInfo(true);
        X509Certificate leaf = TestCertificates.chain(accountKey).get(0);
        String id = org.shredzone.acme4j.toolbox.AcmeUtils.getRenewalUniqueIdentifier(leaf);
        ca.enqueue("/renewal-info/" + id, StubAcmeServer.Reply.json(200, "{\"suggestedWindow\":{"
                + "\"start\":\"2026-03-01T00:00:00Z\",\"end\":\"2026-03-02T00:00:00Z\"},"
                + "\"explanationURL\":\"https://ca.example.test/incident\"}",
                Map.of("Retry-After", "Sun, 01 Mar 2026 10:00:00 GMT")));
        ca.enqueue("/renewal-info/" + id, StubAcmeServer.Reply.json(200, "{\"suggestedWindow\":{"
                + "\"start\":\"2026-03-01T00:00:00Z\",\"end\":\"2026-03-02T00:00:00Z\"}}", Map.of()));
        Instant now = Instant.parse("2026-02-01T00:00:00Z");

        Optional<RenewalInfo> first = withAri.renewalInfo(leaf, now);
        Optional<RenewalInfo> second = withAri.renewalInfo(leaf, now);

        assertThat(first).hasValueSatisfying(info -> {
            assertThat(info.window()).isEqualTo(new RenewalWindow(Instant.parse("2026-03-01T00:00:00Z"),
                    Instant.parse("2026-03-02T00:00:00Z")));
            assertThat(info.fetchAgainAfter()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
            assertThat(info.explanation()).contains("https://ca.example.test/incident");
        });
        assertThat(second).hasValueSatisfying(info -> assertThat(info.fetchAgainAfter())
                .isEqualTo(now.plus(Duration.ofHours(6))));
    }

    @Test
    void givenTheCaOffersNoRenewalInfo_thenEmptyWithoutAsking() throws Exception {
        AcmeSession withoutAri = sessionWithRenewalInfo(false);

        assertThat(withoutAri.renewalInfo(TestCertificates.chain(accountKey).get(0), Instant.now())).isEmpty();
        assertThat(ca.requests()).noneMatch(r -> r.contains("renewal-info"));
    }

    @Test
    void givenACertificateToReplace_whenIssueAtACaWithRenewalInfo_thenTheOrderNamesIt() throws Exception {
        AcmeSession withAri = sessionWithRenewalInfo(true);
        X509Certificate old = TestCertificates.chain(accountKey).get(0);

        assertThatThrownBy(() -> withAri.issue(new OrderRequest(List.of(NAME), csr, QUICK, true, Optional.empty(),
                Optional.of(old)), responder)).isInstanceOf(CaException.class);

        assertThat(ca.payloads()).filteredOn(p -> p.startsWith("/new-order ")).singleElement().asString()
                .contains("\"replaces\":\"" + org.shredzone.acme4j.toolbox.AcmeUtils.getRenewalUniqueIdentifier(old) + "\"");
    }
}
