package org.certmgr.ports.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.certmgr.domain.DnsName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpChallengeTest {
    private static final DnsName NAME = DnsName.of("example.test");

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "../etc/passwd", "a/b", ".hidden", "tok en", "tok+en", "tok=", "a\0b", "tök"})
    void givenATokenThatIsNotBase64url_thenItNeverBecomesAChallenge(String token) {
        assertThatThrownBy(() -> new HttpChallenge(NAME, token, "content"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("example.test")
                .hasMessageContaining("base64url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA", "A", "a_b-C9"})
    void givenABase64urlToken_thenItIsAccepted(String token) {
        assertThat(new HttpChallenge(NAME, token, "content").token()).isEqualTo(token);
    }
}
