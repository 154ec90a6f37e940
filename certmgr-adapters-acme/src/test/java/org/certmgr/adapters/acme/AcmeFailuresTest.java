package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.CaRateLimitedException;
import org.certmgr.ports.out.CaUnreachableException;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeLazyLoadingException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeNotSupportedException;
import org.shredzone.acme4j.exception.AcmeProtocolException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.exception.AcmeUserActionRequiredException;
import org.shredzone.acme4j.toolbox.JSON;

class AcmeFailuresTest {
    private static final URI SERVER = URI.create("https://ca.example.test/dir");
    private final AcmeFailures failures = new AcmeFailures(SERVER);

    private static Problem problem(String json) throws Exception {
        return new Problem(JSON.parse(json), new URL("https://ca.example.test/acme/new-order"));
    }

    private CaException thrownBy(Throwable failure) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> failures.call("ordering a certificate", () -> {
            if (failure instanceof AcmeException e) {
                throw e;
            }
            throw (RuntimeException) failure;
        }));
        assertThat(thrown).isInstanceOf(CaException.class);
        return (CaException) thrown;
    }

    @Test
    void givenConnectionRefusedWithoutMessage_whenTranslated_thenUnreachableNamingServerAndCause() {
        ConnectException refused = new ConnectException();
        refused.initCause(new IOException("Connection refused"));

        CaException e = thrownBy(new AcmeNetworkException(refused));

        assertThat(e).isInstanceOf(CaUnreachableException.class)
                .hasMessageStartingWith("cannot reach the ACME server at https://ca.example.test/dir: Connection refused");
    }

    @Test
    void givenConnectExceptionWithNoMessageAnywhere_whenTranslated_thenConnectionRefused() {
        ConnectException refused = new ConnectException();
        refused.initCause(new java.nio.channels.ClosedChannelException());

        assertThat(thrownBy(new AcmeNetworkException(refused)))
                .hasMessageStartingWith("cannot reach the ACME server at https://ca.example.test/dir: connection refused");
    }

    @Test
    void givenUnresolvableHost_whenTranslated_thenSaysTheNameDoesNotResolve() {
        ConnectException unknown = new ConnectException();
        unknown.initCause(new java.nio.channels.UnresolvedAddressException());

        assertThat(thrownBy(new AcmeNetworkException(unknown))).hasMessageContaining("the host name does not resolve");
    }

    @Test
    void givenNetworkErrorWithNoMessageAnywhere_whenTranslated_thenTheExceptionTypeIsNamed() {
        CaException e = thrownBy(new AcmeNetworkException(new java.net.http.HttpTimeoutException(null)));

        assertThat(e).isInstanceOf(CaUnreachableException.class).hasMessageContaining("HttpTimeoutException");
    }

    @Test
    void givenRateLimit_whenTranslated_thenRateLimitedWithRetryAfterAndDetail() throws Exception {
        Instant retry = Instant.parse("2026-03-01T10:00:00Z");
        Problem problem = problem("{\"type\":\"urn:ietf:params:acme:error:rateLimited\",\"detail\":\"too many certificates\"}");

        CaException e = thrownBy(new AcmeRateLimitedException(problem, retry, List.of()));

        assertThat(e).isInstanceOf(CaRateLimitedException.class)
                .hasMessageContaining("too many certificates")
                .hasMessageContaining("rate limit");
        assertThat(((CaRateLimitedException) e).retryAfter()).contains(retry);
    }

    @Test
    void givenUserActionRequired_whenTranslated_thenMessageNamesInstanceAndTerms() throws Exception {
        Problem problem = problem("{\"type\":\"urn:ietf:params:acme:error:userActionRequired\",\"detail\":\"new terms\","
                + "\"instance\":\"https://ca.example.test/agree\"}");

        CaException e = thrownBy(new AcmeUserActionRequiredException(problem, URI.create("https://ca.example.test/tos-v2")));

        assertThat(e).hasMessageContaining("https://ca.example.test/agree").hasMessageContaining("https://ca.example.test/tos-v2")
                .hasMessageContaining("new terms");
    }

    @Test
    void givenServerProblem_whenTranslated_thenCaExceptionWithDetailAndType() throws Exception {
        Problem problem = problem("{\"type\":\"urn:ietf:params:acme:error:rejectedIdentifier\",\"detail\":\"forbidden name\"}");

        CaException e = thrownBy(new AcmeServerException(problem));

        assertThat(e.getClass()).isEqualTo(CaException.class);
        assertThat(e).hasMessage("the ACME server at https://ca.example.test/dir refused ordering a certificate: forbidden name"
                + " (urn:ietf:params:acme:error:rejectedIdentifier)");
    }

    @Test
    void givenLazyLoadingFailure_whenTranslated_thenTheCauseIsTranslated() throws Exception {
        AcmeNetworkException cause = new AcmeNetworkException(new ConnectException("Connection refused"));

        CaException e = thrownBy(new AcmeLazyLoadingException(Order.class, new URL("https://ca.example.test/order/1"), cause));

        assertThat(e).isInstanceOf(CaUnreachableException.class).hasCause(cause);
    }

    @Test
    void givenProtocolViolationOrMissingFeature_whenTranslated_thenCaException() {
        assertThat(thrownBy(new AcmeProtocolException("Unexpected content type: text/html")))
                .hasMessageContaining("unexpected reply").hasMessageContaining("text/html");
        assertThat(thrownBy(new AcmeNotSupportedException("renewalInfo"))).hasMessageContaining("does not support");
    }

    @Test
    void givenPlainAcmeException_whenTranslated_thenCaExceptionWithItsMessage() {
        assertThat(thrownBy(new AcmeException("HTTP 500"))).hasMessageContaining("HTTP 500");
    }

    @Test
    void givenInterruptedRequest_whenTranslated_thenInterruptedException() {
        AcmeNetworkException interrupted = new AcmeNetworkException(
                new IOException("Request was interrupted", new InterruptedException()));

        assertThatThrownBy(() -> failures.call("polling", () -> {
            throw interrupted;
        })).isInstanceOf(InterruptedException.class);
    }
}
