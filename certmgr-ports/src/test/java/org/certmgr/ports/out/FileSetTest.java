package org.certmgr.ports.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSetTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../x", "rsa/../../x", "rsa/./cert.pem", "rsa//cert.pem", "rsa/", ".hidden",
            "rsa/.cert.pem", "a\\b", "a\0b", "rsa/cert pem"})
    void givenAPathThatCouldLeaveTheFolder_thenTheSetIsRefused(String path) {
        assertThatThrownBy(() -> FileSet.of(Map.of(path, bytes("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsafe file name");
    }

    @Test
    void givenTheSpecsFileNames_thenTheyAreAcceptedAndKeysAreSecret() {
        FileSet files = FileSet.of(Map.of("rsa/cert.pem", bytes("c"), "rsa/keys/key+cert.pem", bytes("k"),
                "ecdsa/scts/log_1.sct", bytes("s"), "params.pem", bytes("p")));
        assertThat(files.paths()).containsExactly("ecdsa/scts/log_1.sct", "params.pem", "rsa/cert.pem", "rsa/keys/key+cert.pem");
        assertThat(FileSet.isSecret("rsa/keys/key+cert.pem")).isTrue();
        assertThat(FileSet.isSecret("rsa/cert.pem")).isFalse();
    }

    @Test
    void givenContentGivenOrTaken_thenTheSetKeepsItsOwnCopy() {
        byte[] content = bytes("original");
        FileSet files = FileSet.of(Map.of("rsa/cert.pem", content));
        content[0] = 'X';
        files.content("rsa/cert.pem").orElseThrow()[0] = 'Y';
        assertThat(files.text("rsa/cert.pem")).contains("original");
    }

    @Test
    void givenTwoSetsWithTheSameBytes_thenTheyAreEqual_andWithReplacesFiles() {
        FileSet a = FileSet.of(Map.of("rsa/cert.pem", bytes("1")));
        assertThat(a).isEqualTo(FileSet.of(Map.of("rsa/cert.pem", bytes("1"))));
        assertThat(a).isNotEqualTo(FileSet.of(Map.of("rsa/cert.pem", bytes("2"))));
        assertThat(a.with(FileSet.of(Map.of("rsa/cert.pem", bytes("2"), "rsa/chain.pem", bytes("3")))).text("rsa/cert.pem"))
                .contains("2");
    }
}
