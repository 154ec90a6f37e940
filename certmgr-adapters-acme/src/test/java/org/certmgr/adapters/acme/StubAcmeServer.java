package org.certmgr.adapters.acme;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted ACME server on 127.0.0.1 for unit tests of the wire behaviour: directory,
 * nonces, and per-path queues of canned replies. It does not check signatures.
 */
final class StubAcmeServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger nonces = new AtomicInteger();
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final Map<String, Reply> sticky = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> payloads = Collections.synchronizedList(new ArrayList<>());
    private volatile String profilesJson = "";
    private volatile boolean renewalInfo;

    /**
     * A canned reply.
     *
     * @param status      the HTTP status
     * @param contentType the content type
     * @param body        the body
     * @param headers     extra headers
     */
    record Reply(int status, String contentType, String body, Map<String, String> headers) {
        static Reply json(int status, String body, Map<String, String> headers) {
            return new Reply(status, "application/json", body, headers);
        }

        static Reply problem(int status, String type, String detail, Map<String, String> headers) {
            return new Reply(status, "application/problem+json",
                    "{\"type\":\"urn:ietf:params:acme:error:" + type + "\",\"detail\":\"" + detail + "\"}", headers);
        }
    }

    StubAcmeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI directoryUrl() {
        return URI.create(base() + "/dir");
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every request to a path that finds no queued reply with this one. */
    void always(String path, Reply reply) {
        sticky.put(path, reply);
    }

    /** Queues a reply for the next request to a path. */
    void enqueue(String path, Reply reply) {
        replies.computeIfAbsent(path, p -> new ArrayDeque<>()).add(reply);
    }

    /** Makes the directory offer ACME Renewal Information at {@code /renewal-info/<id>}. */
    void offerRenewalInfo() {
        renewalInfo = true;
    }

    /** Makes the directory advertise ACME profiles (name → description). */
    void profiles(Map<String, String> profiles) {
        StringBuilder json = new StringBuilder(",\"profiles\":{");
        profiles.forEach((name, description) -> json.append(json.length() > 13 ? "," : "")
                .append('"').append(name).append("\":\"").append(description).append('"'));
        profilesJson = json.append('}').toString();
    }

    /** Returns "path payload-json" of every signed request so far. */
    List<String> payloads() {
        synchronized (payloads) {
            return List.copyOf(payloads);
        }
    }

    /** Returns "METHOD path" of every request so far. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        java.util.regex.Matcher payload = java.util.regex.Pattern.compile("\"payload\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(body);
        if (payload.find()) {
            payloads.add(path + " " + new String(java.util.Base64.getUrlDecoder().decode(payload.group(1)),
                    StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().add("Replay-Nonce", "nonce" + nonces.incrementAndGet());
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        if (path.equals("/dir")) {
            send(exchange, Reply.json(200, "{\"newNonce\":\"" + base() + "/nonce\",\"newAccount\":\"" + base()
                    + "/new-account\",\"newOrder\":\"" + base() + "/new-order\""
                    + (renewalInfo ? ",\"renewalInfo\":\"" + base() + "/renewal-info\"" : "")
                    + ",\"meta\":{\"termsOfService\":\""
                    + base() + "/tos\",\"website\":\"https://ca.example.test/\"" + profilesJson + "}}", Map.of()));
        } else if (path.equals("/nonce")) {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        } else {
            Deque<Reply> queue = replies.get(path);
            Reply reply = queue == null ? null : queue.poll();
            if (reply == null) {
                reply = sticky.get(path);
            }
            send(exchange, reply != null ? reply : Reply.problem(404, "malformed", "no reply scripted for " + path, Map.of()));
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
