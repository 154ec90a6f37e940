package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.FileSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader of the installed files never sees a mix of two sets while commits switch between
 * them.
 *
 * <p>Two kinds of reader are checked. A reader that opens each file by its path through the
 * link (as a TLS server reading its configured paths does) must get each file complete, from
 * one set or the other, and never miss one. A reader that resolves the link once and reads the
 * pair below that one folder (an open directory, as with openat) must get a matching pair.
 * (Two separate opens through the link may fall on either side of a switch; no store can
 * prevent that, which is why servers are reloaded after a change.)
 */
class GenerationStoreReaderTest {
    private static final CertificateName NAME = CertificateName.of("www.example.test");
    private static final int COMMITS = 200;
    private static final int MAX_READS = 1_000_000;

    @TempDir
    Path dataDir;

    private static FileSet set(String version) {
        return FileSet.of(Map.of(
                "rsa/cert.pem", ("cert " + version + " ").repeat(200).getBytes(StandardCharsets.UTF_8),
                "rsa/chain.pem", "shared chain".getBytes(StandardCharsets.UTF_8),
                "rsa/keys/key.pem", ("key " + version + " ").repeat(300).getBytes(StandardCharsets.UTF_8)));
    }

    /** A clock one second later on each call, so every archive gets its own folder name. */
    private static Clock tickingClock() {
        return new Clock() {
            private long seconds;

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                return Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofSeconds(seconds++));
            }
        };
    }

    @Test
    void givenCommitsAlternatingTwoSets_thenEveryReadIsCompleteAndEveryPairMatches() throws Exception {
        FileSet a = set("A");
        FileSet b = set("B");
        String certA = a.text("rsa/cert.pem").orElseThrow();
        String certB = b.text("rsa/cert.pem").orElseThrow();
        String keyA = a.text("rsa/keys/key.pem").orElseThrow();
        String keyB = b.text("rsa/keys/key.pem").orElseThrow();
        CertificateStore store = FsAdapters.certificateStore(dataDir, FileOwnership.CURRENT_USER, tickingClock());
        store.commit(NAME, a, Set.of());
        Path link = dataDir.resolve(NAME.folderName());
        try (DirectoryStream<Path> probe = Files.newDirectoryStream(link)) {
            Assumptions.assumeTrue(probe instanceof SecureDirectoryStream, "needs openat (SecureDirectoryStream)");
        }
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> reader = pool.submit(() -> {
                List<String> problems = new ArrayList<>();
                int completeReads = 0;
                for (int i = 0; i < MAX_READS && !done.get() && problems.size() < 10; i++) {
                    String cert;
                    String key;
                    String[] pair;
                    try {
                        cert = Files.readString(link.resolve("rsa/cert.pem"));
                        key = Files.readString(link.resolve("rsa/keys/key.pem"));
                        pair = readPairThroughOneResolution(link);
                    } catch (NoSuchFileException e) {
                        // This reader outlived two whole commits: the generation it was in is
                        // deleted at the second one. (A replaced generation stays for a whole
                        // run; here commits follow each other within milliseconds.)
                        continue;
                    }
                    completeReads++;
                    if (!cert.equals(certA) && !cert.equals(certB)) {
                        problems.add("torn cert.pem read through the link, " + cert.length() + " chars");
                    }
                    if (!key.equals(keyA) && !key.equals(keyB)) {
                        problems.add("torn key.pem read through the link, " + key.length() + " chars");
                    }
                    boolean fromA = pair[0].equals(certA) && pair[1].equals(keyA);
                    boolean fromB = pair[0].equals(certB) && pair[1].equals(keyB);
                    if (!fromA && !fromB) {
                        problems.add("mixed pair: cert " + label(pair[0], certA, certB)
                                + ", key " + label(pair[1], keyA, keyB));
                    }
                }
                if (completeReads == 0) {
                    problems.add("no read completed");
                }
                return problems;
            });
            Future<?> committer = pool.submit(() -> {
                try {
                    for (int i = 0; i < COMMITS; i++) {
                        store.commit(NAME, i % 2 == 0 ? b : a, Set.of());
                    }
                } finally {
                    done.set(true);
                }
                return null;
            });

            committer.get(5, TimeUnit.MINUTES);
            assertThat(reader.get(5, TimeUnit.MINUTES)).isEmpty();
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
        assertThat(store.current(NAME)).contains(a);
        assertThat(FsTestFiles.archiveFolders(dataDir, NAME.folderName())).hasSize(COMMITS);
    }

    private static String label(String content, String a, String b) {
        return content.equals(a) ? "of A" : content.equals(b) ? "of B" : "torn (" + content.length() + " chars)";
    }

    /** Opens the folder the link points to once, then reads both files relative to it. */
    private static String[] readPairThroughOneResolution(Path link) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(link)) {
            SecureDirectoryStream<Path> dir = (SecureDirectoryStream<Path>) stream;
            return new String[] {read(dir, "rsa/cert.pem"), read(dir, "rsa/keys/key.pem")};
        }
    }

    private static String read(SecureDirectoryStream<Path> dir, String relative) throws IOException {
        try (SeekableByteChannel channel = dir.newByteChannel(Path.of(relative), Set.of(StandardOpenOption.READ))) {
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // Keep reading until the whole file is in.
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }
}
