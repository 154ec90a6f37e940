package org.certmgr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsNameTest {

    @ParameterizedTest
    @CsvSource({
            "example.com, example.com",
            "WWW.Example.COM, www.example.com",
            "example.com., example.com",
            "a-b.c0.test, a-b.c0.test",
            "xn--bcher-kva.example, xn--bcher-kva.example",
            "bücher.example, xn--bcher-kva.example",
            "münchen.de, xn--mnchen-3ya.de",
            "straße.de, xn--strae-oqa.de",
            "例え.テスト, xn--r8jz45g.xn--zckzah",
            "ÄÖÜ.example, xn--4ca0bs.example",
            "xn--strae-oqa.de, xn--strae-oqa.de",
            "xn--r8jz45g.xn--zckzah, xn--r8jz45g.xn--zckzah",
    })
    void givenAValidName_thenItsAsciiFormIsLowerCasePunycode(String input, String ascii) {
        assertThat(DnsName.of(input).ascii()).isEqualTo(ascii);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|cannot be empty",
            "localhost|fully qualified",
            "a..b.com|empty label",
            ".example.com|empty label",
            "-a.example.com|invalid label",
            "a-.example.com|invalid label",
            "under_score.example.com|invalid label",
            "sp ace.example.com|invalid label",
            "a/b.example.com|invalid label",
            "../etc.example|empty label",
            "*.example.com|wildcard",
            "192.168.1.1|IP address",
            "ab--cd.example.com|reserved",
            "xn--a.example.com|not the Punycode form",
            "xn--zz9.example.com|not valid Punycode",
            "xn--abc-.example.com|invalid label",
            "xn--bcher-kva9999999999.example|not valid Punycode",
    })
    void givenAnInvalidName_thenTheMessageSaysWhy(String input, String expected) {
        assertThatThrownBy(() -> DnsName.of(input))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void givenANameWithNul_thenItIsRefusedAndTheMessageShowsNoRawNul() {
        assertThatThrownBy(() -> DnsName.of("a\0b.example.com"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("control character")
                .hasMessageNotContaining("\0");
    }

    @Test
    void givenTooLongLabelsOrNames_thenTheyAreRefused() {
        String label63 = "a".repeat(63);
        assertThat(DnsName.of(label63 + ".example").ascii()).startsWith(label63);
        assertThatThrownBy(() -> DnsName.of("a".repeat(64) + ".example")).hasMessageContaining("longer than 63");
        String name = String.join(".", label63, label63, label63, "a".repeat(58), "com");
        assertThat(name).hasSize(254);
        assertThatThrownBy(() -> DnsName.of(name)).hasMessageContaining("longer than 253");
    }

    @Test
    void givenTwoSpellingsOfOneName_thenTheyAreEqual() {
        assertThat(DnsName.of("Bücher.Example")).isEqualTo(DnsName.of("xn--bcher-kva.example"));
        assertThat(DnsName.of("www.example.com").isWithin(DnsName.of("example.com"))).isTrue();
        assertThat(DnsName.of("wwwexample.com").isWithin(DnsName.of("example.com"))).isFalse();
    }
}
