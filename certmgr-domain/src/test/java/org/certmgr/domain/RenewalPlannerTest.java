package org.certmgr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalPlannerTest {
    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private final CertificateSpec spec = CertificateSpec.builder("example.com").altNames("www.example.com").build();

    private static InstalledCertificate installed(KeyType type, Duration lifetime, Set<String> names, KeySpec key) {
        return new InstalledCertificate(type, Optional.of("example.com"), names, ISSUED, ISSUED.plus(lifetime), key, true, false);
    }

    private InstalledCertificate rsa90Days() {
        return installed(KeyType.RSA, Duration.ofDays(90), Set.of("example.com", "www.example.com"), new KeySpec.Rsa(4096));
    }

    @Test
    void givenNothingInstalled_thenRenew() {
        RenewalDecision d = RenewalPlanner.decide(spec, KeyType.RSA, Optional.empty(), ISSUED, false);
        assertThat(d.renew()).isTrue();
        assertThat(d.reason()).contains("no rsa certificate installed");
    }

    @Test
    void givenAFreshCertificate_thenKeepWithAReason() {
        RenewalDecision d = RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(rsa90Days()), ISSUED.plus(Duration.ofDays(1)), false);
        assertThat(d.renew()).isFalse();
        assertThat(d.reason()).contains("valid for 89 days").contains("renewal due in 59 days");
    }

    @Test
    void givenForce_thenRenewEvenWhenFresh() {
        assertThat(RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(rsa90Days()), ISSUED, true).reason()).contains("forced");
    }

    /** 90-day certificate, renewal_days 30: the window starts 30 days before expiry. */
    @ParameterizedTest
    @CsvSource({
            "-1, false",   // window start − 1 s
            "0, true",     // window start
    })
    void givenTheWindowStart_thenRenewalBeginsExactlyThere(long offsetSeconds, boolean renew) {
        Instant windowStart = ISSUED.plus(Duration.ofDays(60));
        Instant now = windowStart.plusSeconds(offsetSeconds);
        assertThat(RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(rsa90Days()), now, false).renew()).isEqualTo(renew);
    }

    @Test
    void givenTheWindowEnd_thenBothSidesRenewAndTheReasonSaysExpired() {
        Instant notAfter = ISSUED.plus(Duration.ofDays(90));
        RenewalDecision before = RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(rsa90Days()), notAfter.minusSeconds(1), false);
        RenewalDecision at = RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(rsa90Days()), notAfter, false);
        assertThat(before.renew()).isTrue();
        assertThat(before.reason()).startsWith("expires in");
        assertThat(at.renew()).isTrue();
        assertThat(at.reason()).startsWith("expired");
    }

    @Test
    void givenASixDayCertificate_thenRenewalDaysLongerThanTheLifetimeAreIgnoredAndHalfTheLifetimeApplies() {
        InstalledCertificate shortLived = installed(KeyType.RSA, Duration.ofDays(6), Set.of("example.com", "www.example.com"),
                new KeySpec.Rsa(4096));
        Instant halfway = ISSUED.plus(Duration.ofDays(3));
        assertThat(RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(shortLived), halfway.minusSeconds(1), false).renew()).isFalse();
        assertThat(RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(shortLived), halfway, false).renew()).isTrue();
    }

    @Test
    void givenA47DayCertificate_thenTheEarlierOfTheTwoRulesApplies() {
        // renewal_days 30 → renew 30 days before expiry; a third of 47 days is 15.7 days: 30 days comes first.
        assertThat(new RenewalPolicy(30).windowFor(Duration.ofDays(47))).isEqualTo(Duration.ofDays(30));
        // renewal_days 7 → a third of 47 days comes first.
        assertThat(new RenewalPolicy(7).windowFor(Duration.ofDays(47))).isEqualTo(Duration.ofDays(47).dividedBy(3));
    }

    @Test
    void givenChangedNames_thenRenewNamingTheChange() {
        InstalledCertificate old = installed(KeyType.RSA, Duration.ofDays(90), Set.of("example.com", "old.example.com"),
                new KeySpec.Rsa(4096));
        RenewalDecision d = RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(old), ISSUED, false);
        assertThat(d.renew()).isTrue();
        assertThat(d.reason()).isEqualTo("names changed: added www.example.com; removed old.example.com");
    }

    @Test
    void givenAChangedKeySize_thenRenew() {
        InstalledCertificate old = installed(KeyType.RSA, Duration.ofDays(90), Set.of("example.com", "www.example.com"),
                new KeySpec.Rsa(2048));
        assertThat(RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(old), ISSUED, false).reason())
                .isEqualTo("key changed from RSA 2048 to RSA 4096");
    }

    @Test
    void givenAMismatchedKey_thenRenew() {
        InstalledCertificate old = new InstalledCertificate(KeyType.RSA, Optional.empty(), Set.of("example.com", "www.example.com"),
                ISSUED, ISSUED.plus(Duration.ofDays(90)), new KeySpec.Rsa(4096), false, false);
        assertThat(RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(old), ISSUED, false).reason()).contains("does not match");
    }

    @Test
    void givenMustStapleSwitchedOn_thenRenew() {
        CertificateSpec stapled = CertificateSpec.builder("example.com").altNames("www.example.com").ocspMustStaple(true).build();
        assertThat(RenewalPlanner.decide(stapled, KeyType.RSA, Optional.of(rsa90Days()), ISSUED, false).reason())
                .contains("Must-Staple was switched on");
    }

    @Test
    void givenNoCaWindow_thenTheRenewalTimeIsTheStartOfTheLifetimeWindow_andDecideRenewsExactlyFromThere() {
        RenewalTime time = RenewalPlanner.renewalTime(spec.renewal(), rsa90Days(), KeyType.RSA, Optional.empty());

        assertThat(time).isEqualTo(new RenewalTime(ISSUED.plus(Duration.ofDays(60)), false));
        assertThat(RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(rsa90Days()), time.at().minusSeconds(1), false)
                .renew()).isFalse();
        assertThat(RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(rsa90Days()), time.at(), false).renew()).isTrue();
    }

    @Test
    void givenAnEarlyCaWindow_thenTheRenewalTimeIsTheCasPoint_andDecideRenewsExactlyFromThere() {
        RenewalWindow window = new RenewalWindow(ISSUED.plus(Duration.ofDays(10)), ISSUED.plus(Duration.ofDays(11)));

        RenewalTime time = RenewalPlanner.renewalTime(spec.renewal(), rsa90Days(), KeyType.RSA, Optional.of(window));

        assertThat(time.suggestedByCa()).isTrue();
        assertThat(time.at()).isBetween(window.start(), window.end());
        assertThat(RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(rsa90Days()), time.at().minusSeconds(1), false,
                Optional.of(window)).renew()).isFalse();
        assertThat(RenewalPlanner.decide(spec, KeyType.RSA, Optional.of(rsa90Days()), time.at(), false,
                Optional.of(window)).renew()).isTrue();
    }

    @Test
    void givenACaWindowLaterThanTheLifetimeRule_thenTheLifetimeRuleSetsTheRenewalTime() {
        RenewalWindow late = new RenewalWindow(ISSUED.plus(Duration.ofDays(80)), ISSUED.plus(Duration.ofDays(85)));

        RenewalTime time = RenewalPlanner.renewalTime(spec.renewal(), rsa90Days(), KeyType.RSA, Optional.of(late));

        assertThat(time).isEqualTo(new RenewalTime(ISSUED.plus(Duration.ofDays(60)), false));
    }
}
