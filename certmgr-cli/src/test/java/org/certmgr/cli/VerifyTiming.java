package org.certmgr.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.certmgr.adapters.fs.FileOwnership;
import org.certmgr.adapters.fs.FsAdapters;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.FileSet;
import org.certmgr.testkit.memory.StaticNameResolver;
import org.certmgr.testkit.tls.ServedChain;
import org.certmgr.testkit.tls.TestPki;
import org.certmgr.testkit.tls.TlsTestServer;

/**
 * Prints (never asserts) how long {@code certmgr verify} takes for 10 certificates × 2 key
 * types × 3 ports on 127.0.0.1: 60 probes against 30 JSSE test servers in this JVM, through
 * the command line in-process with a static name table. Run by {@code bench/verify-timing}.
 */
public final class VerifyTiming {
    private static final int CERTIFICATES = 10;
    private static final int PORTS = 3;

    private VerifyTiming() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the number of timed runs after the first (default 10), and a scratch folder
     * @throws Exception when setting up fails
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("verify-timing");
        TestPki pki = TestPki.create("bench");
        CertificateStore store = FsAdapters.certificateStore(dir.resolve("data"), FileOwnership.CURRENT_USER,
                Clock.systemUTC());
        Map<DnsName, List<InetAddress>> names = new HashMap<>();
        List<TlsTestServer> servers = new ArrayList<>();
        StringBuilder certificates = new StringBuilder();
        try {
            for (int i = 1; i <= CERTIFICATES; i++) {
                String name = "c" + i + ".bench.test";
                Map<KeyType, ServedChain> chains = new EnumMap<>(KeyType.class);
                chains.put(KeyType.RSA, pki.issue(KeyType.RSA, name));
                chains.put(KeyType.ECDSA, pki.issue(KeyType.ECDSA, name));
                Map<String, byte[]> files = new TreeMap<>();
                chains.forEach((type, chain) -> files.put(CertificateFiles.cert(type), pem(chain.chain())));
                store.commit(CertificateName.of(name), FileSet.of(files), Set.of());
                names.put(DnsName.of(name), List.of(InetAddress.getByName("127.0.0.1")));
                List<String> ports = new ArrayList<>();
                for (int p = 0; p < PORTS; p++) {
                    TlsTestServer server = TlsTestServer.start(chains, Optional.empty(),
                            List.of(InetAddress.getByName("127.0.0.1")));
                    servers.add(server);
                    ports.add(String.valueOf(server.port()));
                }
                certificates.append(i == 1 ? "" : ",\n").append("    { \"name\": \"").append(name)
                        .append("\", \"verify\": [").append(String.join(", ", ports)).append("] }");
            }
            Files.writeString(dir.resolve("certmgr.json"), "{\n  \"settings\": {\n"
                    + "    \"data_dir\": \"" + dir.resolve("data") + "\",\n"
                    + "    \"log_file\": null,\n"
                    + "    \"lock_file\": \"" + dir.resolve("certmgr.lock") + "\",\n"
                    + "    \"key_size\": 2048, \"key_curve\": \"secp256r1\"\n  },\n"
                    + "  \"certificates\": [\n" + certificates + "\n  ]\n}\n");
            CliEnvironment env = new CliEnvironment(dir, dir.resolve("etc"), Optional.empty(), Map.of(),
                    Optional.empty(), Clock.systemUTC(), new ByteArrayInputStream(new byte[0]), d -> { },
                    new SplittableRandom(1)).withResolver(new StaticNameResolver(names));
            long first = timeOnce(env, true);
            List<Long> times = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                times.add(timeOnce(env, false));
            }
            times.sort(Comparator.naturalOrder());
            System.out.printf("certmgr verify, %d certificates x 2 key types x %d ports = %d probes on 127.0.0.1%n",
                    CERTIFICATES, PORTS, CERTIFICATES * 2 * PORTS);
            System.out.printf("  first run in this JVM (class loading, TLS warm-up): %d ms%n", first);
            System.out.printf("  next %d runs: median %d ms, min %d ms, max %d ms%n", runs, times.get(times.size() / 2),
                    times.get(0), times.get(times.size() - 1));
        } finally {
            servers.forEach(TlsTestServer::close);
        }
    }

    private static long timeOnce(CliEnvironment env, boolean check) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        ExitCode code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new CertmgrCli(env).run(check ? new String[] {"--verbose", "verify"} : new String[] {"verify"}, o, e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (code != ExitCode.SUCCESS) {
            throw new IllegalStateException("verify failed (" + code + "):\n" + err.toString(StandardCharsets.UTF_8));
        }
        if (check) {
            long probes = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.endsWith(": ok")).count();
            if (probes != CERTIFICATES * 2 * PORTS) {
                throw new IllegalStateException("expected " + CERTIFICATES * 2 * PORTS + " probes, saw " + probes);
            }
        }
        return millis;
    }

    private static byte[] pem(List<X509Certificate> chain) {
        StringBuilder text = new StringBuilder();
        try {
            for (X509Certificate c : chain) {
                text.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
