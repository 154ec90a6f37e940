package org.certmgr.testkit.pebble;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real OCSP responder, {@code openssl ocsp}, running as a child process that answers from an
 * index file in the format of {@code openssl ca}. It listens on the given port (openssl binds
 * every interface; clients connect to 127.0.0.1). Stop it with {@link #close()}, which ends it
 * by PID.
 *
 * <p>openssl re-reads a changed index only after answering the next request, so a test that
 * changes statuses starts a new responder instead.
 */
public final class OpensslOcspResponder implements AutoCloseable {
    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int MAX_READY_POLLS = 200;
    private static final long POLL_MILLIS = 25;
    private static final String READY = "waiting for OCSP client connections";

    private final ManagedProcess process;
    private final int port;

    private OpensslOcspResponder(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Picks a free TCP port on 127.0.0.1, e.g. to name in certificates before the responder runs.
     *
     * @return the port
     * @throws IOException when none can be found
     */
    public static int freePort() throws IOException {
        return FreePorts.pick(1)[0];
    }

    /**
     * Returns the index line of a certificate.
     *
     * @param certificate the certificate
     * @param revoked     whether it is listed as revoked (revoked at its notBefore)
     * @return a line of {@code index.txt}, with its newline
     */
    public static String indexLine(X509Certificate certificate, boolean revoked) {
        String serial = certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        if (serial.length() % 2 == 1) {
            serial = "0" + serial;
        }
        String expiry = INDEX_TIME.format(certificate.getNotAfter().toInstant());
        String revokedAt = revoked ? INDEX_TIME.format(certificate.getNotBefore().toInstant()) : "";
        return (revoked ? "R" : "V") + "\t" + expiry + "\t" + revokedAt + "\t" + serial + "\tunknown\t"
                + certificate.getSubjectX500Principal().getName() + "\n";
    }

    /**
     * Starts {@code openssl ocsp} and waits until it accepts connections.
     *
     * @param dir        where the index, the PEM files and the log are written
     * @param port       the port to listen on
     * @param issuerPem  the certificate whose certificates it answers for ({@code -CA})
     * @param signerPem  the certificate it signs with ({@code -rsigner}), the issuer or a delegate
     * @param signerKey  that certificate's private key ({@code -rkey})
     * @param index      the index file's content, see {@link #indexLine}
     * @param validity   validity arguments, e.g. {@code -ndays 1} or {@code -nmin 1}
     * @return the running responder
     * @throws IOException when openssl is missing or does not listen within 5 s
     */
    public static OpensslOcspResponder start(Path dir, int port, String issuerPem, String signerPem, String signerKey,
                                             String index, List<String> validity) throws IOException {
        Files.createDirectories(dir);
        Path indexFile = Files.writeString(dir.resolve("index.txt"), index, StandardCharsets.UTF_8);
        // The RSA and ECDSA certificates of one name share their subject.
        Files.writeString(dir.resolve("index.txt.attr"), "unique_subject = no\n", StandardCharsets.US_ASCII);
        Path issuer = Files.writeString(dir.resolve("issuer.pem"), issuerPem, StandardCharsets.US_ASCII);
        Path signer = Files.writeString(dir.resolve("signer.pem"), signerPem, StandardCharsets.US_ASCII);
        Path key = Files.writeString(dir.resolve("signer.key"), signerKey, StandardCharsets.US_ASCII);
        List<String> command = new ArrayList<>(List.of(Executables.find("openssl").toString(), "ocsp",
                "-index", indexFile.toString(), "-port", Integer.toString(port), "-CA", issuer.toString(),
                "-rsigner", signer.toString(), "-rkey", key.toString()));
        command.addAll(validity);
        // A log left by an earlier responder in the same folder would read as ready at once.
        Path log = dir.resolve("ocsp.log");
        Files.deleteIfExists(log);
        ManagedProcess process = ManagedProcess.start("openssl-ocsp", command, Map.of(), dir, log);
        OpensslOcspResponder responder = new OpensslOcspResponder(process, port);
        try {
            responder.awaitListening(log);
            return responder;
        } catch (IOException | RuntimeException e) {
            responder.close();
            throw e;
        }
    }

    /**
     * Waits for openssl's "waiting for OCSP client connections" line. Probing the port instead
     * would hang it: it serves one connection at a time and waits for a request on a probe
     * that sends none.
     */
    private void awaitListening(Path log) throws IOException {
        for (int poll = 0; poll < MAX_READY_POLLS; poll++) {
            if (!process.isAlive()) {
                throw new IOException("openssl ocsp ended.\n" + process.describe());
            }
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(READY)) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for openssl ocsp");
            }
        }
        throw new IOException("openssl ocsp does not listen on port " + port + ".\n" + process.describe());
    }

    /**
     * Returns the responder's URL.
     *
     * @return {@code http://127.0.0.1:<port>/}
     */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /**
     * Returns the process id.
     *
     * @return the PID
     */
    public long pid() {
        return process.pid();
    }

    /** Stops the process by PID and waits for it to end. */
    @Override
    public void close() {
        process.stop();
    }
}
