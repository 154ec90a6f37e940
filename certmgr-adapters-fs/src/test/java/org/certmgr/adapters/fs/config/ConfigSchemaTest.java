package org.certmgr.adapters.fs.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.testkit.config.BadConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/certmgr.schema.json} describes the configuration the loader reads: it is a valid
 * draft 2020-12 schema, accepts the example file and a configuration with every key, knows exactly
 * the keys the loader knows, and refuses most of the configurations the loader refuses. (Every
 * configuration the other tests load through {@link ConfigFiles#load} is checked against it too.)
 */
class ConfigSchemaTest {

    /** Every section with fixed keys the loader reads, by the JSON path it has in EVERY_KEY, and where the schema describes it. */
    private static final Map<Pattern, String> SECTIONS = sections();

    @TempDir
    Path dir;

    private static Map<Pattern, String> sections() {
        Map<Pattern, String> sections = new LinkedHashMap<>();
        sections.put(Pattern.compile("\\(top level\\)"), "");
        sections.put(Pattern.compile("account"), "/properties/account");
        sections.put(Pattern.compile("settings"), "/properties/settings");
        sections.put(Pattern.compile("certificates(\\[\\d+\\]|\\[\"[^\"]+\"\\])"), "/$defs/certificate");
        sections.put(Pattern.compile("ct_logs\\.\\w+"), "/$defs/ctLog");
        sections.put(Pattern.compile("hooks\\.\\w+(\\[\\d+\\])?"), "/$defs/hookCommand");
        sections.put(Pattern.compile("(settings|certificates\\[\\d+\\]|certificates\\[\"[^\"]+\"\\])\\.verify\\[\\d+\\]"),
                "/$defs/verifyEntry");
        return sections;
    }

    /** A configuration that sets every key, every section and every form of value with keys of its own. */
    private String everyKey() throws Exception {
        byte[] logKey = "a stand-in for the DER of a CT log's public key".getBytes(StandardCharsets.US_ASCII);
        String key = Base64.getEncoder().encodeToString(logKey);
        String id = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(logKey));
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        return """
                {
                  "account": {"email": "admin@example.com", "passphrase": "account secret", "agree_to_terms": true,
                    "eab_kid": "kid-1", "eab_hmac_key": "c2VjcmV0LWhtYWMta2V5", "eab_algorithm": "HS384"},
                  "settings": {
                    "log_file": "log/certmgr.log", "log_level": "verbose", "data_dir": "data", "lock_file": "run/certmgr.lock",
                    "color_output": false, "file_user": "root", "file_group": "ssl-cert", "archive_days": 60,
                    "http_challenge_dir": "/var/www/{fqdn}/.well-known/acme-challenge",
                    "acme_directory_url": "https://ca.example.net/directory", "acme_ca_bundle": "ca.pem",
                    "profile": "tlsserver", "preferred_chain": "Example Root X2",
                    "key_size": 3072, "key_curve": "secp256r1", "key_passphrase": true, "dhparam_size": 3072,
                    "dhparam_generate": true, "ecparam_curve": "prime256v1", "ocsp_must_staple": true,
                    "ocsp_responder_urls": ["http://ocsp.example.net/"], "ct_submit_logs": ["log_a"],
                    "verify": [443, {"port": 25, "starttls": "smtp", "hosts": [], "key_types": ["rsa"]}],
                    "renewal_days": 20, "max_authorization_attempts": 5, "authorization_delay": 2, "cert_poll_time": 60,
                    "max_ocsp_verify_attempts": 3, "ocsp_verify_retry_delay": 1, "min_run_delay": 0, "max_run_delay": 60,
                    "metrics_file": "metrics/certmgr.prom", "parallelism": 4
                  },
                  "services": {"nginx": "systemctl reload nginx"},
                  "certificates": [
                    {"name": "example.com", "alt_names": {"example.com": ["@", "www"]}, "services": ["nginx"],
                     "key_types": ["rsa", "ecdsa"], "key_size": 4096, "key_curve": "secp384r1", "key_passphrase": null,
                     "dhparam_size": 2048, "dhparam_generate": false, "ecparam_curve": "secp384r1",
                     "ocsp_must_staple": false, "ocsp_responder_urls": [], "ct_submit_logs": [], "profile": null,
                     "verify": [{"port": 993, "starttls": null, "hosts": "www.example.com", "key_types": "ecdsa"}]}
                  ],
                  "http_challenges": {"example.com": "/srv/www/.well-known/acme-challenge"},
                  "ct_logs": {"log_a": {"url": "https://ct.example.net/2026/", "id": "ID", "key": "KEY"}},
                  "hooks": {
                    "certificate_installed": ["scp {certificate_file} backup:/certs/",
                      {"args": ["logger", "{key_name} {key_type}"], "timeout": 30}],
                    "certificates_updated": {"args": ["/usr/local/bin/push", "{certificate_names}"], "timeout": null}
                  }
                }
                """.replace("\"ID\"", "\"" + id + "\"").replace("\"KEY\"", "\"" + key + "\"");
    }

    /** The same certificate in the keyed form, which also reads "name". */
    private static final String KEYED = """
            {"certificates": {"example.org": {"name": "example.org", "alt_names": {"example.org": ["@"]},
              "verify": [{"port": 443}]}}}
            """;

    @Test
    void givenTheSchema_thenItIsAValidDraft202012Schema() {
        JsonNode schema = ConfigSchema.tree();

        var metaSchema = ConfigSchema.registry().getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(schema)).isEmpty();
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void givenTheExampleFile_thenTheSchemaAcceptsIt() throws Exception {
        assertThat(ConfigSchema.problems(ConfigSchema.parse(Files.readString(ConfigFiles.exampleFile())))).isEmpty();
    }

    @Test
    void givenAConfigurationWithEveryKey_thenTheLoaderKnowsThemAll_andTheSchemaAcceptsIt() throws Exception {
        String json = everyKey();

        LoadedConfig loaded = loader().load(ConfigFiles.write(dir, json));

        assertThat(loaded.warnings()).filteredOn(w -> w.contains("unknown key")).isEmpty();
        assertThat(ConfigSchema.problems(ConfigSchema.parse(json))).isEmpty();
        assertThat(ConfigSchema.problems(ConfigSchema.parse(KEYED))).isEmpty();
    }

    @Test
    void givenEverySectionTheLoaderReads_thenTheSchemaKnowsExactlyTheSameKeys() throws Exception {
        Map<String, Set<String>> loaderKeys = new LinkedHashMap<>();
        for (String json : List.of(everyKey(), KEYED)) {
            Context context = new Context(ConfigFiles.write(dir, json));
            new ConfigParser(context).parse(ConfigSchema.parse(json));
            context.knownKeys().forEach((path, keys) -> loaderKeys.merge(section(path), new TreeSet<>(keys), (a, b) -> {
                a.addAll(b);
                return a;
            }));
        }

        assertThat(loaderKeys.keySet()).as("every kind of section is read").containsExactlyInAnyOrderElementsOf(SECTIONS.values());
        List<String> loaderOnly = new ArrayList<>();
        List<String> schemaOnly = new ArrayList<>();
        loaderKeys.forEach((pointer, keys) -> {
            Set<String> schemaKeys = propertiesOf(ConfigSchema.tree().at(pointer));
            keys.stream().filter(k -> !schemaKeys.contains(k)).forEach(k -> loaderOnly.add(name(pointer, k)));
            schemaKeys.stream().filter(k -> !keys.contains(k)).forEach(k -> schemaOnly.add(name(pointer, k)));
        });
        assertThat(loaderOnly).as("keys the loader reads but the schema does not describe").isEmpty();
        assertThat(schemaOnly).as("keys the schema describes but the loader does not read")
                .isEmpty();
    }

    @Test
    void givenTheHooks_thenTheSchemaHasEveryHookWithExactlyItsFields() throws Exception {
        JsonNode hooks = ConfigSchema.tree().at("/properties/hooks/properties");
        List<String> ids = new ArrayList<>();
        hooks.fieldNames().forEachRemaining(ids::add);

        assertThat(ids).containsExactlyElementsOf(java.util.Arrays.stream(HookEvent.values()).map(HookEvent::id).toList());
        for (HookEvent event : HookEvent.values()) {
            StringBuilder all = new StringBuilder("run");
            event.fields().forEach(f -> all.append(" {").append(f).append('}'));
            assertThat(problems("{\"hooks\": {\"" + event.id() + "\": \"" + all + "\"}}")).as(event.id()).isEmpty();
            assertThat(problems("{\"hooks\": {\"" + event.id() + "\": {\"args\": [\"run\", \"{passphrase}\"]}}}"))
                    .as(event.id()).isNotEmpty();
            assertThat(hooks.get(event.id()).get("description").asText()).as(event.id())
                    .contains(event.fields().stream().map(f -> "{" + f + "}").toList());
        }
    }

    @Test
    void givenTheBadConfigurationsCorpus_thenTheSchemaRefusesMostOfThose() throws Exception {
        List<BadConfigurations.Case> cases = BadConfigurations.all();
        int notJson = 0;
        List<String> accepted = new ArrayList<>();
        for (BadConfigurations.Case badCase : cases) {
            String what = badCase.what();
            String json = badCase.json();
            if (ConfigFiles.isStrictJson(json)) {
                if (problems(json).isEmpty()) {
                    accepted.add(what);
                }
            } else {
                notJson++;
            }
        }
        int judged = cases.size() - notJson;
        int refused = judged - accepted.size();
        System.out.printf("schema refuses %d of the %d bad configurations that are JSON (%d more are not JSON);"
                + " it accepts: %s%n", refused, judged, notJson, accepted);

        // What a schema cannot see: relations between values (names, services, logs, verify hosts,
        // min/max delays, the common name among alt names) and the file system (the CA bundle).
        assertThat(refused).as("refused; accepted are " + accepted).isGreaterThanOrEqualTo(MIN_BAD_REFUSED);
    }

    /** How many of the corpus's JSON configurations the schema refuses today; lower means it got looser. */
    private static final int MIN_BAD_REFUSED = 55;

    @Test
    void givenTheReference_thenItNamesEveryKeyOfTheSchema() throws IOException {
        String reference = Files.readString(ConfigSchema.file().resolveSibling("configuration.md"));
        Set<String> keys = new TreeSet<>();
        for (String pointer : SECTIONS.values()) {
            keys.addAll(propertiesOf(ConfigSchema.tree().at(pointer)));
        }
        keys.addAll(propertiesOf(ConfigSchema.tree().at("/properties/hooks")));

        assertThat(keys).allSatisfy(key -> assertThat(reference).contains("`" + key + "`"));
    }

    private List<String> problems(String json) throws IOException {
        return ConfigSchema.problems(ConfigSchema.parse(json));
    }

    private static String section(String path) {
        for (Map.Entry<Pattern, String> section : SECTIONS.entrySet()) {
            if (section.getKey().matcher(path).matches()) {
                return section.getValue();
            }
        }
        throw new AssertionError("the loader reads a section the test does not map to the schema: " + path);
    }

    private static String name(String pointer, String key) {
        return pointer.equals("/properties/settings") ? "settings." + key : pointer + "/" + key;
    }

    /** The property names a schema node allows, following $ref and the branches of anyOf. */
    private static Set<String> propertiesOf(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node.has("$ref")) {
            names.addAll(propertiesOf(ConfigSchema.tree().at(node.get("$ref").asText().substring(1))));
        }
        if (node.has("properties")) {
            node.get("properties").fieldNames().forEachRemaining(names::add);
        }
        if (node.has("anyOf")) {
            node.get("anyOf").forEach(branch -> names.addAll(propertiesOf(branch)));
        }
        return names;
    }

    private ConfigLoader loader() {
        return new ConfigLoader(dir, dir.resolve("etc"), Optional.empty());
    }
}
