package org.certmgr.adapters.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.StapleCheck;
import org.certmgr.testkit.tls.ServedChain;
import org.certmgr.testkit.tls.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OcspStapleValidatorTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static TestPki pki;
    private static ServedChain served;
    private final OcspStapleValidator validator = new OcspStapleValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void issue() {
        pki = TestPki.create("ocsp");
        served = pki.issue(KeyType.ECDSA, "www.example.test");
    }

    private byte[] response(boolean revoked, Instant thisUpdate, Instant nextUpdate) {
        return pki.ocspResponse(served.leaf(), revoked, thisUpdate, nextUpdate);
    }

    @Test
    void givenCurrentGoodResponse_thenGood() {
        byte[] staple = response(false, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(3)));

        assertThat(validator.check(List.of(staple), served.chain())).isEqualTo(StapleCheck.GOOD);
    }

    @Test
    void givenNoStaple_thenAbsent() {
        assertThat(validator.check(List.of(), served.chain())).isEqualTo(StapleCheck.ABSENT);
        assertThat(validator.check(List.of(new byte[0]), served.chain())).isEqualTo(StapleCheck.ABSENT);
    }

    @Test
    void givenRevoked_thenBad() {
        byte[] staple = response(true, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(3)));

        assertThat(validator.check(List.of(staple), served.chain())).isEqualTo(StapleCheck.bad("the OCSP response says revoked"));
    }

    @Test
    void givenExpiredResponse_thenBad() {
        byte[] staple = response(false, NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(1)));

        StapleCheck check = validator.check(List.of(staple), served.chain());

        assertThat(check.status()).isEqualTo(StapleCheck.Status.BAD);
        assertThat(check.detail()).startsWith("the OCSP response expired at");
    }

    @Test
    void givenResponseAboutAnotherCertificate_thenBad() {
        ServedChain other = pki.issue(KeyType.ECDSA, "other.example.test");
        byte[] staple = pki.ocspResponse(other.leaf(), false, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(3)));

        assertThat(validator.check(List.of(staple), served.chain()))
                .isEqualTo(StapleCheck.bad("the OCSP response is about another certificate"));
    }

    @Test
    void givenResponseSignedByAnotherAuthority_thenBad() {
        TestPki stranger = TestPki.create("stranger");
        ServedChain foreign = stranger.issue(KeyType.ECDSA, "www.example.test");
        byte[] staple = stranger.ocspResponse(foreign.leaf(), false, NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofDays(3)));

        assertThat(validator.check(List.of(staple), served.chain()))
                .isEqualTo(StapleCheck.bad("the OCSP response is not signed by the certificate's issuer"));
    }

    @Test
    void givenErrorStatusOrGarbage_thenBad() {
        assertThat(validator.check(List.of(TestPki.ocspError(2)), served.chain()))
                .isEqualTo(StapleCheck.bad("OCSP response status 2"));
        assertThat(validator.check(List.of(new byte[] {1, 2, 3}), served.chain()).status())
                .isEqualTo(StapleCheck.Status.BAD);
    }

    @Test
    void givenLeafWithoutIssuerInChain_thenBad() {
        byte[] staple = response(false, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(3)));

        assertThat(validator.check(List.of(staple), List.of(served.leaf())).status()).isEqualTo(StapleCheck.Status.BAD);
    }
}
