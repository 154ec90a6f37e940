package org.certmgr.adapters.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.certmgr.ports.out.OcspClient;
import org.certmgr.ports.out.OcspException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OCSP client against responders that misbehave at the HTTP level, on 127.0.0.1 (the
 * cryptographic checks run against a real openssl responder in the command line's tests).
 */
class BcOcspClientTest {
    private final OcspClient client = TlsAdapters.ocspClient(Duration.ofMillis(1000), Clock.systemUTC());
    private final CountDownLatch release = new CountDownLatch(1);
    private ExecutorService executor;
    private HttpServer server;
    private List<X509Certificate> chain;

    @BeforeEach
    void start() throws Exception {
        executor = Executors.newFixedThreadPool(2);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.setExecutor(executor);
        server.createContext("/garbage", exchange -> {
            byte[] body = "<html>hello</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/error", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        chain = TestChain.leafAndIssuer();
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void givenGarbage_thenFetchFails() {
        assertThatThrownBy(() -> client.fetch(chain.get(0), chain.get(1), url("/garbage")))
                .isInstanceOf(OcspException.class).hasMessageContaining("not an OCSP response");
    }

    @Test
    void givenAnHttpError_thenFetchFails() {
        assertThatThrownBy(() -> client.fetch(chain.get(0), chain.get(1), url("/error")))
                .isInstanceOf(OcspException.class).hasMessageContaining("HTTP 500");
    }

    @Test
    void givenASlowResponder_thenFetchGivesUpAtTheTimeout() {
        assertThatThrownBy(() -> client.fetch(chain.get(0), chain.get(1), url("/slow")))
                .isInstanceOf(OcspException.class).hasMessageContaining("no answer within 1000 ms");
    }

    @Test
    void givenACertificateWithoutAia_thenNoResponderUrl() {
        assertThat(client.responderUrls(chain.get(0))).isEmpty();
    }
}
