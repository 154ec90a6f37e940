package org.certmgr.testkit.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeWebServerTest {
    private static final String TOKEN = "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0";

    @TempDir
    Path tmp;

    private ChallengeWebServer web;

    @BeforeEach
    void startServer() throws IOException {
        web = ChallengeWebServer.start(0, tmp.resolve("webroot"));
        Path dir = Files.createDirectories(web.challengeDirectory("a.test"));
        Files.writeString(dir.resolve(TOKEN), TOKEN + ".thumbprint");
        Files.writeString(tmp.resolve("secret"), "outside the web root");
    }

    @AfterEach
    void stopServer() {
        web.close();
    }

    @Test
    void givenFileForHost_thenItIsServedForThatHost_withOrWithoutPort() throws IOException {
        Response plain = get("a.test", "/.well-known/acme-challenge/" + TOKEN);
        Response withPort = get("A.Test:5002", "/.well-known/acme-challenge/" + TOKEN);

        assertThat(plain.status).isEqualTo(200);
        assertThat(plain.body).isEqualTo(TOKEN + ".thumbprint");
        assertThat(withPort.status).isEqualTo(200);
        assertThat(web.requestCount()).isEqualTo(2);
    }

    @Test
    void givenFileForHost_thenAnotherHostOrTokenGets404_andIsNotCounted() throws IOException {
        assertThat(get("b.test", "/.well-known/acme-challenge/" + TOKEN).status).isEqualTo(404);
        assertThat(get("a.test", "/.well-known/acme-challenge/otherToken").status).isEqualTo(404);
        assertThat(get("a.test", "/" + TOKEN).status).isEqualTo(404);
        assertThat(web.requestCount()).isZero();
    }

    @Test
    void givenPathsThatTryToLeaveTheWebRoot_thenAllGet404() throws IOException {
        Files.createDirectories(tmp.resolve("webroot/a.test/.well-known/acme-challenge/sub"));
        Files.writeString(tmp.resolve("webroot/a.test/.well-known/acme-challenge/sub/x"), "nested");

        assertThat(get("a.test", "/.well-known/acme-challenge/../../../../secret").status).isEqualTo(404);
        assertThat(get("a.test", "/.well-known/acme-challenge/%2e%2e%2f%2e%2e%2fsecret").status).isEqualTo(404);
        assertThat(get("a.test", "/.well-known/acme-challenge/sub/x").status).isEqualTo(404);
        assertThat(get("..", "/.well-known/acme-challenge/secret").status).isEqualTo(404);
        assertThat(get("../..", "/.well-known/acme-challenge/secret").status).isEqualTo(404);
        assertThat(web.requestCount()).isZero();
    }

    @Test
    void givenSymbolicLinkLeadingOutOfTheWebRoot_thenItGets404() throws IOException {
        Files.createSymbolicLink(web.challengeDirectory("a.test").resolve("escape"), tmp.resolve("secret"));
        Path outsideHost = Files.createDirectories(tmp.resolve("elsewhere/.well-known/acme-challenge"));
        Files.writeString(outsideHost.resolve(TOKEN), "outside");
        Files.createSymbolicLink(web.webRoot().resolve("c.test"), tmp.resolve("elsewhere"));

        assertThat(get("a.test", "/.well-known/acme-challenge/escape").status).isEqualTo(404);
        assertThat(get("c.test", "/.well-known/acme-challenge/" + TOKEN).status).isEqualTo(404);
        assertThat(web.requestCount()).isZero();
    }

    @Test
    void givenSymbolicLinkInsideTheWebRoot_thenItIsServed() throws IOException {
        Files.createSymbolicLink(web.challengeDirectory("a.test").resolve("alias"),
                web.challengeDirectory("a.test").resolve(TOKEN));

        assertThat(get("a.test", "/.well-known/acme-challenge/alias").status).isEqualTo(200);
    }

    @Test
    void givenPost_thenItGets405() throws IOException {
        assertThat(request("POST", "a.test", "/.well-known/acme-challenge/" + TOKEN).status).isEqualTo(405);
    }

    @Test
    void givenUnsafeHost_thenChallengeDirectoryRefusesIt() {
        assertThatThrownBy(() -> web.challengeDirectory("../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenClosedServer_thenThePortIsFree() throws IOException {
        int port = web.port();
        web.close();

        try (ChallengeWebServer again = ChallengeWebServer.start(port, tmp.resolve("webroot"))) {
            assertThat(again.port()).isEqualTo(port);
        }
    }

    private Response get(String host, String rawPath) throws IOException {
        return request("GET", host, rawPath);
    }

    /** Sends the request line and Host header exactly as given, which HttpClient would not allow. */
    private Response request(String method, String host, String rawPath) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", web.port()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + rawPath + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Response(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }

    private static final class Response {
        final int status;
        final String body;

        Response(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }
}
