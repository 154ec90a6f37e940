package org.certmgr.testkit.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.StartTls;

/**
 * A TLS server on loopback addresses that serves a chosen chain per key type: a client that
 * offers only ECDSA signatures gets the ECDSA chain, and a handshake fails when the server has
 * no chain of the client's type. With a STARTTLS protocol it first speaks that protocol's
 * plain-text part. All addresses share one port; {@link #close()} stops every thread.
 */
public final class TlsTestServer implements AutoCloseable {
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;
    private final List<ServerSocket> sockets;
    private final SSLContext context;
    private final Optional<StartTls> protocol;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tls-test-server");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger handshakes = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> serverNames = new ConcurrentLinkedQueue<>();
    private volatile Map<KeyType, ServedChain> chains;

    private TlsTestServer(List<ServerSocket> sockets, Map<KeyType, ServedChain> chains, Optional<StartTls> protocol) {
        this.sockets = sockets;
        this.chains = chains;
        this.protocol = protocol;
        try {
            this.context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new SwitchableKeyManager()}, null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /**
     * Starts a server on 127.0.0.1 and ::1, with one free port for both.
     *
     * @param chains   key type → chain served for it; types left out fail the handshake
     * @param protocol the STARTTLS protocol to speak first, or empty for TLS at once
     * @return the running server
     * @throws IOException when no common free port was found
     */
    public static TlsTestServer start(Map<KeyType, ServedChain> chains, Optional<StartTls> protocol) throws IOException {
        return start(chains, protocol, List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")));
    }

    /**
     * Starts a server on the given loopback addresses, with one free port for all.
     *
     * @param chains    key type → chain served for it
     * @param protocol  the STARTTLS protocol to speak first, or empty
     * @param addresses loopback addresses to listen on, at least one
     * @return the running server
     * @throws IOException when no common free port was found in a few tries
     */
    public static TlsTestServer start(Map<KeyType, ServedChain> chains, Optional<StartTls> protocol,
                                      List<InetAddress> addresses) throws IOException {
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("test servers listen on loopback only, not " + address);
            }
        }
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            List<ServerSocket> bound = new ArrayList<>();
            try {
                int port = 0;
                for (InetAddress address : addresses) {
                    ServerSocket socket = new ServerSocket();
                    bound.add(socket);
                    socket.bind(new InetSocketAddress(address, port));
                    port = socket.getLocalPort();
                }
                TlsTestServer server = new TlsTestServer(bound, new EnumMap<>(chains), protocol);
                server.acceptAll();
                return server;
            } catch (BindException e) {
                last = e;
                for (ServerSocket socket : bound) {
                    socket.close();
                }
            }
        }
        throw new IOException("no free port common to " + addresses, last);
    }

    /**
     * Returns the port all addresses listen on.
     *
     * @return the port
     */
    public int port() {
        return sockets.get(0).getLocalPort();
    }

    /**
     * Replaces the chains served from the next handshake on, as a server reload does.
     *
     * @param newChains key type → chain
     */
    public void serve(Map<KeyType, ServedChain> newChains) {
        this.chains = new EnumMap<>(newChains);
    }

    /**
     * Returns how many handshakes completed.
     *
     * @return the count
     */
    public int handshakes() {
        return handshakes.get();
    }

    /**
     * Returns the SNI names clients sent, in the order of their handshakes.
     *
     * @return the names
     */
    public List<String> serverNames() {
        return List.copyOf(serverNames);
    }

    private void acceptAll() {
        for (ServerSocket socket : sockets) {
            threads.execute(() -> accept(socket));
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.execute(() -> handle(client));
            } catch (IOException e) {
                return;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (Socket plain = client) {
            plain.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            if (protocol.isPresent()) {
                StartTlsServerSide.serve(protocol.get(), plain);
            }
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, null, true)) {
                tls.setUseClientMode(false);
                tls.startHandshake();
                if (tls.getSession() instanceof ExtendedSSLSession session) {
                    for (SNIServerName name : session.getRequestedServerNames()) {
                        if (name instanceof SNIHostName host) {
                            serverNames.add(host.getAsciiName());
                        }
                    }
                }
                handshakes.incrementAndGet();
                InputStream in = tls.getInputStream();
                // Wait for the client to close, bounded by the socket timeout.
                while (in.read() >= 0) {
                    continue;
                }
            }
        } catch (IOException e) {
            // A failed handshake or a client that left: the client's side reports it.
        }
    }

    /** Stops listening and ends every connection thread. */
    @Override
    public void close() {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a listening socket: nothing left to do.
            }
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(SOCKET_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the chains current at each handshake. */
    private final class SwitchableKeyManager extends javax.net.ssl.X509ExtendedKeyManager {
        private ChainKeyManager current() {
            return new ChainKeyManager(chains);
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, Socket socket) {
            return current().chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, java.security.Principal[] issuers,
                                              javax.net.ssl.SSLEngine engine) {
            return current().chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return current().getServerAliases(keyType, issuers);
        }

        @Override
        public java.security.cert.X509Certificate[] getCertificateChain(String alias) {
            return current().getCertificateChain(alias);
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String alias) {
            return current().getPrivateKey(alias);
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
