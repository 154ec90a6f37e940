package org.certmgr.adapters.fs.config;

import org.certmgr.domain.ExternalAccountBinding;
import org.certmgr.ports.out.HookEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.Passphrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsConfigTest {
    @TempDir
    Path dir;

    @Test
    void givenEveryMachineSetting_thenLocalSettingsCarryThem() throws Exception {
        Files.writeString(dir.resolve("pebble.pem"), "-----BEGIN CERTIFICATE-----\n");
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"settings": {
                    "log_file": "logs/certmgr.log", "log_level": "debug", "data_dir": "data",
                    "lock_file": "/run/lock/certmgr.lock", "color_output": false, "file_user": "root",
                    "file_group": "ssl-cert", "archive_days": null, "min_run_delay": 0, "max_run_delay": 0,
                    "max_ocsp_verify_attempts": 3, "ocsp_verify_retry_delay": 0, "acme_ca_bundle": "pebble.pem",
                    "acme_directory_url": "https://127.0.0.1:14000/dir", "profile": "shortlived",
                    "preferred_chain": "ISRG Root X1",
                    "http_challenge_dir": "/var/www/{fqdn}/.well-known/acme-challenge",
                    "max_authorization_attempts": 5, "authorization_delay": 1, "cert_poll_time": 2
                 },
                 "account": {"email": "admin@example.com", "passphrase": true, "agree_to_terms": true,
                             "eab_kid": "kid-1", "eab_hmac_key": "c2VjcmV0LWhtYWMta2V5LWJ5dGVz"},
                 "http_challenges": {"www.example.com": "challenges/www"},
                 "certificates": []}
                """);

        LocalSettings local = loaded.local();
        assertThat(local.logFile()).contains(dir.resolve("logs/certmgr.log"));
        assertThat(local.logLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(local.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(local.lockFile()).isEqualTo(Path.of("/run/lock/certmgr.lock"));
        assertThat(local.colorOutput()).isFalse();
        assertThat(local.fileUser()).contains("root");
        assertThat(local.fileGroup()).contains("ssl-cert");
        assertThat(local.archiveRetention()).isEmpty();
        assertThat(local.minRunDelay()).isZero();
        assertThat(local.maxRunDelay()).isZero();
        assertThat(local.maxOcspVerifyAttempts()).isEqualTo(3);
        assertThat(local.ocspVerifyRetryDelay()).isZero();
        assertThat(local.acmeCaBundle()).contains(dir.resolve("pebble.pem"));
        assertThat(local.acmeProfile()).contains("shortlived");
        assertThat(local.preferredChain()).contains("ISRG Root X1");
        assertThat(local.externalAccountBinding()).contains(
                new ExternalAccountBinding("kid-1", "c2VjcmV0LWhtYWMta2V5LWJ5dGVz"));
        assertThat(local.challengeDirectory(DnsName.of("www.example.com"))).contains(dir.resolve("challenges/www"));
        assertThat(local.challengeDirectory(DnsName.of("example.org")))
                .contains(Path.of("/var/www/example.org/.well-known/acme-challenge"));
        assertThat(loaded.configuration().acmeDirectoryUrl()).isEqualTo("https://127.0.0.1:14000/dir");
        assertThat(loaded.configuration().timing().authorizationTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(loaded.configuration().timing().certificatePollTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(loaded.configuration().account().passphrase()).isEqualTo(new Passphrase.AskAtRunTime());
        assertThat(loaded.configuration().account().agreeToTerms()).isTrue();
        assertThat(loaded.warnings()).singleElement().asString().contains("no certificate");
    }

    @Test
    void givenNullLogSettings_thenNoLogFileAndQuiet() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"settings": {"log_file": null, "log_level": null}, "certificates": [{"name": "example.com"}]}
                """);

        assertThat(loaded.local().logFile()).isEmpty();
        assertThat(loaded.local().logLevel()).isEqualTo(LogLevel.QUIET);
    }

    @Test
    void givenARelativeChallengeTemplate_thenItIsUnderTheConfigFolder() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"settings": {"http_challenge_dir": "www/{fqdn}/{{literal}}"}, "certificates": []}
                """);

        assertThat(loaded.local().challengeDirectory(DnsName.of("a.example.com")))
                .contains(dir.resolve("www/a.example.com/{literal}"));
    }

    @Test
    void givenHooksInEveryForm_thenTheyAreSplitIntoArgumentsWithTimeouts() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"hooks": {
                    "certificate_installed": [
                        {"args": ["scp", "{certificate_file}", "remote-server:/etc/ssl/certs/"]},
                        "scp {certificate_file} 'remote server2:/etc/ssl/{key_type} certs/'"
                    ],
                    "set_http_challenge": {"args": ["/usr/local/bin/push", "{domain}", "{challenge_file}"], "timeout": 10},
                    "certificates_updated": "logger -t certmgr \\"updated: {certificate_names}\\"",
                    "ocsp_installed": null
                 },
                 "certificates": []}
                """);

        LocalSettings local = loaded.local();
        assertThat(local.hooks(HookEvent.CERTIFICATE_INSTALLED)).containsExactly(
                new HookCommand(List.of("scp", "{certificate_file}", "remote-server:/etc/ssl/certs/"),
                        HookCommand.DEFAULT_TIMEOUT),
                new HookCommand(List.of("scp", "{certificate_file}", "remote server2:/etc/ssl/{key_type} certs/"),
                        HookCommand.DEFAULT_TIMEOUT));
        assertThat(local.hooks(HookEvent.SET_HTTP_CHALLENGE)).containsExactly(new HookCommand(
                List.of("/usr/local/bin/push", "{domain}", "{challenge_file}"), Duration.ofSeconds(10)));
        assertThat(local.hooks(HookEvent.CERTIFICATES_UPDATED).get(0).render(
                Map.of("certificate_names", "a.example b.example", "data_dir", "/etc/certmgr")))
                .containsExactly("logger", "-t", "certmgr", "updated: a.example b.example");
        assertThat(local.hooks(HookEvent.CERTIFICATE_INSTALLED).get(1).render(Map.of("certificate_file",
                "/etc/certmgr/my cert.pem", "key_type", "rsa")))
                .containsExactly("scp", "/etc/certmgr/my cert.pem", "remote server2:/etc/ssl/rsa certs/");
        assertThat(local.hooks(HookEvent.OCSP_INSTALLED)).isEmpty();
        assertThat(local.hooks(HookEvent.CHAIN_INSTALLED)).isEmpty();
    }

    @Test
    void givenAHookThatUsesAFieldWithoutValue_whenRendered_thenItFails() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"hooks": {"chain_installed": "cp {chain_file} /srv"}, "certificates": []}
                """);

        HookCommand command = loaded.local().hooks(HookEvent.CHAIN_INSTALLED).get(0);
        assertThatThrownBy(() -> command.render(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{chain_file}");
    }

    @Test
    void givenServicesAndShellSyntax_thenCommandsAreSplitAndAWarningExplainsThereIsNoShell() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"services": {"nginx": "systemctl reload nginx", "odd": "nginx -s reload && echo done"},
                 "certificates": []}
                """);

        assertThat(loaded.configuration().services()).containsEntry("nginx", "systemctl reload nginx");
        assertThat(loaded.local().serviceCommands()).containsEntry("nginx", List.of("systemctl", "reload", "nginx"));
        assertThat(loaded.warnings()).anySatisfy(w -> assertThat(w).contains("services.odd", "not run through a shell"));
    }

    @Test
    void givenCtLogs_thenTheyAreReadWithDecodedIds() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"ct_logs": {"test_log": {"url": "https://ct.example.net/log/",
                   "id": "0/Mp0YTSSmxoUJZMefDx07mu1m12div/hTYnnZ4oUBE=", "key": "MFkwEwYHKoZIzj0CAQ=="}},
                 "settings": {"ct_submit_logs": ["test_log"]},
                 "certificates": [{"name": "example.com"}]}
                """);

        CtLog log = loaded.local().ctLogs().get("test_log");
        assertThat(log.url().toString()).isEqualTo("https://ct.example.net/log/");
        assertThat(log.logIdBytes()).hasSize(32);
        assertThat(log.publicKeyDer()).isPresent();
        assertThat(loaded.configuration().certificates().get(0).ctSubmitLogs()).containsExactly("test_log");
    }

    @Test
    void givenACtLogKeyWhoseHashIsNotItsId_thenTheConfigurationIsRefused() {
        assertThatThrownBy(() -> ConfigFiles.load(dir, """
                {"ct_logs": {"test_log": {"url": "https://ct.example.net/log/",
                   "id": "pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA=", "key": "MFkwEwYHKoZIzj0CAQ=="}},
                 "certificates": [{"name": "example.com"}]}
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("must be the SHA-256 of its key");
    }

    @Test
    void givenMistypedKeys_thenWarningsNameThePathAndSuggestTheKey() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"settings": {"renewl_days": 10}, "acount": {}, "certificates": [{"name": "example.com",
                 "alt_name": {}, "zzz": 1}]}
                """);

        assertThat(loaded.warnings()).containsExactlyInAnyOrder(
                dir.resolve("certmgr.json") + ": unknown key settings.renewl_days (did you mean renewal_days?);"
                        + " it is ignored",
                dir.resolve("certmgr.json") + ": unknown key acount (did you mean account?); it is ignored",
                dir.resolve("certmgr.json") + ": unknown key certificates[0].alt_name (did you mean alt_names?);"
                        + " it is ignored",
                dir.resolve("certmgr.json") + ": unknown key certificates[0].zzz; it is ignored");
        assertThat(loaded.configuration().certificates().get(0).renewal().renewalDays()).isEqualTo(30);
    }

    @Test
    void givenPassphraseForms_thenEachIsUnderstood() throws Exception {
        for (Map.Entry<String, Passphrase> form : Map.of("null", Passphrase.NONE, "false", Passphrase.NONE,
                "true", new Passphrase.AskAtRunTime(), "\"s3cret\"", new Passphrase.Fixed("s3cret")).entrySet()) {
            LoadedConfig loaded = ConfigFiles.load(dir, "{\"account\": {\"passphrase\": " + form.getKey()
                    + "}, \"settings\": {\"key_passphrase\": " + form.getKey() + "}, \"certificates\": [{\"name\":"
                    + " \"example.com\"}]}");

            assertThat(loaded.configuration().account().passphrase()).as(form.getKey()).isEqualTo(form.getValue());
            assertThat(loaded.configuration().certificates().get(0).keyPassphrase()).isEqualTo(form.getValue());
        }
    }

    @Test
    void givenNoEmailAndNullSections_thenDefaults() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"account": null, "settings": null, "services": null, "hooks": null, "ct_logs": null,
                 "http_challenges": null, "certificates": null}
                """);

        assertThat(loaded.configuration().account().email()).isEqualTo(Optional.empty());
        assertThat(loaded.configuration().certificates()).isEmpty();
        assertThat(loaded.local().parallelism()).isEqualTo(8);
    }

    @Test
    void givenParallelism_thenLocalSettingsCarryIt() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"settings": {"parallelism": 64}, "certificates": [{"name": "example.com"}]}
                """);

        assertThat(loaded.local().parallelism()).isEqualTo(64);
        assertThat(loaded.warnings()).isEmpty();
    }
}
