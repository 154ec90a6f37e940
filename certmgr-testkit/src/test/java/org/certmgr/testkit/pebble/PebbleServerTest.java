package org.certmgr.testkit.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PebbleServerTest {

    @TempDir
    Path workDir;

    @Test
    void givenStartedPebble_thenDirectoryAnswersOverHttpsTrustingOnlyTheGeneratedCa_andCloseStopsBothProcesses()
            throws Exception {
        long pebblePid;
        long challengeTestServerPid;
        try (PebbleServer pebble = PebbleServer.start(workDir)) {
            pebblePid = pebble.pebblePid();
            challengeTestServerPid = pebble.challengeTestServerPid();
            assertThat(pebble.directoryUrl().toString()).matches("https://127\\.0\\.0\\.1:\\d+/dir");

            HttpClient trusting = HttpClient.newBuilder().sslContext(pebble.sslContext())
                    .proxy(HttpClient.Builder.NO_PROXY).build();
            HttpResponse<String> directory = trusting.send(HttpRequest.newBuilder(pebble.directoryUrl())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(directory.statusCode()).isEqualTo(200);
            assertThat(directory.body()).contains("\"newOrder\"", "\"newAccount\"", "\"termsOfService\"");
            assertThat(directory.body()).contains("\"externalAccountRequired\": false");

            HttpClient defaultTrust = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
            assertThatThrownBy(() -> defaultTrust.send(HttpRequest.newBuilder(pebble.directoryUrl())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);

            assertThat(pebble.trustAnchorPem()).startsWith(workDir);
            assertThat(Files.readString(pebble.trustAnchorPem())).startsWith("-----BEGIN CERTIFICATE-----\n");
            assertThat(pebble.trustAnchor().getBasicConstraints()).isGreaterThanOrEqualTo(0);
            assertThat(ProcessHandle.of(pebblePid).map(ProcessHandle::isAlive)).contains(true);
            assertThat(ProcessHandle.of(challengeTestServerPid).map(ProcessHandle::isAlive)).contains(true);
        }
        assertThat(ProcessHandle.of(pebblePid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(challengeTestServerPid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void givenKilledPebble_thenConnectionsAreRefusedUntilRestart_whichServesTheSameUrlsWithANewPidAndRoot()
            throws Exception {
        try (PebbleServer pebble = PebbleServer.start(workDir)) {
            long firstPid = pebble.pebblePid();
            long dnsPid = pebble.challengeTestServerPid();
            var firstRoot = pebble.issuingRoot();
            HttpClient client = HttpClient.newBuilder().sslContext(pebble.sslContext())
                    .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest directory = HttpRequest.newBuilder(pebble.directoryUrl()).timeout(Duration.ofSeconds(10)).build();

            pebble.killPebble();

            assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(ProcessHandle.of(dnsPid).map(ProcessHandle::isAlive)).contains(true);
            assertThatThrownBy(() -> client.send(directory, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.net.ConnectException.class);

            pebble.restartPebble();

            assertThat(pebble.pebblePid()).isNotEqualTo(firstPid);
            assertThat(client.send(directory, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(pebble.issuingRoot()).isNotEqualTo(firstRoot);
            assertThatThrownBy(pebble::restartPebble).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("still runs");
        }
    }

    @Test
    void givenStartedPebble_thenManagementInterfaceServesItsIssuingRoot_andStatusOfUnknownSerialFails()
            throws Exception {
        try (PebbleServer pebble = PebbleServer.start(workDir)) {
            var root = pebble.issuingRoot();

            assertThat(root.getSubjectX500Principal().getName()).contains("Pebble Root CA");
            assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
            root.verify(root.getPublicKey());
            assertThat(root).isNotEqualTo(pebble.trustAnchor());
            assertThatThrownBy(() -> pebble.certificateStatus(new BigInteger("123456789abcdef", 16)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("/cert-status-by-serial/123456789abcdef");
        }
    }

    @Test
    void givenStartedPebble_thenEveryAddressInItsConfigurationIsLoopback_andOutputGoesToLogFiles() throws Exception {
        try (PebbleServer pebble = PebbleServer.start(workDir)) {
            String config = Files.readString(workDir.resolve("pebble-config.json"));

            assertThat(config).contains("\"listenAddress\": \"127.0.0.1:" + pebble.directoryUrl().getPort() + "\"")
                    .contains("\"managementListenAddress\": \"127.0.0.1:" + pebble.managementUrl().getPort() + "\"")
                    .contains("\"httpPort\": " + pebble.httpChallengePort())
                    .contains("\"ocspResponderURL\": \"\"")
                    .contains("\"externalAccountBindingRequired\": false")
                    .doesNotContain("0.0.0.0");
            String pebbleLog = Files.readString(workDir.resolve("pebble.log"), StandardCharsets.UTF_8);
            assertThat(pebbleLog)
                    .contains("Using custom DNS resolver for ACME challenges: 127.0.0.1:")
                    .contains("Disabling random VA sleeps")
                    .contains("reject 0% of good nonces")
                    .contains("authz reuse for each identifier 0% of the time");
            assertThat(Files.readString(workDir.resolve("challtestsrv.log"), StandardCharsets.UTF_8))
                    .contains("Answering A queries with 127.0.0.1")
                    .doesNotContain("Answering AAAA")
                    .doesNotContain("HTTP-01 challenge server");
        }
    }

    @Test
    void givenExtraEnvironmentAndEabKeys_thenPebbleUsesThem() throws Exception {
        Map<String, String> env = Map.of("PEBBLE_WFE_NONCEREJECT", "50", "PEBBLE_AUTHZREUSE", "100");
        Map<String, String> eab = Map.of("kid-1", "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W");
        try (PebbleServer pebble = PebbleServer.start(workDir, env, eab)) {
            HttpClient client = HttpClient.newBuilder().sslContext(pebble.sslContext())
                    .proxy(HttpClient.Builder.NO_PROXY).build();
            String directory = client.send(HttpRequest.newBuilder(pebble.directoryUrl())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();

            assertThat(directory).contains("\"externalAccountRequired\": true");
            assertThat(Files.readString(workDir.resolve("pebble.log"), StandardCharsets.UTF_8))
                    .contains("reject 50% of good nonces")
                    .contains("authz reuse for each identifier 100% of the time");
        }
    }

    @Test
    void givenPebbleThatExitsAtStart_thenStartFailsWithBothLogTails_andStopsTheDnsServer() {
        Map<String, String> invalidEabKey = Map.of("kid-1", "!!!");

        Throwable failure = catchThrowable(() -> PebbleServer.start(workDir, Map.of(), invalidEabKey));

        assertThat(failure).isInstanceOf(IOException.class)
                .hasMessageContaining("Pebble failed to start")
                .hasMessageContaining("Starting management server on 127.0.0.1:")
                .hasMessageContaining("failed to decode base64 URL encoded key");
        Matcher pid = Pattern.compile("pebble-challtestsrv \\(pid (\\d+)").matcher(failure.getMessage());
        assertThat(pid.find()).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void givenNoSuchBinary_thenFindFailsSayingHowToInstallPebble() {
        assertThatThrownBy(() -> Executables.find("certmgr-no-such-binary", workDir.toString()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("certmgr-no-such-binary is not installed")
                .hasMessageContaining("install the Debian package pebble (apt-get install -y pebble)");
    }

    @Test
    void givenBinaryOnSearchPath_thenFindReturnsIt() throws Exception {
        Path fake = Files.createFile(workDir.resolve("pebble"));
        assertThat(fake.toFile().setExecutable(true)).isTrue();

        assertThat(Executables.find("pebble", "/nonexistent:" + workDir)).isEqualTo(fake.toAbsolutePath());
    }
}
