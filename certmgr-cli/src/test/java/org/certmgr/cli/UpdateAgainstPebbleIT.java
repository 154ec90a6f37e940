package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleExtension;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end: {@code certmgr update} through the command line against a real
 * Pebble CA on 127.0.0.1 that validates real http-01 challenges, checked with openssl.
 */
@ExtendWith(PebbleExtension.class)
class UpdateAgainstPebbleIT {
    @TempDir
    Path dir;
    private Path data;
    private Path root;
    private PebbleServer pebble;
    private ChallengeWebServer web;

    @BeforeEach
    void writeRoot(PebbleServer pebble, ChallengeWebServer web) throws Exception {
        this.pebble = pebble;
        this.web = web;
        data = dir.resolve("data");
        root = dir.resolve("pebble-root.pem");
        Files.writeString(root, pem(pebble.issuingRoot().getEncoded()));
    }

    private void writeConfig(String certificates, String settings) throws IOException {
        writeConfig(certificates, settings, true);
    }

    private void writeConfig(String certificates, String settings, boolean agreeToTerms) throws IOException {
        ConfigFiles.write(dir, "certmgr.json", "{\n"
                + "  \"account\": { \"email\": \"admin@example.test\", \"agree_to_terms\": " + agreeToTerms + " },\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + ConfigFiles.json(data) + ",\n"
                + "    \"log_file\": null,\n"
                + "    \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock")) + ",\n"
                + "    \"http_challenge_dir\": " + ConfigFiles.json(web.webRoot().resolve("{fqdn}/.well-known/acme-challenge")) + ",\n"
                + "    \"acme_directory_url\": \"" + pebble.directoryUrl() + "\",\n"
                + "    \"acme_ca_bundle\": " + ConfigFiles.json(pebble.trustAnchorPem()) + settings + "\n"
                + "  },\n"
                + "  \"certificates\": " + certificates + "\n"
                + "}\n");
    }

    @Test
    void givenANewConfiguration_thenBothKeyTypesAreIssuedInstalledAndVerifiable_andASecondRunIsSilent() throws Exception {
        writeConfig("[ { \"name\": \"example.test\", \"alt_names\": { \"example.test\": [\"@\", \"www\"] } } ]", "");

        CliRun first = CliRun.in(dir, "update");

        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(first.err()).isEmpty();
        assertThat(first.out().lines()).containsExactly(
                "example.test: installed a new rsa certificate (no rsa certificate installed yet)",
                "example.test: installed a new ecdsa certificate (no ecdsa certificate installed yet)");
        for (String type : new String[] {"rsa", "ecdsa"}) {
            Path folder = data.resolve("example.test").resolve(type);
            Path cert = folder.resolve("cert.pem");
            Path chain = folder.resolve("chain.pem");
            Path key = folder.resolve("keys/key.pem");
            assertThat(OpenSsl.run("x509", "-in", cert.toString(), "-noout", "-ext", "subjectAltName").lines().skip(1)
                    .map(String::strip)).containsExactly("DNS:example.test, DNS:www.example.test");
            assertThat(OpenSsl.run("pkey", "-in", key.toString(), "-pubout"))
                    .isEqualTo(OpenSsl.run("x509", "-in", cert.toString(), "-noout", "-pubkey"));
            assertThat(OpenSsl.run("verify", "-CAfile", root.toString(), "-untrusted", chain.toString(), cert.toString()))
                    .contains(cert + ": OK");
            assertThat(countCertificates(cert)).isEqualTo(1 + countCertificates(chain));
            assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
            assertThat(Files.getPosixFilePermissions(cert)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
            assertThat(Files.getPosixFilePermissions(key)).doesNotContain(PosixFilePermission.OTHERS_READ);
        }
        assertThat(OpenSsl.run("x509", "-in", data.resolve("example.test/rsa/cert.pem").toString(), "-noout", "-text"))
                .contains("Public-Key: (4096 bit)");
        assertThat(OpenSsl.run("x509", "-in", data.resolve("example.test/ecdsa/cert.pem").toString(), "-noout", "-text"))
                .contains("NIST CURVE: P-384");
        assertThat(Files.isSymbolicLink(data.resolve("www.example.test"))).isTrue();
        assertThat(Files.readSymbolicLink(data.resolve("www.example.test"))).isEqualTo(Path.of("example.test"));
        assertThat(data.resolve("www.example.test/ecdsa/cert.pem")).hasSameBinaryContentAs(data.resolve("example.test/ecdsa/cert.pem"));
        assertThat(data.resolve("account/client.key")).exists();
        assertThat(data.resolve("account/registration.json")).exists();
        assertThat(web.requestCount()).isGreaterThanOrEqualTo(2);
        assertThat(challengeFilesLeft()).isEmpty();

        Map<String, String> before = snapshot(data);
        CliRun second = CliRun.in(dir, "update");

        assertThat(second.exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(second.out()).isEmpty();
        assertThat(second.err()).isEmpty();
        assertThat(snapshot(data)).isEqualTo(before);

        CliRun verbose = CliRun.in(dir, "--verbose", "update");
        assertThat(verbose.out()).contains("example.test: rsa certificate kept: valid for");
        assertThat(snapshot(data)).isEqualTo(before);
    }

    @Test
    void givenChangedAltNames_thenANewCertificateIsIssuedAndTheOldOneArchived() throws Exception {
        String keys = ", \"key_size\": 2048, \"key_curve\": \"secp256r1\"";
        writeConfig("[ { \"name\": \"change.test\" } ]", keys);
        assertThat(CliRun.in(dir, "update").exitCode()).isEqualTo(ExitCode.SUCCESS);
        String oldCert = Files.readString(data.resolve("change.test/rsa/cert.pem"));

        writeConfig("{ \"change.test\": { \"alt_names\": { \"change.test\": [\"@\", \"api\"] } } }", keys);
        CliRun run = CliRun.in(dir, "update");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(run.out()).contains("change.test: installed a new rsa certificate (names changed: added api.change.test)");
        assertThat(OpenSsl.run("x509", "-in", data.resolve("change.test/rsa/cert.pem").toString(), "-noout", "-ext", "subjectAltName")
                .lines().skip(1).map(String::strip)).containsExactly("DNS:change.test, DNS:api.change.test");
        assertThat(Files.isSymbolicLink(data.resolve("api.change.test"))).isTrue();
        try (Stream<Path> archived = Files.walk(data.resolve("archives/change.test"))) {
            assertThat(archived.filter(p -> p.endsWith(Path.of("rsa", "cert.pem"))).findFirst())
                    .hasValueSatisfying(p -> assertThat(read(p)).isEqualTo(oldCert));
        }
    }

    @Test
    void givenNamesOnTheCommandLine_thenOnlyThoseCertificatesAreProcessed() throws Exception {
        String keys = ", \"key_size\": 2048, \"key_curve\": \"secp256r1\"";
        writeConfig("[ { \"name\": \"one.test\", \"alt_names\": { \"one.test\": [\"@\", \"www\"] }, \"key_types\": [\"ecdsa\"] },"
                + " { \"name\": \"two.test\", \"key_types\": [\"ecdsa\"] } ]", keys);

        CliRun run = CliRun.in(dir, "update", "www.one.test");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(run.out().lines()).containsExactly(
                "one.test: installed a new ecdsa certificate (no ecdsa certificate installed yet)");
        assertThat(data.resolve("one.test/ecdsa/cert.pem")).exists();
        assertThat(data.resolve("one.test/rsa")).doesNotExist();
        assertThat(data.resolve("two.test")).doesNotExist();
    }

    @Test
    void givenTermsNotAcceptedAndNoTerminal_thenTheRunStopsNamingTheTermsAndWritesNothing() throws Exception {
        writeConfig("[ { \"name\": \"terms.test\" } ]", ", \"key_size\": 2048", false);

        CliRun run = CliRun.in(dir, "update");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
        assertThat(run.err()).contains("terms.test: failed:", "terms of service", "\"agree_to_terms\": true");
        assertThat(run.out()).isEmpty();
        assertThat(data.resolve("account")).doesNotExist();
        assertThat(data.resolve("terms.test")).doesNotExist();
    }

    @Test
    void givenARootFileAPassphraseHooksAndAService_thenEveryFileOpensWithOpensslAndEachActionRunsOnce() throws Exception {
        Files.copy(root, dir.resolve("root_cert.rsa.pem"));
        Path hookLog = dir.resolve("hooks.log");
        Path reloads = dir.resolve("reloads.log");
        Path reloadScript = Files.writeString(dir.resolve("reload-web.sh"),
                "#!/bin/sh\necho reloaded >> \"$(dirname \"$0\")/reloads.log\"\n");
        Files.setPosixFilePermissions(reloadScript, PosixFilePermissions.fromString("rwxr-xr-x"));
        ConfigFiles.write(dir, "certmgr.json", "{\n"
                + "  \"account\": { \"agree_to_terms\": true },\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + ConfigFiles.json(data) + ", \"log_file\": null,\n"
                + "    \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock")) + ",\n"
                + "    \"key_size\": 2048, \"key_curve\": \"secp256r1\", \"key_passphrase\": true,\n"
                + "    \"http_challenge_dir\": " + ConfigFiles.json(web.webRoot().resolve("{fqdn}/.well-known/acme-challenge")) + ",\n"
                + "    \"acme_directory_url\": \"" + pebble.directoryUrl() + "\",\n"
                + "    \"acme_ca_bundle\": " + ConfigFiles.json(pebble.trustAnchorPem()) + "\n"
                + "  },\n"
                + "  \"services\": { \"web\": " + ConfigFiles.json(reloadScript) + " },\n"
                + "  \"hooks\": { \"certificate_installed\": { \"args\": [\"sh\", \"-c\","
                + " \"echo \\\"$CERTMGR_KEY_TYPE $1\\\" >> \\\"$0\\\"\", " + ConfigFiles.json(hookLog) + ", \"{certificate_file}\"] } },\n"
                + "  \"certificates\": [ { \"name\": \"files.test\", \"services\": [\"web\"] },"
                + " { \"name\": \"other.test\", \"services\": [\"web\"] } ]\n"
                + "}\n");
        Map<String, String> env = Map.of("FILES_TEST_PASSPHRASE", "files-secret", "OTHER_TEST_PASSPHRASE", "other-secret");

        CliRun run = CliRun.in(dir, env, "update");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(run.out()).contains("reloaded service web");
        Path folder = data.resolve("files.test");
        assertThat(OpenSsl.run("dhparam", "-in", folder.resolve("params.pem").toString(), "-noout", "-check"))
                .doesNotContain("unable");
        // openssl's command line reads the first PEM block of a file only: give it the EC block alone.
        String params = Files.readString(folder.resolve("params.pem"));
        Path ecBlock = Files.writeString(dir.resolve("ec-block.pem"), params.substring(params.indexOf("-----BEGIN EC")));
        assertThat(OpenSsl.run("ecparam", "-in", ecBlock.toString(), "-noout", "-text")).contains("secp384r1");
        for (String type : new String[] {"rsa", "ecdsa"}) {
            String key = folder.resolve(type + "/keys/key.pem").toString();
            String keyCert = folder.resolve(type + "/keys/key+cert.pem").toString();
            String cert = folder.resolve(type + "/cert.pem").toString();
            assertThat(Files.readString(Path.of(key))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
            String publicKey = OpenSsl.run("x509", "-in", cert, "-noout", "-pubkey");
            assertThat(OpenSsl.run("pkey", "-in", key, "-passin", "pass:files-secret", "-pubout")).isEqualTo(publicKey);
            assertThat(OpenSsl.run("pkey", "-in", keyCert, "-passin", "pass:files-secret", "-pubout")).isEqualTo(publicKey);
            assertThat(OpenSsl.run("x509", "-in", keyCert, "-noout", "-pubkey")).isEqualTo(publicKey);
            assertThat(Files.readString(Path.of(cert))).endsWith(params);
            assertThat(Files.readString(Path.of(keyCert))).endsWith(params);
        }
        String full = folder.resolve("rsa/cert+root.pem").toString();
        assertThat(countCertificates(Path.of(full))).isEqualTo(countCertificates(folder.resolve("rsa/cert.pem")) + 1);
        assertThat(OpenSsl.run("verify", "-CAfile", root.toString(), "-untrusted", full, full)).contains(": OK");
        assertThat(folder.resolve("ecdsa/cert+root.pem")).doesNotExist();
        assertThat(Files.readAllLines(hookLog)).containsExactlyInAnyOrder(
                "rsa " + data.resolve("files.test/rsa/cert.pem"), "ecdsa " + data.resolve("files.test/ecdsa/cert.pem"),
                "rsa " + data.resolve("other.test/rsa/cert.pem"), "ecdsa " + data.resolve("other.test/ecdsa/cert.pem"));
        assertThat(Files.readAllLines(reloads)).containsExactly("reloaded");

        CliRun again = CliRun.in(dir, env, "update");
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).isEmpty();
        assertThat(Files.readAllLines(hookLog)).hasSize(4);
        assertThat(Files.readAllLines(reloads)).hasSize(1);

        CliRun wrong = CliRun.in(dir, Map.of("FILES_TEST_PASSPHRASE", "wrong", "OTHER_TEST_PASSPHRASE", "other-secret"), "update");
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
        assertThat(wrong.err()).contains("files.test: failed:").contains("does not decrypt").doesNotContain("wrong");
        assertThat(OpenSsl.run("pkey", "-in", folder.resolve("rsa/keys/key.pem").toString(), "-passin", "pass:files-secret",
                "-noout")).isEmpty();
    }

    private Stream<Path> challengeFilesLeft() throws IOException {
        try (Stream<Path> files = Files.walk(web.webRoot())) {
            return files.filter(Files::isRegularFile).toList().stream();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int countCertificates(Path pem) throws IOException {
        return (int) Files.readAllLines(pem).stream().filter(l -> l.equals("-----BEGIN CERTIFICATE-----")).count();
    }

    /**
     * Every path under the folder with its link target or content and inode: any change shows,
     * except in the run history and the settled certificates ({@code .runs}), which record every
     * run by design.
     */
    static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String key = folder.relativize(p).toString();
                if (key.equals(".runs") || key.startsWith(".runs/")) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    state.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    state.put(key, Files.getAttribute(p, "unix:ino") + " " + Files.getLastModifiedTime(p) + " "
                            + Base64.getEncoder().encodeToString(Files.readAllBytes(p)).hashCode());
                } else {
                    state.put(key, "dir " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
                }
            }
        }
        return state;
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
