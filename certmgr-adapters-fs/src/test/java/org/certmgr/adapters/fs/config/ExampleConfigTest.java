package org.certmgr.adapters.fs.config;

import org.certmgr.ports.out.HookEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.Passphrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleConfigTest {
    private static final String MINIMAL = """
            {"account": {"email": "admin@example.com"}, "certificates": [{"name": "example.com"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void givenTheExampleFile_thenItLoadsWithoutWarnings() throws Exception {
        LoadedConfig example = loader().load(ConfigFiles.exampleFile());

        assertThat(example.warnings()).isEmpty();
        assertThat(example.configuration().certificates()).extracting(CertificateSpec::name)
                .containsExactly(CertificateName.of("example.com"));
    }

    @Test
    void givenTheExampleFile_thenItsValuesAreTheDefaultsOfAnAbsentKey() throws Exception {
        LoadedConfig example = loader().load(ConfigFiles.exampleFile());
        LoadedConfig minimal = ConfigFiles.load(dir, MINIMAL);

        assertThat(example.configuration()).isEqualTo(minimal.configuration());
        assertThat(example.local()).isEqualTo(minimal.local());
    }

    @Test
    void givenTheExampleFile_whenAnyOneKeyIsRemoved_thenNothingChanges() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode full = (ObjectNode) mapper.readTree(Files.readString(ConfigFiles.exampleFile()));
        LoadedConfig reference = loader().load(ConfigFiles.exampleFile());
        List<String> checked = new ArrayList<>();

        for (String section : List.of("account", "settings", "hooks")) {
            for (String key : fieldNames(full.get(section))) {
                if (section.equals("account") && key.equals("email")) {
                    continue;
                }
                ObjectNode copy = full.deepCopy();
                ((ObjectNode) copy.get(section)).remove(key);
                LoadedConfig without = ConfigFiles.load(dir, mapper.writeValueAsString(copy));
                assertThat(without.configuration()).as(section + "." + key).isEqualTo(reference.configuration());
                assertThat(without.local()).as(section + "." + key).isEqualTo(reference.local());
                checked.add(section + "." + key);
            }
        }
        for (String key : fieldNames(full.get("certificates").get(0))) {
            if (key.equals("name")) {
                continue;
            }
            ObjectNode copy = full.deepCopy();
            ((ObjectNode) copy.get("certificates").get(0)).remove(key);
            LoadedConfig without = ConfigFiles.load(dir, mapper.writeValueAsString(copy));
            assertThat(without.configuration()).as("certificates[0]." + key).isEqualTo(reference.configuration());
            assertThat(without.local()).as("certificates[0]." + key).isEqualTo(reference.local());
            checked.add("certificates[0]." + key);
        }
        // A certificate's own "ocsp_responder_urls": [] turns OCSP off, so the example leaves it out.
        assertThat(checked).hasSize(5 + 33 + 11 + 12);
    }

    @Test
    void givenTheExampleFile_thenItHasEveryOptionOfTheReference() throws Exception {
        JsonNode example = new ObjectMapper().readTree(Files.readString(ConfigFiles.exampleFile()));

        assertThat(fieldNames(example)).containsExactlyInAnyOrder("account", "settings", "services", "certificates",
                "http_challenges", "ct_logs", "hooks");
        assertThat(fieldNames(example.get("account"))).containsExactlyInAnyOrder("email", "passphrase",
                "agree_to_terms", "eab_kid", "eab_hmac_key", "eab_algorithm");
        assertThat(fieldNames(example.get("settings"))).containsExactlyInAnyOrder("log_file", "log_level",
                "data_dir", "lock_file", "color_output", "file_user", "file_group", "archive_days",
                "http_challenge_dir", "acme_directory_url", "acme_ca_bundle", "profile", "preferred_chain",
                "key_size", "key_curve", "key_passphrase", "dhparam_size", "dhparam_generate", "ecparam_curve",
                "ocsp_must_staple", "ocsp_responder_urls", "ct_submit_logs", "verify", "renewal_days", "max_authorization_attempts",
                "authorization_delay", "cert_poll_time", "max_ocsp_verify_attempts", "ocsp_verify_retry_delay",
                "min_run_delay", "max_run_delay", "parallelism", "metrics_file");
        List<String> hookIds = new ArrayList<>();
        for (HookEvent event : HookEvent.values()) {
            hookIds.add(event.id());
        }
        assertThat(fieldNames(example.get("hooks"))).containsExactlyElementsOf(hookIds);
    }

    @Test
    void givenTheReferenceDocument_thenItDescribesEveryKeyOfTheExample() throws Exception {
        JsonNode example = new ObjectMapper().readTree(Files.readString(ConfigFiles.exampleFile()));
        String reference = Files.readString(ConfigFiles.exampleFile().resolveSibling("docs/configuration.md"));
        List<String> keys = new ArrayList<>(fieldNames(example));
        for (String section : List.of("account", "settings", "hooks")) {
            keys.addAll(fieldNames(example.get(section)));
        }
        keys.addAll(fieldNames(example.get("certificates").get(0)));

        assertThat(keys).allSatisfy(key -> assertThat(reference).contains("`" + key + "`"));
    }

    @Test
    void givenNoSettings_thenTheDefaultsAreThoseOfTheSpecAndDesign() throws Exception {
        LoadedConfig minimal = ConfigFiles.load(dir, MINIMAL);

        Configuration configuration = minimal.configuration();
        assertThat(configuration.acmeDirectoryUrl()).isEqualTo("https://acme-v02.api.letsencrypt.org/directory");
        assertThat(configuration.timing()).isEqualTo(new AcmeTiming(30, Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertThat(configuration.account().passphrase()).isEqualTo(Passphrase.NONE);
        assertThat(configuration.account().agreeToTerms()).isFalse();
        assertThat(configuration.certificates()).containsExactly(CertificateSpec.builder("example.com").build());
        LocalSettings local = minimal.local();
        assertThat(local.logFile()).contains(Path.of("/var/log/certmgr/certmgr.log"));
        assertThat(local.logLevel()).isEqualTo(LogLevel.NORMAL);
        assertThat(local.dataDir()).isEqualTo(Path.of("/etc/certmgr"));
        assertThat(local.lockFile()).isEqualTo(Path.of("/var/run/certmgr.lock"));
        assertThat(local.colorOutput()).isTrue();
        assertThat(local.fileUser()).isEmpty();
        assertThat(local.fileGroup()).isEmpty();
        assertThat(local.archiveRetention()).contains(Duration.ofDays(30));
        assertThat(local.minRunDelay()).isEqualTo(Duration.ofSeconds(300));
        assertThat(local.maxRunDelay()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(local.maxOcspVerifyAttempts()).isEqualTo(10);
        assertThat(local.ocspVerifyRetryDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(local.acmeCaBundle()).isEmpty();
        assertThat(local.externalAccountBinding()).isEmpty();
        assertThat(local.httpChallenges()).isEmpty();
        assertThat(local.httpChallengeDir()).isEmpty();
        assertThat(local.ctLogs()).isEmpty();
        assertThat(local.hooks()).containsOnlyKeys(HookEvent.values()).allSatisfy((event, commands) ->
                assertThat(commands).isEmpty());
        assertThat(local.verify()).isEqualTo(Map.of(CertificateName.of("example.com"), List.of()));
        assertThat(local.acmeProfile()).isEqualTo(Optional.empty());
    }

    private ConfigLoader loader() {
        return new ConfigLoader(dir, dir.resolve("etc"), Optional.empty());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
