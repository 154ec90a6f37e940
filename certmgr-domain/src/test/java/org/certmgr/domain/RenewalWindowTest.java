package org.certmgr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Renewal under ACME Renewal Information (RFC 9773): the CA's window, with the lifetime rule as a floor. */
class RenewalWindowTest {
    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private final CertificateSpec spec = CertificateSpec.builder("example.com").build();
    private final InstalledCertificate installed = new InstalledCertificate(KeyType.RSA, Optional.of("example.com"),
            Set.of("example.com"), ISSUED, ISSUED.plus(Duration.ofDays(90)), new KeySpec.Rsa(4096), true, false);

    private RenewalDecision decide(Instant now, RenewalWindow window) {
        return RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(installed), now, false, Optional.of(window));
    }

    @Test
    void givenAWindow_thenThePointIsInsideItAndTheSameEachTime() {
        RenewalWindow window = new RenewalWindow(ISSUED.plus(Duration.ofDays(55)), ISSUED.plus(Duration.ofDays(57)));

        Instant point = window.pointFor("serial-1");

        assertThat(point).isBetween(window.start(), window.end()).isEqualTo(window.pointFor("serial-1"));
        assertThat(IntStream.range(0, 50).mapToObj(i -> window.pointFor("serial-" + i)).distinct()).hasSizeGreaterThan(40);
    }

    @Test
    void givenAWindowBeforeTheLifetimeRule_thenRenewInsideTheWindowNotBefore() {
        RenewalWindow early = new RenewalWindow(ISSUED.plus(Duration.ofDays(20)), ISSUED.plus(Duration.ofDays(21)));

        RenewalDecision before = decide(early.start().minusSeconds(1), early);
        RenewalDecision after = decide(early.end(), early);

        assertThat(before.renew()).isFalse();
        assertThat(before.reason()).contains("the CA suggests renewing between").contains("(ARI)").contains("renewal due in");
        assertThat(after.renew()).isTrue();
        assertThat(after.reason()).contains("(ARI)");
    }

    @Test
    void givenAWindowLaterThanTheLifetimeRule_thenTheLifetimeRuleWins() {
        RenewalWindow late = new RenewalWindow(ISSUED.plus(Duration.ofDays(88)), ISSUED.plus(Duration.ofDays(89)));

        RenewalDecision d = decide(ISSUED.plus(Duration.ofDays(61)), late);

        assertThat(d.renew()).isTrue();
        assertThat(d.reason()).startsWith("expires in");
    }

    @Test
    void givenNoWindow_thenTheLifetimeRuleAlone() {
        RenewalDecision d = RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(installed), ISSUED.plus(Duration.ofDays(30)),
                false, Optional.empty());

        assertThat(d.renew()).isFalse();
        assertThat(d.reason()).contains("renewal due in 30 days");
    }

    @Test
    void givenAnEmptyWindow_thenRefused() {
        assertThatThrownBy(() -> new RenewalWindow(ISSUED, ISSUED)).isInstanceOf(InvalidValueException.class);
    }
}
