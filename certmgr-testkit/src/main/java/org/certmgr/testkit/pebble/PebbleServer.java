package org.certmgr.testkit.pebble;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Pebble ACME test CA with its fake DNS server ({@code pebble-challtestsrv}), running
 * as two child processes on free 127.0.0.1 ports for the duration of a test.
 *
 * <p>Everything stays on this machine: Pebble listens on 127.0.0.1 only, resolves every name
 * through the fake DNS server, which answers {@code 127.0.0.1} for any A query and nothing for
 * AAAA, so Pebble's http-01 validation of any name connects to
 * {@code 127.0.0.1:}{@link #httpChallengePort()}. Pebble serves HTTPS with a certificate from
 * a CA generated for this run ({@link #trustAnchor()}); its issuing root is another, Pebble's
 * own ({@link #issuingRoot()}).
 *
 * <p>Fault injection is off by default ({@code PEBBLE_WFE_NONCEREJECT=0},
 * {@code PEBBLE_AUTHZREUSE=0}, {@code PEBBLE_VA_NOSLEEP=1}) so that tests are deterministic;
 * pass other values through {@code extraEnv}. Process output goes to {@code pebble.log} and
 * {@code challtestsrv.log} in the work directory.
 *
 * <p>For fault injection, {@link #killPebble()} kills the CA with SIGKILL by its PID and
 * {@link #restartPebble()} brings it back on the same ports, with the same URLs and HTTPS
 * certificate (but, as Pebble keeps everything in memory, without its accounts and orders).
 *
 * <p>Always {@link #close()} it (try-with-resources, or {@link PebbleExtension}); a JVM
 * shutdown hook kills the processes if a test JVM exits without doing so.
 */
public final class PebbleServer implements AutoCloseable {
    /** What to do when the binaries are missing. */
    static final String INSTALL_HINT = "install the Debian package pebble (apt-get install -y pebble)";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_READY_POLLS = 300;
    private static final int START_ATTEMPTS = 3;
    private static final int PORT_COUNT = 6;

    private final Path workDir;
    private final TlsFiles tls;
    private final SSLContext sslContext;
    private final HttpClient http;
    private final int[] ports;
    private final ManagedProcess challengeTestServer;
    private volatile ManagedProcess pebble;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PebbleServer(Path workDir, TlsFiles tls, SSLContext sslContext, int[] ports,
                         ManagedProcess challengeTestServer, ManagedProcess pebble) {
        this.workDir = workDir;
        this.tls = tls;
        this.sslContext = sslContext;
        this.http = HttpClient.newBuilder()
                .sslContext(sslContext)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        this.ports = ports.clone();
        this.challengeTestServer = challengeTestServer;
        this.pebble = pebble;
        this.shutdownHook = new Thread(this::killNow, "pebble-shutdown-" + pebble.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code pebble-challtestsrv} and {@code pebble} on free 127.0.0.1 ports under
     * {@code workDir}, and waits until Pebble answers.
     *
     * @param workDir where the configuration, TLS files and logs are written; created if missing
     * @return the running server
     * @throws IOException when Pebble is not installed or does not start within 15 s; the
     *                     message then contains the tail of both processes' output
     */
    public static PebbleServer start(Path workDir) throws IOException {
        return start(workDir, Map.of());
    }

    /**
     * Starts Pebble as {@link #start(Path)} does, with extra environment variables.
     *
     * @param workDir  where the configuration, TLS files and logs are written
     * @param extraEnv variables for Pebble that override the deterministic defaults, e.g.
     *                 {@code PEBBLE_WFE_NONCEREJECT=50}, {@code PEBBLE_AUTHZREUSE=100},
     *                 {@code PEBBLE_ALTERNATE_ROOTS=1}
     * @return the running server
     * @throws IOException when Pebble is not installed or does not start
     */
    public static PebbleServer start(Path workDir, Map<String, String> extraEnv) throws IOException {
        return start(workDir, extraEnv, Map.of());
    }

    /**
     * Starts Pebble as {@link #start(Path, Map)} does; with MAC keys, Pebble requires
     * External Account Binding for new accounts.
     *
     * @param workDir                where the configuration, TLS files and logs are written
     * @param extraEnv               variables for Pebble that override the defaults
     * @param externalAccountMacKeys key id → base64url HMAC key; empty for no EAB
     * @return the running server
     * @throws IOException when Pebble is not installed or does not start
     */
    public static PebbleServer start(Path workDir, Map<String, String> extraEnv,
                                     Map<String, String> externalAccountMacKeys) throws IOException {
        return start(workDir, extraEnv, externalAccountMacKeys, "");
    }

    /**
     * Starts Pebble as {@link #start(Path, Map, Map)} does; the certificates it issues name an
     * OCSP responder in their Authority Information Access extension.
     *
     * @param workDir                where the configuration, TLS files and logs are written
     * @param extraEnv               variables for Pebble that override the defaults
     * @param externalAccountMacKeys key id → base64url HMAC key; empty for no EAB
     * @param ocspResponderUrl       e.g. {@code http://127.0.0.1:<port>/}; empty for no OCSP URL
     * @return the running server
     * @throws IOException when Pebble is not installed or does not start
     */
    public static PebbleServer start(Path workDir, Map<String, String> extraEnv,
                                     Map<String, String> externalAccountMacKeys, String ocspResponderUrl)
            throws IOException {
        Objects.requireNonNull(ocspResponderUrl, "ocspResponderUrl");
        Objects.requireNonNull(extraEnv, "extraEnv");
        Objects.requireNonNull(externalAccountMacKeys, "externalAccountMacKeys");
        Path pebbleBinary = Executables.find("pebble");
        Path challengeTestServerBinary = Executables.find("pebble-challtestsrv");
        Path dir = workDir.toAbsolutePath();
        Files.createDirectories(dir);
        TlsFiles tls = TlsFiles.generate(dir);
        SSLContext sslContext = trusting(tls.ca());

        Map<String, String> env = new LinkedHashMap<>();
        env.put("PEBBLE_VA_NOSLEEP", "1");
        env.put("PEBBLE_WFE_NONCEREJECT", "0");
        env.put("PEBBLE_AUTHZREUSE", "0");
        env.putAll(extraEnv);

        for (int attempt = 1; ; attempt++) {
            int[] ports = FreePorts.pick(PORT_COUNT);
            PebbleConfig config = new PebbleConfig(ports[1], ports[2], ports[3], ports[4], tls, externalAccountMacKeys,
                    ocspResponderUrl);
            Path configFile = config.write(dir.resolve("pebble-config.json"));
            ManagedProcess challengeTestServer = ManagedProcess.start("pebble-challtestsrv", List.of(
                    challengeTestServerBinary.toString(),
                    "-defaultIPv4", "127.0.0.1",
                    "-defaultIPv6", "",
                    "-dns01", "127.0.0.1:" + ports[0],
                    "-http01", "",
                    "-https01", "",
                    "-tlsalpn01", "",
                    "-management", "127.0.0.1:" + ports[5]),
                    Map.of(), dir, dir.resolve("challtestsrv.log"));
            ManagedProcess pebble;
            try {
                // "-strict=false", not "-strict false": Go's flag package would take "false" as
                // the first non-flag argument and ignore every flag after it.
                pebble = ManagedProcess.start("pebble", List.of(
                        pebbleBinary.toString(),
                        "-config", configFile.toString(),
                        "-dnsserver", "127.0.0.1:" + ports[0],
                        "-strict=false"),
                        env, dir, dir.resolve("pebble.log"));
            } catch (IOException e) {
                challengeTestServer.stop();
                throw e;
            }
            PebbleServer server = new PebbleServer(dir, tls, sslContext, ports, challengeTestServer, pebble);
            try {
                server.awaitReady();
                return server;
            } catch (PortTakenException e) {
                server.close();
                if (attempt == START_ATTEMPTS) {
                    throw new IOException("Pebble could not bind its ports in " + START_ATTEMPTS + " attempts; "
                            + e.getMessage(), e);
                }
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long pauseMillis = 20;
        for (int poll = 0; poll < MAX_READY_POLLS && System.nanoTime() < deadline; poll++) {
            if (!challengeTestServer.isAlive() || !pebble.isAlive()) {
                if (challengeTestServer.lostPortRace() || pebble.lostPortRace()) {
                    throw new PortTakenException(processReport());
                }
                throw new IOException("Pebble failed to start.\n" + processReport());
            }
            if (dnsServerListens() && answers(directoryUrl()) && answers(managementUrl().resolve("/roots/0"))) {
                return;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for Pebble to start");
            }
            pauseMillis = Math.min(pauseMillis * 2, 250);
        }
        throw new IOException("Pebble did not answer at " + directoryUrl() + " within " + READY_TIMEOUT.toSeconds()
                + " s.\n" + processReport());
    }

    private boolean dnsServerListens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", ports[0]), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean answers(URI uri) throws InterruptedIOException {
        try {
            return get(uri).statusCode() == 200;
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            return false;
        }
    }

    private String processReport() {
        return challengeTestServer.describe() + "\n" + pebble.describe();
    }

    /**
     * Returns the ACME directory URL.
     *
     * @return {@code https://127.0.0.1:<port>/dir}
     */
    public URI directoryUrl() {
        return URI.create("https://127.0.0.1:" + ports[1] + "/dir");
    }

    /**
     * Returns the base URL of Pebble's management interface.
     *
     * @return {@code https://127.0.0.1:<port>}
     */
    public URI managementUrl() {
        return URI.create("https://127.0.0.1:" + ports[4]);
    }

    /**
     * Returns the base URL of the fake DNS server's management interface, where a test can
     * add DNS records (see the pebble-challtestsrv documentation).
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI challengeTestServerManagementUrl() {
        return URI.create("http://127.0.0.1:" + ports[5]);
    }

    /**
     * Returns the file with the CA certificate that signed Pebble's HTTPS certificate.
     *
     * @return a PEM file in the work directory; what a client must trust to talk to Pebble
     */
    public Path trustAnchorPem() {
        return tls.caPem();
    }

    /**
     * Returns the CA certificate that signed Pebble's HTTPS certificate.
     *
     * @return the trust anchor for connections to Pebble
     */
    public X509Certificate trustAnchor() {
        return tls.ca();
    }

    /**
     * Returns a TLS context that trusts only {@link #trustAnchor()}.
     *
     * @return the context, for HTTPS calls to Pebble from the harness and from tests
     */
    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * Returns the port Pebble's validation authority connects to for http-01 challenges.
     *
     * @return the port on 127.0.0.1 where a {@link ChallengeWebServer} must listen
     */
    public int httpChallengePort() {
        return ports[2];
    }

    /**
     * Returns the work directory with configuration, TLS files and logs.
     *
     * @return the absolute directory
     */
    public Path workDir() {
        return workDir;
    }

    /**
     * Returns the process id of {@code pebble}.
     *
     * @return the PID
     */
    public long pebblePid() {
        return pebble.pid();
    }

    /**
     * Kills {@code pebble} with SIGKILL by its PID, as a crash would, and waits until it has
     * ended; the fake DNS server keeps running, so that {@link #restartPebble()} can bring the
     * CA back on the same ports. ACME requests get "connection refused" meanwhile.
     *
     * @throws IOException when it is still alive after 10 s
     */
    public void killPebble() throws IOException {
        if (!pebble.killAndWait(Duration.ofSeconds(10))) {
            throw new IOException("pebble (pid " + pebble.pid() + ") is still alive 10 s after SIGKILL");
        }
    }

    /**
     * Starts {@code pebble} again after {@link #killPebble()}, with the same configuration
     * file, ports, HTTPS certificate and environment, and waits until it answers. The URLs,
     * {@link #trustAnchor()} and {@link #httpChallengePort()} stay valid; Pebble keeps no
     * state across a restart: accounts, orders and authorizations are gone and
     * {@link #issuingRoot()} is a new one, as after a CA's data loss.
     *
     * @throws IOException when Pebble does not start or answer within 15 s
     * @throws IllegalStateException when Pebble still runs
     */
    public void restartPebble() throws IOException {
        pebble = pebble.startAgain();
        awaitReady();
    }

    /**
     * Returns the process id of {@code pebble-challtestsrv}.
     *
     * @return the PID
     */
    public long challengeTestServerPid() {
        return challengeTestServer.pid();
    }

    /**
     * Fetches the root certificate Pebble issues under; it is generated anew at each start.
     *
     * @return the root of the chains Pebble issues ({@code GET /roots/0} on the management interface)
     * @throws IOException when it cannot be fetched or parsed
     */
    public X509Certificate issuingRoot() throws IOException {
        return issuingRoot(0);
    }

    /**
     * Fetches one of the roots Pebble issues under: 0 for the default chain, 1 and up for the
     * alternate chains of {@code PEBBLE_ALTERNATE_ROOTS}.
     *
     * @param index the chain's number
     * @return its root ({@code GET /roots/<index>} on the management interface)
     * @throws IOException when it cannot be fetched or parsed
     */
    public X509Certificate issuingRoot(int index) throws IOException {
        HttpResponse<String> response = checked(get(managementUrl().resolve("/roots/" + index)));
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(response.body().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IOException("Pebble's /roots/" + index + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Fetches the intermediate certificate that signs the certificates Pebble issues.
     *
     * @return its PEM text ({@code GET /intermediates/0} on the management interface)
     * @throws IOException when it cannot be fetched
     */
    public String intermediatePem() throws IOException {
        return checked(get(managementUrl().resolve("/intermediates/0"))).body();
    }

    /**
     * Fetches the private key of the intermediate, so that a test can run an OCSP responder for
     * Pebble's certificates.
     *
     * @return its PEM text ({@code GET /intermediate-keys/0} on the management interface)
     * @throws IOException when it cannot be fetched
     */
    public String intermediateKeyPem() throws IOException {
        return checked(get(managementUrl().resolve("/intermediate-keys/0"))).body();
    }

    /**
     * Fetches what Pebble knows about an issued certificate, including whether it is revoked.
     *
     * @param serial the certificate's serial number
     * @return the JSON body, with fields {@code Status} ({@code Valid} or {@code Revoked}),
     *         {@code Serial}, {@code Certificate}, and for revoked ones {@code Reason} and {@code RevokedAt}
     * @throws IOException when Pebble does not know the serial or cannot be asked
     */
    public String certificateStatus(BigInteger serial) throws IOException {
        return checked(get(managementUrl().resolve("/cert-status-by-serial/" + serial.toString(16)))).body();
    }

    private HttpResponse<String> get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while requesting " + uri);
        }
    }

    private static HttpResponse<String> checked(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("GET " + response.uri() + " returned HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private static SSLContext trusting(X509Certificate anchor) throws IOException {
        try {
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("pebble-tls-ca", anchor);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build a TLS context for Pebble: " + e.getMessage(), e);
        }
    }

    /**
     * Stops both processes by PID (terminate, wait at most 5 s, then kill) and waits for them
     * to end. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            pebble.stop();
        } finally {
            challengeTestServer.stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook runs anyway and finds nothing to do.
        }
    }

    private void killNow() {
        if (closed.compareAndSet(false, true)) {
            pebble.kill();
            challengeTestServer.kill();
        }
    }

    @Override
    public String toString() {
        return "PebbleServer[" + directoryUrl() + ", http-01 port " + httpChallengePort() + "]";
    }

    /** One of the chosen ports was taken by another process before Pebble could bind it. */
    private static final class PortTakenException extends IOException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
