package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.certmgr.adapters.fs.FsAdapters;
import org.certmgr.adapters.fs.RunLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code certmgr status} without a CA: nothing installed yet, bad input, and what it never touches. */
class StatusCommandTest {
    @TempDir
    Path dir;
    private Path data;

    @BeforeEach
    void writeConfig() throws Exception {
        data = dir.resolve("data");
        ConfigFiles.write(dir, "certmgr.json", "{\n"
                + "  \"settings\": { \"data_dir\": " + ConfigFiles.json(data) + ", \"log_file\": "
                + ConfigFiles.json(dir.resolve("certmgr.log")) + ",\n"
                + "    \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock")) + ",\n"
                + "    \"acme_directory_url\": \"https://127.0.0.1:1/dir\" },\n"
                + "  \"certificates\": [ { \"name\": \"one.test\", \"alt_names\": { \"one.test\": [\"@\", \"www\"] } },"
                + " { \"name\": \"two.test\", \"key_types\": [\"ecdsa\"] } ]\n"
                + "}\n");
    }

    @Test
    void givenNothingInstalled_thenEveryKeyTypeIsListedAsDueNowAndNeverRun_withExitCode1_andNothingIsWritten()
            throws Exception {
        CliRun run = CliRun.in(dir, "status");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).first().asString()
                .startsWith("CERTIFICATE").contains("KEY", "NOT AFTER (UTC)", "LEFT", "NEXT RENEWAL", "OCSP", "SCT",
                        "LAST RUN");
        assertThat(run.out()).contains("one.test +1", "two.test", "renew now", "never",
                "    rsa: no rsa certificate installed yet", "    ecdsa: no ecdsa certificate installed yet",
                "2 certificates, 0 key types due for renewal, 2 with problems\n"
                + "last update: none recorded yet\n");
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(data).doesNotExist();
        assertThat(dir.resolve("certmgr.lock")).doesNotExist();
        assertThat(dir.resolve("data/.runs")).doesNotExist();
        assertThat(dir.resolve("certmgr.log")).doesNotExist();
    }

    @Test
    void givenJson_thenItParsesWithStableFieldNames() throws Exception {
        CliRun run = CliRun.in(dir, "status", "--json", "two.test");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("format").asInt()).isEqualTo(1);
        assertThat(root.get("healthy").asBoolean()).isFalse();
        assertThat(root.get("last_run").isNull()).isTrue();
        assertThat(root.get("certificates")).hasSize(1);
        JsonNode two = root.get("certificates").get(0);
        assertThat(two.get("name").asText()).isEqualTo("two.test");
        assertThat(two.get("last_run").get("result").asText()).isEqualTo("never");
        JsonNode ecdsa = two.get("key_types").get(0);
        assertThat(ecdsa.get("key_type").asText()).isEqualTo("ecdsa");
        assertThat(ecdsa.get("state").asText()).isEqualTo("not_installed");
        assertThat(ecdsa.get("not_after").isNull()).isTrue();
        assertThat(ecdsa.get("next_renewal").get("due").asBoolean()).isTrue();
        assertThat(ecdsa.get("next_renewal").get("basis").asText()).isEqualTo("change");
        assertThat(ecdsa.get("next_renewal").get("at").asText()).isEqualTo(root.get("generated_at").asText());
        assertThat(ecdsa.get("ocsp").get("state").asText()).isEqualTo("none");
        assertThat(ecdsa.get("scts").get("count").asInt()).isZero();
    }

    @Test
    void givenQuiet_thenOnlyTheExitCodeTells() {
        CliRun run = CliRun.in(dir, "--quiet", "status");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void givenAnUnknownName_thenAClearErrorAndExitCode2() {
        CliRun run = CliRun.in(dir, "status", "three.test");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(run.err()).contains("three.test");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void givenJsonWithAnotherAction_thenAUsageError() {
        CliRun run = CliRun.in(dir, "update", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(run.err()).contains("--json applies to the status action only");
    }

    @Test
    void givenAHeldLockFile_thenStatusStillAnswers() throws Exception {
        try (RunLock held = FsAdapters.runLock(dir.resolve("certmgr.lock"))) {
            assertThat(held.tryAcquire()).isTrue();
            assertThat(CliRun.in(dir, "update").exitCode()).isEqualTo(ExitCode.LOCK_HELD);

            CliRun run = CliRun.in(dir, "status", "one.test");

            assertThat(run.exitCode()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
            assertThat(run.out()).contains("one.test");
        }
    }

    @Test
    void givenDurations_thenTheTableShowsDaysHoursOrMinutes() {
        assertThat(StatusPrinter.span(Duration.ofDays(89).plusHours(5))).isEqualTo("89d");
        assertThat(StatusPrinter.span(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(StatusPrinter.span(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(StatusPrinter.span(Duration.ofDays(-3))).isEqualTo("-3d");
        assertThat(StatusPrinter.span(Duration.ZERO)).isEqualTo("0m");
    }
}
