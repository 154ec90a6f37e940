package org.certmgr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "..", ".", "a/b.example.com", "/etc/passwd", "example.com/..", "a\\b.example.com",
            "..example.com", "a\0.example.com", ".hidden.example.com", "*.example.com"})
    void givenANameThatCouldEscapeDataDir_thenItIsRefused(String name) {
        assertThatThrownBy(() -> CertificateName.of(name)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "www.example.com", "bücher.example"})
    void givenAValidName_thenTheFolderNameIsOneSafeComponent(String name) {
        String folder = CertificateName.of(name).folderName();
        assertThat(folder).doesNotContain("/", "..", "\0").doesNotStartWith(".");
        assertThat(folder).isEqualTo(DnsName.of(name).ascii());
    }
}
