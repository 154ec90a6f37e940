package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Checks on what certmgr installed: byte-for-byte snapshots of a data folder and complete sets. */
final class InstalledFiles {
    private InstalledFiles() {
    }

    /**
     * Every entry under {@code root}, not following links: a regular file as the SHA-256 of
     * its bytes, a symbolic link as the text of its target, a folder as "dir". Two equal
     * snapshots mean byte-identical trees, links included. What runs record ({@code .runs}: the
     * run history and the settled certificates) is left out: every run writes there, by design.
     */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String name = root.relativize(p).toString();
                if (name.equals(".runs") || name.startsWith(".runs/")) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    entries.put(name, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(name, sha256(Files.readAllBytes(p)));
                } else {
                    entries.put(name, "dir");
                }
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts a complete set in a certificate folder: params and, for each key type, a key
     * that matches its certificate (checked by openssl), a certificate file that is the leaf
     * followed by exactly the chain file and the params, and a combined key file of exactly
     * that key and certificate. All of it read through the folder's one link, so from one
     * generation.
     */
    static void assertComplete(Path folder, String context, String... keyTypes) throws Exception {
        Path generation = folder.toRealPath();
        assertThat(generation.resolve("params.pem")).as(context).isRegularFile();
        String params = Files.readString(generation.resolve("params.pem"));
        for (String type : keyTypes.length == 0 ? new String[] {"rsa", "ecdsa"} : keyTypes) {
            Path cert = generation.resolve(type + "/cert.pem");
            Path key = generation.resolve(type + "/keys/key.pem");
            assertThat(OpenSsl.run("pkey", "-in", key.toString(), "-pubout")).as(context + " " + type + " key matches")
                    .isEqualTo(OpenSsl.run("x509", "-in", cert.toString(), "-noout", "-pubkey"));
            String certText = Files.readString(cert);
            String chain = Files.readString(generation.resolve(type + "/chain.pem"));
            assertThat(chain).as(context + " " + type + " chain").startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(certText).as(context + " " + type + " cert.pem = leaf + chain + params").endsWith(chain + params);
            assertThat(certText.indexOf("-----BEGIN CERTIFICATE-----", 1)).as(context + " one leaf before the chain")
                    .isEqualTo(certText.length() - chain.length() - params.length());
            assertThat(Files.readString(generation.resolve(type + "/keys/key+cert.pem"))).as(context)
                    .isEqualTo(Files.readString(key) + certText);
        }
    }

    /** Asserts that no half-built generation, temporary link or temporary file is left under {@code data}. */
    static void assertNothingHalfWritten(Path data) throws IOException {
        try (Stream<Path> all = Files.walk(data)) {
            assertThat(all.map(p -> data.relativize(p).toString()))
                    .noneMatch(p -> p.endsWith(".partial") || p.contains(".tmp") || p.contains(".archiving~")
                            || p.endsWith("client.key.next"));
        }
    }
}
