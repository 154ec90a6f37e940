package org.certmgr.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 that counts the connections and bytes passing through it to one
 * target port on 127.0.0.1.
 *
 * <p>Put it in front of a server (Pebble's ACME port, an OCSP responder) and point the client
 * at {@link #port()}: the counts then say whether a run talked to that server at all, which is
 * what a test of "no request" needs. It forwards bytes unchanged in both directions, so TLS
 * passes through (the client must accept the server's certificate for 127.0.0.1, as it would
 * without the proxy). The target need not be up when the proxy starts: each connection
 * connects to it when accepted, and is closed at once when the target refuses.
 *
 * <p>{@link #close()} closes the listening socket and every open connection and waits a
 * bounded time for its threads to end. All its threads are daemon threads named
 * {@code counting-proxy-<port>}.
 */
public final class CountingProxy implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int BUFFER = 16 * 1024;
    private static final long JOIN_MS = 2_000;

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private CountingProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
        this.acceptor = thread(this::acceptLoop);
    }

    /**
     * Starts a proxy on a free port of 127.0.0.1.
     *
     * @param targetPort the port on 127.0.0.1 to forward to
     * @return the running proxy
     * @throws IOException when no port can be bound
     */
    public static CountingProxy start(int targetPort) throws IOException {
        if (targetPort < 1 || targetPort > 65_535) {
            throw new IllegalArgumentException("not a port: " + targetPort);
        }
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CountingProxy proxy = new CountingProxy(server, targetPort);
        proxy.acceptor.start();
        return proxy;
    }

    /**
     * Returns the port the proxy listens on, on 127.0.0.1.
     *
     * @return the port
     */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Returns the number of connections accepted since the start or the last {@link #reset()}.
     *
     * @return the count
     */
    public int connections() {
        return connections.get();
    }

    /**
     * Returns the bytes forwarded in both directions since the start or the last {@link #reset()}.
     *
     * @return the count
     */
    public long bytes() {
        return bytes.get();
    }

    /** Sets both counts back to zero, e.g. between the run that sets up and the run under test. */
    public void reset() {
        connections.set(0);
        bytes.set(0);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.incrementAndGet();
            Socket target = new Socket();
            try {
                target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(target);
                continue;
            }
            synchronized (this) {
                if (closed) {
                    closeQuietly(client);
                    closeQuietly(target);
                    return;
                }
                sockets.add(client);
                sockets.add(target);
                Thread up = thread(() -> pump(client, target));
                Thread down = thread(() -> pump(target, client));
                up.start();
                down.start();
            }
        }
    }

    /** Copies one direction until either side ends, then closes both, which ends the other direction too. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.addAndGet(n);
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException e) {
            // the other direction or close() closed the sockets
        } catch (IOException e) {
            // a broken connection ends like a closed one
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private synchronized Thread thread(Runnable work) {
        Thread t = new Thread(work, "counting-proxy-" + (server == null ? "?" : server.getLocalPort()));
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    /**
     * Stops accepting, closes every connection and waits up to two seconds per thread for the
     * proxy's threads to end.
     */
    @Override
    public void close() {
        List<Thread> started;
        synchronized (this) {
            closed = true;
            closeQuietly(server);
            sockets.forEach(CountingProxy::closeQuietly);
            started = new ArrayList<>(threads);
        }
        for (Thread t : started) {
            try {
                t.join(JOIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            Objects.requireNonNull(closeable).close();
        } catch (Exception e) {
            // closing is best effort
        }
    }

    @Override
    public String toString() {
        return "CountingProxy[127.0.0.1:" + port() + " -> 127.0.0.1:" + targetPort + ", " + connections() + " connections, "
                + bytes() + " bytes]";
    }
}
