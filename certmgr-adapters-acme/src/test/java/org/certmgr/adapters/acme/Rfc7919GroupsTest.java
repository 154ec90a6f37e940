package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.params.DHParameters;
import org.junit.jupiter.api.Test;

class Rfc7919GroupsTest {

    @Test
    void givenEachRfc7919Size_thenTheSamePrimeAndGeneratorAsBouncyCastlesStandardGroups() {
        Map<Integer, DHParameters> bouncyCastle = Map.of(2048, DHStandardGroups.rfc7919_ffdhe2048,
                3072, DHStandardGroups.rfc7919_ffdhe3072, 4096, DHStandardGroups.rfc7919_ffdhe4096,
                6144, DHStandardGroups.rfc7919_ffdhe6144, 8192, DHStandardGroups.rfc7919_ffdhe8192);

        bouncyCastle.forEach((bits, group) -> {
            assertThat(Rfc7919Groups.prime(bits)).as("ffdhe%d", bits).contains(group.getP());
            assertThat(group.getP().bitLength()).isEqualTo(bits);
            assertThat(Rfc7919Groups.GENERATOR).isEqualTo(group.getG());
        });
    }

    @Test
    void givenSizeWithoutGroup_thenEmpty() {
        for (int bits : new int[] {0, 1024, 2047, 2049, 5120, 16384}) {
            assertThat(Rfc7919Groups.prime(bits)).as("%d bits", bits).isEmpty();
        }
    }
}
