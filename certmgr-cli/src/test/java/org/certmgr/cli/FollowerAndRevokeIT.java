package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.stream.Stream;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleEnvironment;
import org.certmgr.testkit.pebble.PebbleExtension;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec's master/follower setup and revocation, end to end against one Pebble that reuses
 * valid authorizations ({@code PEBBLE_AUTHZREUSE=100}): the master runs {@code auth}, the
 * follower (a copy of the master's {@code account/}, no challenge folder at all) runs
 * {@code update --no-auth}, then revokes what it got.
 */
@ExtendWith(PebbleExtension.class)
@PebbleEnvironment("PEBBLE_AUTHZREUSE=100")
class FollowerAndRevokeIT {
    @TempDir
    static Path dir;
    private static PebbleServer pebble;
    private static ChallengeWebServer web;

    @BeforeAll
    static void servers(PebbleServer p, ChallengeWebServer w) {
        pebble = p;
        web = w;
    }

    private static Path config(String role, boolean challenges, String certificates) throws IOException {
        Path home = dir.resolve(role);
        ConfigFiles.write(home, "certmgr.json", "{\n"
                + "  \"account\": { \"agree_to_terms\": true },\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + ConfigFiles.json(home.resolve("data")) + ", \"log_file\": null,\n"
                + "    \"lock_file\": " + ConfigFiles.json(home.resolve("certmgr.lock")) + ",\n"
                + "    \"key_size\": 2048, \"key_curve\": \"secp256r1\",\n"
                + (challenges ? "    \"http_challenge_dir\": "
                        + ConfigFiles.json(web.webRoot().resolve("{fqdn}/.well-known/acme-challenge")) + ",\n" : "")
                + "    \"acme_directory_url\": \"" + pebble.directoryUrl() + "\",\n"
                + "    \"acme_ca_bundle\": " + ConfigFiles.json(pebble.trustAnchorPem()) + "\n"
                + "  },\n"
                + "  \"certificates\": " + certificates + "\n"
                + "}\n");
        return home;
    }

    @Test
    void givenAMasterThatAuthorized_thenTheFollowerIssuesWithoutChallengesAndCanRevoke() throws Exception {
        String certificates = "[ { \"name\": \"follow.test\", \"alt_names\": { \"follow.test\": [\"@\", \"www\"] } } ]";
        Path master = config("master", true, certificates);
        CliRun auth = CliRun.in(master, "auth");
        assertThat(auth.exitCode()).as(auth.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(auth.out()).contains("follow.test: authorized follow.test, www.follow.test");
        assertThat(master.resolve("data/follow.test")).doesNotExist();

        Path follower = config("follower", false, certificates + "\n");
        copyTree(master.resolve("data/account"), follower.resolve("data/account"));
        int validations = web.requestCount();
        CliRun update = CliRun.in(follower, "update", "--no-auth");

        assertThat(update.exitCode()).as(update.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(update.out()).contains("follow.test: installed a new rsa certificate",
                "follow.test: installed a new ecdsa certificate");
        assertThat(web.requestCount()).as("no challenge was validated for the follower").isEqualTo(validations);

        X509Certificate rsa = leaf(follower.resolve("data/follow.test/rsa/cert.pem"));
        X509Certificate ecdsa = leaf(follower.resolve("data/follow.test/ecdsa/cert.pem"));
        CliRun revoke = CliRun.in(follower, "revoke", "--reason", "superseded", "www.follow.test");

        assertThat(revoke.exitCode()).as(revoke.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(revoke.out()).contains("follow.test: revoked the rsa certificate", "follow.test: revoked the ecdsa certificate");
        assertThat(status(rsa.getSerialNumber())).contains("Revoked");
        assertThat(status(ecdsa.getSerialNumber())).contains("Revoked");
        assertThat(Files.exists(follower.resolve("data/follow.test"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(follower.resolve("data/www.follow.test"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        try (Stream<Path> archived = Files.walk(follower.resolve("data/archives/follow.test"))) {
            assertThat(archived.filter(p -> p.endsWith("rsa/keys/key.pem"))).isNotEmpty();
        }
    }

    @Test
    void givenAFollowerForNamesNobodyAuthorized_thenItFailsSayingToRunAuthAndAnswersNothing() throws Exception {
        Path master = config("master2", true, "[ { \"name\": \"other.test\" } ]");
        assertThat(CliRun.in(master, "auth").exitCode()).isEqualTo(ExitCode.SUCCESS);
        Path follower = config("follower2", false, "[ { \"name\": \"lonely.test\" } ]");
        copyTree(master.resolve("data/account"), follower.resolve("data/account"));

        CliRun update = CliRun.in(follower, "update", "--no-auth");

        assertThat(update.exitCode()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
        assertThat(update.err()).contains("lonely.test: failed:", "no valid authorization", "certmgr auth");
        assertThat(follower.resolve("data/lonely.test")).doesNotExist();
    }

    @Test
    void givenARollover_thenTheAccountKeyChangesTheOldOneIsArchivedAndTheNextUpdateWorks() throws Exception {
        Path home = config("rollover", true, "[ { \"name\": \"roll.test\" } ]");
        assertThat(CliRun.in(home, "update").exitCode()).isEqualTo(ExitCode.SUCCESS);
        String oldKey = Files.readString(home.resolve("data/account/client.key"));

        CliRun rollover = CliRun.in(home, "rollover");

        assertThat(rollover.exitCode()).as(rollover.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(rollover.out()).contains("account: changed the key of account");
        assertThat(Files.readString(home.resolve("data/account/client.key"))).isNotEqualTo(oldKey);
        try (Stream<Path> archived = Files.walk(home.resolve("data/archives/account"))) {
            assertThat(archived.filter(p -> p.endsWith("client.key")).map(FollowerAndRevokeIT::read)).contains(oldKey);
        }
        CliRun forced = CliRun.in(home, "update", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isEqualTo(ExitCode.SUCCESS);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void givenRevokeWithoutNames_thenAUsageErrorAndNothingRevoked() throws Exception {
        Path home = config("nonames", true, "[ { \"name\": \"keep.test\" } ]");

        CliRun revoke = CliRun.in(home, "revoke");

        assertThat(revoke.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(revoke.err()).contains("revoke needs the names");
    }

    private static String status(BigInteger serial) throws IOException {
        return pebble.certificateStatus(serial);
    }

    private static X509Certificate leaf(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
