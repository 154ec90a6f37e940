package org.certmgr.testkit.pebble;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * A local Pebble CA and challenge web server as a program, for {@code scripts/demo} and for
 * trying certmgr by hand: {@code LocalCa <work-dir> [<ocsp-port>]}. With an OCSP port, the
 * certificates Pebble issues name {@code http://127.0.0.1:<ocsp-port>/} as their OCSP
 * responder, and the intermediate's certificate and key are written to the work directory
 * ({@code intermediate.pem}, {@code intermediate.key}) for a responder to sign with.
 *
 * <p>It writes {@code <work-dir>/local-ca.env} (shell variables: the directory URL, the file
 * of the CA that signed Pebble's HTTPS certificate, the challenge web root, and Pebble's root
 * certificate for {@code openssl verify}) once everything answers, then runs until its
 * standard input closes or it is terminated, and stops Pebble on the way out.
 */
public final class LocalCa {
    private LocalCa() {
    }

    /**
     * Runs the local CA.
     *
     * @param args the work directory, optionally followed by the OCSP responder's port
     * @throws IOException when Pebble cannot be started
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: LocalCa <work-dir> [<ocsp-port>]");
            System.exit(2);
        }
        Path work = Path.of(args[0]).toAbsolutePath();
        // PEBBLE_* variables of our own environment (e.g. PEBBLE_AUTHZREUSE=100) go on to Pebble.
        Map<String, String> pebbleEnv = new TreeMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("PEBBLE_")) {
                pebbleEnv.put(name, value);
            }
        });
        String ocspUrl = args.length == 2 ? "http://127.0.0.1:" + Integer.parseInt(args[1]) + "/" : "";
        PebbleServer pebble = PebbleServer.start(work.resolve("pebble"), pebbleEnv, Map.of(), ocspUrl);
        ChallengeWebServer web;
        try {
            web = ChallengeWebServer.start(pebble.httpChallengePort(), work.resolve("www"));
        } catch (IOException e) {
            pebble.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            pebble.close();
        }, "local-ca-stop"));

        Path rootPem = work.resolve("pebble-root.pem");
        Files.writeString(rootPem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(encoded(pebble))
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        if (!ocspUrl.isEmpty()) {
            Files.writeString(work.resolve("intermediate.pem"), pebble.intermediatePem(), StandardCharsets.US_ASCII);
            Files.writeString(work.resolve("intermediate.key"), pebble.intermediateKeyPem(), StandardCharsets.US_ASCII);
        }
        Path env = work.resolve("local-ca.env");
        Path partial = work.resolve("local-ca.env.tmp");
        Files.writeString(partial, "DIRECTORY_URL='" + pebble.directoryUrl() + "'\n"
                + "ACME_CA_BUNDLE='" + pebble.trustAnchorPem() + "'\n"
                + "WEB_ROOT='" + web.webRoot() + "'\n"
                + "PEBBLE_ROOT='" + rootPem + "'\n"
                + "PEBBLE_PID='" + pebble.pebblePid() + "'\n", StandardCharsets.UTF_8);
        Files.move(partial, env, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("local CA ready: " + pebble.directoryUrl());

        // Runs until stdin closes (the demo closes it) or the process is terminated.
        InputStream in = System.in;
        while (in.read() >= 0) {
            // Input is ignored; only its end matters.
        }
        System.exit(0);
    }

    private static byte[] encoded(PebbleServer pebble) throws IOException {
        try {
            return pebble.issuingRoot().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException("cannot encode Pebble's root certificate", e);
        }
    }
}
