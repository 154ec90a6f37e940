package org.certmgr.testkit.ct;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 6962 log on 127.0.0.1 that implements {@code POST ct/v1/add-chain} and signs real
 * SCTs (ECDSA P-256 with SHA-256, over the {@code x509_entry} of the submitted leaf) with a key
 * generated at start. Its {@link Behaviour} lets a test make it misbehave.
 */
public final class TestCtLog implements AutoCloseable {
    /** How the log answers. */
    public enum Behaviour {
        /** A valid SCT. */
        VALID,
        /** A validly signed SCT that carries another log's ID. */
        WRONG_LOG_ID,
        /** An SCT whose signature is over other data. */
        BAD_SIGNATURE,
        /** HTTP 503. */
        SERVER_ERROR,
        /** No answer for {@link #SLOW_MILLIS}, longer than a client should wait. */
        SLOW,
        /** HTTP 200 with a body that is not JSON. */
        GARBAGE
    }

    /** How long a {@link Behaviour#SLOW} log waits before answering. */
    public static final long SLOW_MILLIS = 3_000;

    private static final Pattern FIRST_CERTIFICATE = Pattern.compile("\"chain\"\\s*:\\s*\\[\\s*\"([A-Za-z0-9+/=]+)\"");

    private final HttpServer server;
    private final ExecutorService executor;
    private final KeyPair key;
    private final AtomicInteger submissions = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.VALID;

    private TestCtLog(HttpServer server, ExecutorService executor, KeyPair key) {
        this.server = server;
        this.executor = executor;
        this.key = key;
    }

    /**
     * Starts a log on a free 127.0.0.1 port.
     *
     * @return the running log
     * @throws IOException when it cannot listen
     */
    public static TestCtLog start() throws IOException {
        KeyPair key;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            key = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no P-256 key generator", e);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread t = new Thread(runnable, "test-ct-log");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        TestCtLog log = new TestCtLog(server, executor, key);
        server.createContext("/ct/v1/add-chain", log::handle);
        server.start();
        return log;
    }

    /**
     * Sets how the log answers from now on.
     *
     * @param behaviour the behaviour
     * @return this log
     */
    public TestCtLog behave(Behaviour behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    /**
     * Returns the base URL.
     *
     * @return {@code http://127.0.0.1:<port>/}
     */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /**
     * Returns the log's public key.
     *
     * @return DER SubjectPublicKeyInfo in base64
     */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
    }

    /**
     * Returns the log's ID.
     *
     * @return the SHA-256 of the public key, in base64
     */
    public String logId() {
        return Base64.getEncoder().encodeToString(sha256(key.getPublic().getEncoded()));
    }

    /**
     * Returns how many {@code add-chain} requests arrived.
     *
     * @return the count
     */
    public int submissions() {
        return submissions.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            submissions.incrementAndGet();
            byte[] request = exchange.getRequestBody().readAllBytes();
            Behaviour now = behaviour;
            if (now == Behaviour.SLOW) {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Matcher m = FIRST_CERTIFICATE.matcher(new String(request, StandardCharsets.UTF_8));
            if (!"POST".equals(exchange.getRequestMethod()) || !m.find()) {
                send(exchange, 400, "{\"error\":\"bad request\"}");
            } else if (now == Behaviour.SERVER_ERROR) {
                send(exchange, 503, "{\"error\":\"unavailable\"}");
            } else if (now == Behaviour.GARBAGE) {
                send(exchange, 200, "<html>not json</html>");
            } else {
                send(exchange, 200, sct(Base64.getDecoder().decode(m.group(1)), now));
            }
        }
    }

    private String sct(byte[] leaf, Behaviour now) {
        long timestamp = System.currentTimeMillis();
        byte[] signed = signedData(now == Behaviour.BAD_SIGNATURE ? new byte[] {1, 2, 3} : leaf, timestamp);
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key.getPrivate());
            signer.update(signed);
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer digitallySigned = ByteBuffer.allocate(4 + signature.length)
                .put((byte) 4).put((byte) 3).putShort((short) signature.length).put(signature);
        byte[] id = sha256(key.getPublic().getEncoded());
        if (now == Behaviour.WRONG_LOG_ID) {
            id = sha256(id);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        return "{\"sct_version\":0,\"id\":\"" + b64.encodeToString(id) + "\",\"timestamp\":" + timestamp
                + ",\"extensions\":\"\",\"signature\":\"" + b64.encodeToString(digitallySigned.array()) + "\"}";
    }

    /** RFC 6962 section 3.2: what the log signs for an x509_entry without extensions. */
    private static byte[] signedData(byte[] leaf, long timestamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
        out.writeBytes(new byte[] {0, 0});
        out.writeBytes(new byte[] {(byte) (leaf.length >>> 16), (byte) (leaf.length >>> 8), (byte) leaf.length});
        out.writeBytes(leaf);
        out.writeBytes(new byte[] {0, 0});
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a log as a program, for benchmarks and trying certmgr by hand: writes
     * {@code CT_URL}, {@code CT_ID} and {@code CT_KEY} as shell variables to the given file, then
     * serves until standard input closes.
     *
     * @param args one argument: the file to write
     * @throws IOException when the log cannot start or the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TestCtLog <env-file>");
            System.exit(2);
        }
        try (TestCtLog log = start()) {
            Path env = Path.of(args[0]);
            Path partial = Path.of(args[0] + ".tmp");
            Files.writeString(partial, "CT_URL='" + log.url() + "'\nCT_ID='" + log.logId()
                    + "'\nCT_KEY='" + log.publicKey() + "'\n", StandardCharsets.UTF_8);
            Files.move(partial, env, StandardCopyOption.ATOMIC_MOVE);
            while (System.in.read() >= 0) {
                // Input is ignored; only its end matters.
            }
        }
    }

    /** Stops listening and ends the handler threads, interrupting a slow answer. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
