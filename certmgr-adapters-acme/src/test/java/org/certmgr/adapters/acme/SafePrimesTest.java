package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The safe-prime search at sizes small enough to be instant; 2048 bits are checked by OpenSSL in BcKeyMaterialTest. */
class SafePrimesTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void givenSmallSizes_whenGenerate_thenSafePrimeOfExactlyThatSizeCongruentTo23Mod24() {
        for (int bits : new int[] {64, 65, 127, 256, 512}) {
            BigInteger p = SafePrimes.generate(bits, RANDOM);

            assertThat(p.bitLength()).as("size").isEqualTo(bits);
            assertThat(p.isProbablePrime(100)).as("p of %d bits is prime", bits).isTrue();
            assertThat(p.shiftRight(1).isProbablePrime(100)).as("(p - 1) / 2 of %d bits is prime", bits).isTrue();
            assertThat(p.mod(BigInteger.valueOf(24))).isEqualTo(BigInteger.valueOf(23));
            assertThat(BigInteger.TWO.modPow(p.shiftRight(1), p)).as("2 generates the subgroup of order q")
                    .isEqualTo(BigInteger.ONE);
        }
    }

    @Test
    void givenTwoSearches_whenGenerate_thenDifferentPrimes() {
        assertThat(SafePrimes.generate(256, RANDOM)).isNotEqualTo(SafePrimes.generate(256, RANDOM));
    }

    @Test
    void givenFewerThan64Bits_whenGenerate_thenIllegalArgumentException() {
        assertThatThrownBy(() -> SafePrimes.generate(63, RANDOM)).isInstanceOf(IllegalArgumentException.class);
    }
}
