package org.certmgr.adapters.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client of the OCSP and CT adapters, against a raw server on 127.0.0.1. */
class HttpPosterTest {
    private ServerSocket server;
    private Thread serving;
    private final AtomicInteger connections = new AtomicInteger();

    /**
     * Answers the first request of the first connection, keeps that connection open as HTTP/1.1
     * allows, then drops it when the next request arrives on it, as a server that closed its end
     * meanwhile would; later connections are answered.
     */
    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        serving = new Thread(() -> {
            try {
                for (int n = 0; n < 2; n++) {
                    try (Socket socket = server.accept()) {
                        int connection = connections.incrementAndGet();
                        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        OutputStream out = socket.getOutputStream();
                        readRequest(in);
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (connection == 1) {
                            readRequest(in);
                        }
                    }
                }
            } catch (IOException e) {
                // The test ended and closed the server socket.
            }
        }, "http-poster-test");
        serving.setDaemon(true);
        serving.start();
    }

    private static void readRequest(BufferedReader in) throws IOException {
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        for (int i = 0; i < length; i++) {
            in.read();
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        serving.join(5_000);
    }

    @Test
    void givenAKeptAliveConnectionThatTheServerDrops_thenTheRequestIsSentOnceMoreOnANewConnection()
            throws Exception {
        HttpPoster poster = new HttpPoster(Duration.ofSeconds(5));
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");

        byte[] first = poster.post(uri, "text/plain", "text/plain", new byte[] {1});
        byte[] second = poster.post(uri, "text/plain", "text/plain", new byte[] {2});

        assertThat(new String(first, StandardCharsets.US_ASCII)).isEqualTo("ok");
        assertThat(new String(second, StandardCharsets.US_ASCII)).isEqualTo("ok");
        assertThat(connections.get()).isEqualTo(2);
    }
}
