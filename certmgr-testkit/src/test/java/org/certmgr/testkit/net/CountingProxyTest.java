package org.certmgr.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CountingProxyTest {

    /** An echo server for one connection at a time, on 127.0.0.1. */
    private static ServerSocket echoServer() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(() -> {
            while (true) {
                try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    byte[] buffer = new byte[1024];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "echo");
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static String roundTrip(int port, String text) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            s.setSoTimeout(5_000);
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            byte[] back = s.getInputStream().readNBytes(bytes.length);
            return new String(back, StandardCharsets.US_ASCII);
        }
    }

    @Test
    void givenTrafficThroughTheProxy_thenItIsForwardedAndCounted_andResetStartsAgainAtZero() throws Exception {
        try (ServerSocket echo = echoServer(); CountingProxy proxy = CountingProxy.start(echo.getLocalPort())) {
            assertThat(proxy.connections()).isZero();

            assertThat(roundTrip(proxy.port(), "hello")).isEqualTo("hello");

            assertThat(proxy.connections()).isEqualTo(1);
            assertThat(proxy.bytes()).isEqualTo(10);
            proxy.reset();
            assertThat(proxy.connections()).isZero();
            assertThat(proxy.bytes()).isZero();
        }
    }

    @Test
    void givenATargetThatIsDown_thenTheConnectionIsCountedAndClosed() throws Exception {
        int downPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            downPort = probe.getLocalPort();
        }
        try (CountingProxy proxy = CountingProxy.start(downPort)) {
            assertThat(roundTrip(proxy.port(), "x")).isEmpty();
            assertThat(proxy.connections()).isEqualTo(1);
            assertThat(proxy.bytes()).isZero();
        }
    }

    @Test
    void givenAClosedProxy_thenItAcceptsNoMoreConnections() throws Exception {
        try (ServerSocket echo = echoServer()) {
            CountingProxy proxy = CountingProxy.start(echo.getLocalPort());
            int port = proxy.port();
            proxy.close();

            assertThatThrownBy(() -> roundTrip(port, "x")).isInstanceOf(IOException.class);
        }
    }
}
