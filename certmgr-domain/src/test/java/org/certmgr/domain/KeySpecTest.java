package org.certmgr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeySpecTest {

    @Test
    void givenSupportedSizes_thenRsaSpecsAreCreated() {
        assertThat(new KeySpec.Rsa(2048).type()).isEqualTo(KeyType.RSA);
        assertThat(new KeySpec.Rsa(4096)).hasToString("RSA 4096");
    }

    @Test
    void givenUnsupportedSizes_thenTheMessageNamesTheSize() {
        for (int bits : new int[] {0, 1024, 2047, 2049, 9216}) {
            assertThatThrownBy(() -> new KeySpec.Rsa(bits)).hasMessageContaining(String.valueOf(bits));
        }
    }

    @Test
    void givenCurveNamesAndAliases_thenTheyParse() {
        assertThat(EcCurve.parse("secp384r1")).isEqualTo(EcCurve.SECP384R1);
        assertThat(EcCurve.parse("P-256")).isEqualTo(EcCurve.SECP256R1);
        assertThat(EcCurve.parse("prime256v1")).isEqualTo(EcCurve.SECP256R1);
        assertThatThrownBy(() -> EcCurve.parse("secp256k1")).hasMessageContaining("unsupported curve \"secp256k1\"");
    }

    @Test
    void givenKeyTypeNames_thenTheyParseAndUnknownOnesAreNamed() {
        assertThat(KeyType.parse("RSA")).isEqualTo(KeyType.RSA);
        assertThat(KeyType.parse("ecdsa")).isEqualTo(KeyType.ECDSA);
        assertThatThrownBy(() -> KeyType.parse("dsa")).hasMessageContaining("unknown key type \"dsa\"");
    }

    @Test
    void givenAFixedPassphrase_thenToStringHidesIt() {
        assertThat(new Passphrase.Fixed("s3cret").toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> new Passphrase.Fixed("")).isInstanceOf(InvalidValueException.class);
    }
}
