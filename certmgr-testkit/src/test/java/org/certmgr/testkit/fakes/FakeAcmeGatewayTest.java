package org.certmgr.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.AcmeSession;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.CaRateLimitedException;
import org.certmgr.ports.out.CaUnreachableException;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;
import org.certmgr.ports.out.IssuedChain;
import org.certmgr.ports.out.OrderRequest;
import org.certmgr.testkit.fakes.FakeAcmeGateway.ChallengeCall;
import org.certmgr.testkit.memory.InMemoryChallengeResponder;
import org.junit.jupiter.api.Test;

class FakeAcmeGatewayTest {
    private static final FakeKeyMaterial KEYS = new FakeKeyMaterial();
    private static final DnsName A = DnsName.of("a.test");
    private static final DnsName B = DnsName.of("www.a.test");
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.250Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeAcmeGateway ca = new FakeAcmeGateway(clock);
    private final InMemoryChallengeResponder responder = new InMemoryChallengeResponder();
    private final KeyPair accountKey = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));

    @Test
    void givenDirectory_thenItAnnouncesTermsAndCountsTheRequest() throws CaException {
        assertThat(ca.directory().termsOfService()).contains(FakeAcmeGateway.TERMS_URL);
        assertThat(ca.requestCount()).isEqualTo(1);
    }

    @Test
    void givenTermsNotAgreed_thenRegistrationIsRefused_andRecorded() {
        assertThatThrownBy(() -> ca.register(accountKey, Optional.of("ops@a.test"), false))
                .isInstanceOf(CaException.class).hasMessageContaining("terms of service");

        assertThat(ca.registrations()).containsExactly(
                new FakeAcmeGateway.Registration(Optional.empty(), Optional.of("ops@a.test"), false));
    }

    @Test
    void givenNoTerms_thenRegistrationNeedsNoAgreement() throws CaException {
        ca.termsOfService(Optional.empty());

        assertThat(ca.register(accountKey, Optional.empty(), false).accountUrl()).startsWith("https://ca.test/");
    }

    @Test
    void givenSameKeyRegisteredTwice_thenTheExistingAccountIsReturned() throws CaException {
        AccountRegistration first = ca.register(accountKey, Optional.of("ops@a.test"), true);
        AccountRegistration second = ca.register(accountKey, Optional.of("ops@a.test"), true);
        AccountRegistration other = ca.register(KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1)), Optional.empty(), true);

        assertThat(second).isEqualTo(first);
        assertThat(first.directoryUrl()).isEqualTo(FakeAcmeGateway.DIRECTORY_URL);
        assertThat(first.email()).contains("ops@a.test");
        assertThat(other.accountUrl()).isNotEqualTo(first.accountUrl());
        assertThat(ca.registrations()).hasSize(3);
    }

    @Test
    void givenUnknownAccountOrWrongKey_thenLoginIsRefused() throws CaException {
        AccountRegistration registration = ca.register(accountKey, Optional.empty(), true);
        KeyPair otherKey = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));
        AccountRegistration unknown = new AccountRegistration("https://ca.test/account/99", FakeAcmeGateway.DIRECTORY_URL,
                Optional.empty());

        assertThatThrownBy(() -> ca.login(otherKey, registration)).isInstanceOf(CaException.class)
                .hasMessageContaining("accountDoesNotExist");
        assertThatThrownBy(() -> ca.login(accountKey, unknown)).isInstanceOf(CaException.class)
                .hasMessageContaining("https://ca.test/account/99");
    }

    @Test
    void givenOrder_thenEachNameIsChallengedWithTheKeyAuthorization_thenRemoved_andTheLeafIsIssued()
            throws Exception {
        AcmeSession session = session();
        KeyPair certKey = KEYS.generate(new KeySpec.Ec(EcCurve.SECP384R1));

        IssuedChain chain = session.issue(order(certKey, A, B), responder);

        List<ChallengeCall> calls = ca.challengeCalls();
        assertThat(calls).extracting(ChallengeCall::action).containsExactly(ChallengeCall.Action.DEPLOY,
                ChallengeCall.Action.DEPLOY, ChallengeCall.Action.REMOVE, ChallengeCall.Action.REMOVE);
        assertThat(calls).extracting(call -> call.challenge().domain()).containsExactly(A, B, A, B);
        HttpChallenge first = calls.get(0).challenge();
        assertThat(first.content()).isEqualTo(FakeAcmeGateway.keyAuthorization(first.token(), accountKey.getPublic()));
        assertThat(responder.deployedSoFar()).hasSize(2);
        assertThat(responder.activeCount()).isZero();

        X509Certificate leaf = chain.leaf();
        assertThat(leaf.getPublicKey()).isEqualTo(certKey.getPublic());
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=a.test");
        assertThat(leaf.getSubjectAlternativeNames()).extracting(san -> (Object) san.get(1)).containsExactly("a.test", "www.a.test");
        assertThat(leaf.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(Instant.parse("2026-05-30T10:15:30Z"));
        assertThat(leaf.getExtensionValue(FakeKeyMaterial.TLS_FEATURE_OID)).isNull();
        assertThat(chain.intermediates()).containsExactly(ca.intermediate());
        leaf.verify(ca.intermediate().getPublicKey());
        ca.intermediate().verify(ca.root().getPublicKey());
        ca.root().verify(ca.root().getPublicKey());
        assertThat(ca.issued()).containsExactly(leaf);
        assertThat(ca.issuedCount()).isEqualTo(1);
        assertThat(ca.requestCount()).isEqualTo(3);
    }

    @Test
    void givenNamesAlreadyValidated_thenOnlyNewNamesAreChallenged_unlessReuseIsOff() throws Exception {
        AcmeSession session = session();
        KeyPair certKey = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));
        session.issue(order(certKey, A), responder);

        session.issue(order(certKey, A, B), responder);
        assertThat(ca.challengeCalls()).extracting(call -> call.challenge().domain()).containsExactly(A, A, B, B);

        ca.authorizationReuse(false);
        session.issue(order(certKey, A, B), responder);
        assertThat(ca.challengeCalls()).hasSize(8);
        assertThat(ca.issuedCount()).isEqualTo(3);
    }

    @Test
    void givenFailingValidation_thenChallengeExceptionNamesTheDomain_challengesAreRemoved_andNothingIsIssued()
            throws Exception {
        AcmeSession session = session();
        ca.failValidation(B);

        assertThatThrownBy(() -> session.issue(order(KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1)), A, B), responder))
                .isInstanceOf(ChallengeException.class).hasMessageContaining("www.a.test");

        assertThat(ca.challengeCalls()).extracting(ChallengeCall::action).containsExactly(ChallengeCall.Action.DEPLOY,
                ChallengeCall.Action.DEPLOY, ChallengeCall.Action.REMOVE, ChallengeCall.Action.REMOVE);
        assertThat(responder.activeCount()).isZero();
        assertThat(ca.issuedCount()).isZero();

        ca.clearValidationFailures();
        session.issue(order(KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1)), A, B), responder);
        assertThat(ca.challengeCalls()).extracting(call -> call.challenge().domain())
                .as("a.test was validated before www.a.test failed, so only www.a.test is challenged again")
                .endsWith(B, B).hasSize(6);
    }

    @Test
    void givenResponderThatCannotDeploy_thenTheErrorPropagates_andRemoveIsStillCalled() throws Exception {
        AcmeSession session = session();
        InMemoryChallengeResponder onlyA = new InMemoryChallengeResponder(Set.of(A));

        assertThatThrownBy(() -> session.issue(order(KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1)), A, B), onlyA))
                .isInstanceOf(ChallengeException.class).hasMessageContaining("www.a.test");

        assertThat(ca.challengeCalls()).extracting(ChallengeCall::action).containsExactly(ChallengeCall.Action.DEPLOY,
                ChallengeCall.Action.DEPLOY, ChallengeCall.Action.REMOVE, ChallengeCall.Action.REMOVE);
        assertThat(onlyA.activeCount()).isZero();
        assertThat(ca.issuedCount()).isZero();
    }

    @Test
    void givenCsrWhoseNamesDifferFromTheOrder_thenTheCsrIsRefused() throws Exception {
        AcmeSession session = session();
        KeyPair certKey = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));
        byte[] csr = KEYS.createCsr(certKey, List.of(A), false);

        assertThatThrownBy(() -> session.issue(new OrderRequest(List.of(A, B), csr, AcmeTiming.DEFAULT), responder))
                .isInstanceOf(CaException.class).hasMessageContaining("badCSR");
        assertThat(ca.challengeCalls()).isEmpty();
    }

    @Test
    void givenCsrWithTheAccountKey_orCorruptCsr_thenItIsRefused() throws Exception {
        AcmeSession session = session();
        byte[] corrupt = KEYS.createCsr(KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1)), List.of(A), false);
        corrupt[corrupt.length - 5] ^= 0x01;

        assertThatThrownBy(() -> session.issue(order(accountKey, A), responder))
                .isInstanceOf(CaException.class).hasMessageContaining("account key");
        assertThatThrownBy(() -> session.issue(new OrderRequest(List.of(A), corrupt, AcmeTiming.DEFAULT), responder))
                .isInstanceOf(CaException.class).hasMessageContaining("badCSR");
    }

    @Test
    void givenMustStapleCsr_andShortValidity_thenTheLeafCarriesBoth() throws Exception {
        AcmeSession session = session();
        ca.validity(Duration.ofDays(6));
        KeyPair certKey = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));

        X509Certificate leaf = session.issue(new OrderRequest(List.of(A), KEYS.createCsr(certKey, List.of(A), true),
                AcmeTiming.DEFAULT), responder).leaf();

        assertThat(leaf.getExtensionValue(FakeKeyMaterial.TLS_FEATURE_OID)).isNotNull();
        assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(6));
    }

    @Test
    void givenFailNextIssue_thenOnlyTheNextIssueFails() throws Exception {
        AcmeSession session = session();
        ca.failNextIssue(new CaRateLimitedException("too many certificates", Optional.empty()));
        KeyPair certKey = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));

        assertThatThrownBy(() -> session.issue(order(certKey, A), responder)).isInstanceOf(CaRateLimitedException.class);
        assertThat(session.issue(order(certKey, A), responder).leaf()).isNotNull();
        assertThat(ca.issuedCount()).isEqualTo(1);
    }

    @Test
    void givenUnreachable_thenEveryCallFails_andIsCounted() throws Exception {
        AcmeSession session = session();
        ca.unreachable(true);
        KeyPair certKey = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));

        assertThatThrownBy(ca::directory).isInstanceOf(CaUnreachableException.class);
        assertThatThrownBy(() -> ca.register(accountKey, Optional.empty(), true)).isInstanceOf(CaUnreachableException.class);
        assertThatThrownBy(() -> session.issue(order(certKey, A), responder)).isInstanceOf(CaUnreachableException.class);
        assertThat(ca.requestCount()).isEqualTo(5);

        ca.unreachable(false);
        assertThat(ca.directory()).isNotNull();
    }

    @Test
    void givenTwoOrdersInParallel_thenTheirChallengesOverlap() throws Exception {
        AcmeSession session = session();
        CountDownLatch bothDeployed = new CountDownLatch(2);
        ChallengeResponder waiting = new ChallengeResponder() {
            @Override
            public String deploy(HttpChallenge challenge) throws ChallengeException {
                bothDeployed.countDown();
                try {
                    // Bounded: if the fake serialized orders, this returns false and the test fails.
                    if (!bothDeployed.await(10, TimeUnit.SECONDS)) {
                        throw new ChallengeException("the other order never deployed its challenge");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ChallengeException("interrupted", e);
                }
                return "memory";
            }

            @Override
            public void remove(HttpChallenge challenge) {
                // nothing deployed
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            KeyPair certKey = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));
            Future<IssuedChain> one = pool.submit(() -> session.issue(order(certKey, A), waiting));
            Future<IssuedChain> two = pool.submit(() -> session.issue(order(certKey, B), waiting));

            assertThat(one.get(30, TimeUnit.SECONDS).leaf()).isNotNull();
            assertThat(two.get(30, TimeUnit.SECONDS).leaf()).isNotNull();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenRfc7638Example_thenThumbprintMatches() throws Exception {
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWK"
                + "RXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAt"
                + "aSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPks"
                + "INHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        var modulus = new java.math.BigInteger(1, java.util.Base64.getUrlDecoder().decode(n));
        var key = java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(modulus, java.math.BigInteger.valueOf(65537)));

        assertThat(FakeAcmeGateway.keyAuthorization("tok", key)).isEqualTo("tok.NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    private AcmeSession session() throws CaException {
        return ca.login(accountKey, ca.register(accountKey, Optional.empty(), true));
    }

    private static OrderRequest order(KeyPair key, DnsName... names) {
        return new OrderRequest(List.of(names), KEYS.createCsr(key, List.of(names), false), AcmeTiming.DEFAULT);
    }
}
