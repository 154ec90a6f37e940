package org.certmgr.adapters.fs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.certmgr.domain.Passphrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Passphrases and the EAB HMAC key never show in an exception message, a warning or a toString. */
class SecretsConfigTest {
    private static final String SECRET = "Tr0ub4dorZebra";

    @TempDir
    Path dir;

    static Stream<String> badFilesHoldingTheSecret() {
        return Stream.of(
                "{\"account\": {\"passphrase\": " + SECRET + "}}",
                "{\"account\": {\"passphrase\": \"" + SECRET + "}}",
                "{\"account\": {\"passphrase\": \"" + SECRET + "\"\"}}",
                "{\"account\": {\"passphrase\": '" + SECRET + "'}}",
                "{\"account\": {\"passphrase\": \"" + SECRET + "\\q\"}}",
                "{\"account\": {\"passphrase\": \"" + SECRET + "\n\"}}",
                "{\"account\": {\"passphrase\": \"" + SECRET + "\"}, \"account\": {}}",
                "{\"account\": {\"passphrase\": [\"" + SECRET + "\"]}}",
                "{\"account\": {\"passphrase\": {\"value\": \"" + SECRET + "\"}}}",
                "{\"settings\": {\"key_passphrase\": [\"" + SECRET + "\"]}}",
                "{\"settings\": {\"key_passphrase\": \"" + SECRET + "\", \"key_size\": 1024}}",
                "{\"settings\": {\"renewal_days\": \"" + SECRET + "\"}}",
                "{\"certificates\": [{\"name\": \"example.com\", \"key_passphrase\": \"" + SECRET + "\","
                        + " \"key_types\": [\"dsa\"]}]}",
                "{\"certificates\": [{\"name\": \"example.com\", \"key_passphrase\": {\"x\": \"" + SECRET + "\"}}]}",
                "{\"account\": {\"eab_kid\": \"kid\", \"eab_hmac_key\": \"" + SECRET + "!!\"}}",
                "{\"account\": {\"eab_kid\": \"kid\", \"eab_hmac_key\": [\"" + SECRET + "\"]}}",
                "{\"account\": {\"eab_hmac_key\": \"" + SECRET + "\"}}");
    }

    @ParameterizedTest
    @MethodSource("badFilesHoldingTheSecret")
    void givenABadFileHoldingASecret_thenTheMessageDoesNotShowIt(String json) {
        ConfigException e = ConfigFiles.failure(dir, json);

        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 6));
        assertThat(e.toString()).doesNotContain(SECRET);
    }

    @Test
    void givenSecretsEverywhere_thenNoWarningOrToStringShowsThem() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"account": {"passphrase": "%1$s", "pasphrase": "%1$s", "eab_kid": "kid",
                             "eab_hmac_key": "%1$s"},
                 "settings": {"key_passphrase": "%1$s", "key_pasphrase": "%1$s"},
                 "certificates": [{"name": "example.com", "key_passphrase": "%1$s", "alt_names":
                                   {"example.com": ["@", "@"]}}]}
                """.formatted(SECRET));

        assertThat(loaded.configuration().account().passphrase()).isEqualTo(new Passphrase.Fixed(SECRET));
        assertThat(loaded.local().externalAccountBinding().orElseThrow().hmacKey()).isEqualTo(SECRET);
        assertThat(loaded.warnings()).hasSize(3).allSatisfy(w -> assertThat(w).doesNotContain(SECRET));
        assertThat(loaded.toString()).doesNotContain(SECRET);
        assertThat(loaded.configuration().toString()).doesNotContain(SECRET);
        assertThat(loaded.local().toString()).doesNotContain(SECRET);
    }

    @Test
    void givenAnEabAlgorithm_thenItIsKeptAndAnUnknownOneIsAnError() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"account": {"eab_kid": "kid", "eab_hmac_key": "%s", "eab_algorithm": "hs384"}}
                """.formatted(SECRET));

        assertThat(loaded.local().externalAccountBinding().orElseThrow().macAlgorithm()).isEqualTo("HS384");
        assertThat(ConfigFiles.failure(dir, """
                {"account": {"eab_kid": "kid", "eab_hmac_key": "%s", "eab_algorithm": "RS256"}}
                """.formatted(SECRET)).getMessage()).contains("account.eab_algorithm").contains("HS256, HS384 or HS512")
                .doesNotContain(SECRET);
    }
}
