package org.certmgr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifyTargetTest {
    private static final List<DnsName> HOSTS = List.of(DnsName.of("example.test"));

    @Test
    void givenPortsOutsideTheTcpRange_thenRefused() {
        assertThatThrownBy(() -> new VerifyTarget(0, Optional.empty(), HOSTS, Set.of(KeyType.RSA)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> new VerifyTarget(65536, Optional.empty(), HOSTS, Set.of(KeyType.RSA)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }

    @Test
    void givenNoHostOrNoKeyType_thenRefused() {
        assertThatThrownBy(() -> new VerifyTarget(443, Optional.empty(), List.of(), Set.of(KeyType.RSA)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerifyTarget(443, Optional.empty(), HOSTS, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenValidValues_thenTheStartTlsIdIsTheConfigurationWord() {
        VerifyTarget target = new VerifyTarget(4190, Optional.of(StartTls.SIEVE), HOSTS, Set.of(KeyType.ECDSA));

        assertThat(target.startTls()).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("sieve"));
        assertThat(target.hosts()).containsExactlyElementsOf(HOSTS);
    }
}
