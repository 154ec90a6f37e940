package org.certmgr.testkit.pebble;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A small web server on 127.0.0.1 that answers http-01 challenges from files, the way a web
 * server configured with one document root per host would.
 *
 * <p>{@code GET /.well-known/acme-challenge/<token>} with {@code Host: <h>} is answered with
 * the file {@code <webRoot>/<h>/.well-known/acme-challenge/<token>}. A host or token that is
 * not a plain name (e.g. containing {@code ..}, {@code /} or percent escapes), a file that
 * does not exist, or a path that leads outside the web root (also through a symbolic link)
 * gets 404. Other methods get 405.
 */
public final class ChallengeWebServer implements AutoCloseable {
    private static final String PREFIX = "/.well-known/acme-challenge/";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern HOST = Pattern.compile(
            "[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path webRoot;
    private final AtomicInteger served = new AtomicInteger();

    private ChallengeWebServer(HttpServer server, ExecutorService executor, Path webRoot) {
        this.server = server;
        this.executor = executor;
        this.webRoot = webRoot;
    }

    /**
     * Starts serving challenge files.
     *
     * @param port    the port on 127.0.0.1, usually {@link PebbleServer#httpChallengePort()}
     * @param webRoot the directory holding one folder per host name; created if missing
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static ChallengeWebServer start(int port, Path webRoot) throws IOException {
        Files.createDirectories(webRoot);
        Path root = webRoot.toRealPath();
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, port), 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "challenge-web-server-" + port);
            thread.setDaemon(true);
            return thread;
        });
        ChallengeWebServer web = new ChallengeWebServer(server, executor, root);
        server.createContext("/", web::handle);
        server.setExecutor(executor);
        server.start();
        return web;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Optional<byte[]> content = lookUp(exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Host"));
            if (content.isEmpty()) {
                byte[] body = "not found\n".getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(404, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            served.incrementAndGet();
            byte[] body = content.get();
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /**
     * Finds the file for a request.
     *
     * @param rawPath    the request path, still percent-encoded
     * @param hostHeader the Host header, possibly with a port
     * @return the content, or empty for 404
     * @throws IOException when an existing file cannot be read
     */
    private Optional<byte[]> lookUp(String rawPath, String hostHeader) throws IOException {
        if (rawPath == null || !rawPath.startsWith(PREFIX) || hostHeader == null) {
            return Optional.empty();
        }
        String token = rawPath.substring(PREFIX.length());
        Optional<String> host = hostName(hostHeader);
        if (!TOKEN.matcher(token).matches() || host.isEmpty()) {
            return Optional.empty();
        }
        Path file = webRoot.resolve(host.get()).resolve(".well-known").resolve("acme-challenge").resolve(token);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        // The checks above keep the path inside; this one also catches symbolic links leading out.
        Path real = file.toRealPath();
        if (!real.startsWith(webRoot) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(real));
    }

    private static Optional<String> hostName(String hostHeader) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return HOST.matcher(host).matches() ? Optional.of(host) : Optional.empty();
    }

    /**
     * Returns the directory files are served from.
     *
     * @return the web root, as a real path
     */
    public Path webRoot() {
        return webRoot;
    }

    /**
     * Returns the directory for one host's challenge files.
     *
     * @param host the host name as the CA sends it in the Host header
     * @return {@code <webRoot>/<host>/.well-known/acme-challenge} (not created)
     * @throws IllegalArgumentException when {@code host} is not a plain host name
     */
    public Path challengeDirectory(String host) {
        String name = hostName(host).orElseThrow(() -> new IllegalArgumentException("not a host name: " + host));
        return webRoot.resolve(name).resolve(".well-known").resolve("acme-challenge");
    }

    /**
     * Returns the port the server listens on.
     *
     * @return the port on 127.0.0.1
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Returns the number of challenge requests answered with a file so far.
     *
     * @return the count of 200 responses
     */
    public int requestCount() {
        return served.get();
    }

    /** Stops the server at once and ends its threads. */
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

    @Override
    public String toString() {
        return "ChallengeWebServer[127.0.0.1:" + port() + ", " + webRoot + "]";
    }
}
