package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void givenNestedValuesAndAwkwardStrings_thenJacksonReadsBackExactlyWhatWasWritten() throws Exception {
        String awkward = "quote \" backslash \\ newline \n tab \t bell \u0007 é ✓";
        JsonText json = new JsonText().beginObject()
                .name("text").value(awkward)
                .name("none").nullValue()
                .name("number").value(-42L)
                .name("flag").value(true)
                .name("when").value(Optional.of(Instant.parse("2026-03-01T04:00:00.123456Z")))
                .name("empty").beginArray().endArray()
                .name("list").beginArray().value("a").beginObject().name("b").value(1L).endObject().endArray()
                .name("object").beginObject().endObject()
                .endObject();

        JsonNode read = new ObjectMapper().readTree(json.toString());

        assertThat(read.get("text").asText()).isEqualTo(awkward);
        assertThat(read.get("none").isNull()).isTrue();
        assertThat(read.get("number").asLong()).isEqualTo(-42L);
        assertThat(read.get("flag").asBoolean()).isTrue();
        assertThat(read.get("when").asText()).isEqualTo("2026-03-01T04:00:00Z");
        assertThat(read.get("empty")).isEmpty();
        assertThat(read.get("list").get(0).asText()).isEqualTo("a");
        assertThat(read.get("list").get(1).get("b").asLong()).isEqualTo(1L);
        assertThat(read.get("object").isObject()).isTrue();
        assertThat(json.toString()).doesNotContain("\u0007");
    }
}
