package org.certmgr.adapters.fs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void givenFieldsAndEscapedBraces_thenFieldsAreListedAndReplaced() {
        assertThat(Template.fields("{a}/{{b}}/{c_1}")).containsExactly("a", "c_1");
        assertThat(Template.render("{a}/{{b}}/{c_1}", Map.of("a", "x y", "c_1", "{z}"))).isEqualTo("x y/{b}/{z}");
        assertThat(Template.render("plain", Map.of())).isEqualTo("plain");
    }

    @Test
    void givenPythonFormatFeaturesBeyondNames_thenTheyAreRefused() {
        assertThatThrownBy(() -> Template.fields("{}")).hasMessageContaining("\"{}\" is not a field reference");
        assertThatThrownBy(() -> Template.fields("{0}")).hasMessageContaining("\"{0}\" is not a field reference");
        assertThatThrownBy(() -> Template.fields("{a!r}")).hasMessageContaining("\"{a!r}\"");
        assertThatThrownBy(() -> Template.fields("{a")).hasMessageContaining("without a closing");
        assertThatThrownBy(() -> Template.fields("a}")).hasMessageContaining("without an opening");
    }
}
