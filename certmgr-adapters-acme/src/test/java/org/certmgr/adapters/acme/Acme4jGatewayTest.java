package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.CaDirectory;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.CaRateLimitedException;
import org.certmgr.ports.out.CaUnreachableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against a scripted server on loopback: laziness, retries and error translation on the wire. */
class Acme4jGatewayTest {
    private static KeyPair accountKey;
    private StubAcmeServer ca;
    private AcmeGateway gateway;

    @BeforeAll
    static void key() {
        accountKey = AcmeAdapters.keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1));
    }

    @BeforeEach
    void start() throws Exception {
        ca = new StubAcmeServer();
        gateway = AcmeAdapters.gateway(ca.directoryUrl(), List.of());
    }

    @AfterEach
    void stop() {
        ca.close();
    }

    private String account() {
        return ca.base() + "/acct/1";
    }

    @Test
    void givenNewGateway_whenNothingIsCalled_thenNoRequestIsMade_andTheFirstCallReadsTheDirectory() throws Exception {
        assertThat(ca.requests()).isEmpty();

        CaDirectory directory = gateway.directory();

        assertThat(ca.requests()).containsExactly("GET /dir");
        assertThat(directory.termsOfService()).contains(ca.base() + "/tos");
        assertThat(directory.website()).contains("https://ca.example.test/");
    }

    @Test
    void givenBadNonceOnce_whenRegister_thenRetriedAndRegistered() throws Exception {
        ca.enqueue("/new-account", StubAcmeServer.Reply.problem(400, "badNonce", "stale nonce", Map.of()));
        ca.enqueue("/new-account", StubAcmeServer.Reply.json(201, "{\"status\":\"valid\"}", Map.of("Location", account())));

        AccountRegistration registration = gateway.register(accountKey, Optional.of("admin@example.test"), true);

        assertThat(registration).isEqualTo(new AccountRegistration(account(), ca.directoryUrl().toString(),
                Optional.of("admin@example.test")));
        assertThat(ca.requests().stream().filter("POST /new-account"::equals)).hasSize(2);
    }

    @Test
    void givenRateLimit_whenRegister_thenCaRateLimitedExceptionWithRetryAfter() {
        ca.enqueue("/new-account", StubAcmeServer.Reply.problem(429, "rateLimited", "too many registrations",
                Map.of("Retry-After", "Sun, 01 Mar 2026 10:00:00 GMT")));

        assertThatThrownBy(() -> gateway.register(accountKey, Optional.empty(), true))
                .isInstanceOf(CaRateLimitedException.class)
                .hasMessageContaining("too many registrations")
                .satisfies(e -> assertThat(((CaRateLimitedException) e).retryAfter())
                        .contains(Instant.parse("2026-03-01T10:00:00Z")));
    }

    private final List<Duration> pauses = new java.util.concurrent.CopyOnWriteArrayList<>();

    private AcmeGateway gatewayRecordingPauses() {
        return new Acme4jGateway(ca.directoryUrl(), List.of(), Optional.empty(), Optional.empty(),
                new Poller(java.time.Clock.systemUTC(), pauses::add));
    }

    @Test
    void givenAServerErrorOnce_whenRegister_thenRetriedAfterAPauseAndRegistered() throws Exception {
        ca.enqueue("/new-account", new StubAcmeServer.Reply(503, "text/plain", "busy", Map.of()));
        ca.enqueue("/new-account", StubAcmeServer.Reply.json(201, "{\"status\":\"valid\"}", Map.of("Location", account())));

        AccountRegistration registration = gatewayRecordingPauses().register(accountKey, Optional.empty(), true);

        assertThat(registration.accountUrl()).isEqualTo(account());
        assertThat(ca.requests().stream().filter("POST /new-account"::equals)).hasSize(2);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void givenServerErrorsThatLast_whenRegister_thenThreeTriesInAllAndTheLastErrorReported() {
        for (int i = 0; i < 4; i++) {
            ca.enqueue("/new-account", StubAcmeServer.Reply.problem(500, "serverInternal", "database on fire", Map.of()));
        }

        assertThatThrownBy(() -> gatewayRecordingPauses().register(accountKey, Optional.empty(), true))
                .isInstanceOf(CaException.class).hasMessageContaining("database on fire");
        assertThat(ca.requests().stream().filter("POST /new-account"::equals)).hasSize(3);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void givenARateLimit_whenRegister_thenNotRetried() {
        ca.enqueue("/new-account", StubAcmeServer.Reply.problem(429, "rateLimited", "slow down", Map.of()));

        assertThatThrownBy(() -> gatewayRecordingPauses().register(accountKey, Optional.empty(), true))
                .isInstanceOf(CaRateLimitedException.class);
        assertThat(ca.requests().stream().filter("POST /new-account"::equals)).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void givenCaRefuses_whenRegister_thenCaExceptionWithTheProblem() {
        ca.enqueue("/new-account", StubAcmeServer.Reply.problem(400, "invalidContact", "mail domain does not exist", Map.of()));

        assertThatThrownBy(() -> gateway.register(accountKey, Optional.of("x@nowhere.test"), true))
                .isExactlyInstanceOf(CaException.class)
                .hasMessageContaining("mail domain does not exist")
                .hasMessageContaining("urn:ietf:params:acme:error:invalidContact");
    }

    @Test
    void givenInvalidEmail_whenRegister_thenCaExceptionBeforeAnyRequest() {
        assertThatThrownBy(() -> gateway.register(accountKey, Optional.of("a b@@"), true))
                .isInstanceOf(CaException.class)
                .hasMessageContaining("a b@@");
        assertThat(ca.requests()).isEmpty();
    }

    @Test
    void givenKnownAccount_whenLogin_thenSessionAfterOneAccountFetch() throws Exception {
        ca.enqueue("/acct/1", StubAcmeServer.Reply.json(200, "{\"status\":\"valid\"}", Map.of()));

        assertThat(gateway.login(accountKey, new AccountRegistration(account(), ca.directoryUrl().toString(), Optional.empty())))
                .isNotNull();
        assertThat(ca.requests()).contains("POST /acct/1");
    }

    @Test
    void givenUnknownAccount_whenLogin_thenCaExceptionWithTheProblem() {
        ca.enqueue("/acct/1", StubAcmeServer.Reply.problem(400, "accountDoesNotExist", "no such account", Map.of()));

        assertThatThrownBy(() -> gateway.login(accountKey,
                new AccountRegistration(account(), ca.directoryUrl().toString(), Optional.empty())))
                .isInstanceOf(CaException.class)
                .hasMessageContaining("no such account");
    }

    @Test
    void givenDeactivatedAccount_whenLogin_thenCaExceptionSayingSo() {
        ca.enqueue("/acct/1", StubAcmeServer.Reply.json(200, "{\"status\":\"deactivated\"}", Map.of()));

        assertThatThrownBy(() -> gateway.login(accountKey,
                new AccountRegistration(account(), ca.directoryUrl().toString(), Optional.empty())))
                .isInstanceOf(CaException.class)
                .hasMessageContaining("deactivated");
    }

    @Test
    void givenNothingListensOnThePort_whenDirectory_thenCaUnreachableNamingTheUrl() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/dir");
        }
        AcmeGateway unreachable = AcmeAdapters.gateway(closed, List.of());

        assertThatThrownBy(unreachable::directory)
                .isInstanceOf(CaUnreachableException.class)
                .hasMessageStartingWith("cannot reach the ACME server at " + closed + ": ");
    }

    @Test
    void givenNonHttpUrl_whenGateway_thenIllegalArgument() {
        assertThatThrownBy(() -> AcmeAdapters.gateway(URI.create("ftp://ca.example.test/dir"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://ca.example.test/dir");
    }
}
