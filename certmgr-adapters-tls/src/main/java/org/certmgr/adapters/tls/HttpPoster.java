package org.certmgr.adapters.tls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Sends one POST with bounded connect and response timeouts and a bounded response size. */
final class HttpPoster {
    /** OCSP responses and SCTs are a few kilobytes; anything much larger is not one. */
    static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private final Duration timeout;
    private HttpClient http;

    HttpPoster(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The client, made at the first request: making it sets up TLS (the JVM's trust store is
     * read), which a run whose OCSP responses and SCTs are all fresh should not pay for.
     */
    private synchronized HttpClient http() {
        if (http == null) {
            // HTTP/1.1: OCSP responders and CT logs are plain HTTP servers, and some (openssl ocsp)
            // never answer the h2c upgrade request that Java sends by default.
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .build();
        }
        return http;
    }

    /**
     * Posts a body and returns the response body of a 200 answer.
     *
     * @throws IOException for no connection, a timeout, another status or a response too large
     */
    byte[] post(URI uri, String contentType, String accept, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = sendOnceMore(request);
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedIOException e) {
            throw new IOException("interrupted", e);
        } catch (ConnectException e) {
            throw new IOException("cannot connect (connection refused or unreachable)", e);
        } catch (IOException e) {
            throw new IOException("connection failed (" + describe(e) + ")", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_RESPONSE_BYTES) {
            throw new IOException("response of " + response.body().length + " bytes is too large");
        }
        return response.body();
    }

    /**
     * Sends, and sends once more when the connection broke before any answer: simple
     * responders (openssl ocsp) answer in HTTP/1.0 and close the connection, which the client
     * may already have put back in its pool and then reuse. Both requests are safe to repeat.
     */
    private HttpResponse<byte[]> sendOnceMore(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException | ConnectException | InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            return http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static String describe(IOException e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
