package org.certmgr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    private static final AccountSpec ACCOUNT = new AccountSpec(Optional.of("admin@example.com"), Passphrase.NONE, false);

    private static Configuration config(List<CertificateSpec> certs, Map<String, String> services) {
        return new Configuration(ACCOUNT, Configuration.LETS_ENCRYPT, AcmeTiming.DEFAULT, certs, services);
    }

    @Test
    void givenNames_thenSelectFindsCertificatesByCommonOrAltNameInConfigOrder() {
        CertificateSpec a = CertificateSpec.builder("a.example").altNames("www.a.example").build();
        CertificateSpec b = CertificateSpec.builder("b.example").build();
        Configuration c = config(List.of(a, b), Map.of());
        assertThat(c.select(List.of())).containsExactly(a, b);
        assertThat(c.select(List.of("b.example", "WWW.A.EXAMPLE"))).containsExactly(a, b);
        assertThatThrownBy(() -> c.select(List.of("c.example"))).hasMessageContaining("no certificate is configured for c.example");
    }

    @Test
    void givenTheSameNameInTwoCertificates_thenItIsRefused() {
        CertificateSpec a = CertificateSpec.builder("a.example").altNames("shared.example").build();
        CertificateSpec b = CertificateSpec.builder("b.example").altNames("shared.example").build();
        assertThatThrownBy(() -> config(List.of(a, b), Map.of()))
                .hasMessageContaining("shared.example is in both certificate a.example and certificate b.example");
        assertThatThrownBy(() -> config(List.of(a, a), Map.of())).hasMessageContaining("configured twice");
    }

    @Test
    void givenAnUndefinedService_thenItIsRefused() {
        CertificateSpec a = CertificateSpec.builder("a.example").services("nginx").build();
        assertThatThrownBy(() -> config(List.of(a), Map.of())).hasMessageContaining("service \"nginx\"");
        assertThat(config(List.of(a), Map.of("nginx", "systemctl reload nginx")).certificates()).hasSize(1);
    }

    @Test
    void givenNoKeyType_thenTheSpecIsRefused() {
        assertThatThrownBy(() -> CertificateSpec.builder("a.example").keys().build()).hasMessageContaining("no key type left");
    }

    @Test
    void givenAnEmail_thenItIsChecked() {
        assertThatThrownBy(() -> new AccountSpec(Optional.of("not-an-address"), Passphrase.NONE, false))
                .hasMessageContaining("not an email address");
    }

    @Test
    void givenABuilder_thenItMakesTheSameConfigurationAsTheConstructor() {
        CertificateSpec a = CertificateSpec.builder("a.example").services("nginx").build();
        CertificateSpec b = CertificateSpec.builder("b.example").build();

        Configuration built = Configuration.builder(Configuration.LETS_ENCRYPT).agreeToTerms("admin@example.com")
                .certificate(a).certificate(b).service("nginx", "systemctl reload nginx").build();

        assertThat(built).isEqualTo(new Configuration(new AccountSpec(Optional.of("admin@example.com"),
                Passphrase.NONE, true), Configuration.LETS_ENCRYPT, AcmeTiming.DEFAULT, List.of(a, b),
                Map.of("nginx", "systemctl reload nginx")));
    }

    @Test
    void givenABuilderWithNothingSet_thenTheAccountHasNotAgreedToTheTerms() {
        Configuration built = Configuration.builder("https://ca.example/directory").build();

        assertThat(built.account()).isEqualTo(new AccountSpec(Optional.empty(), Passphrase.NONE, false));
        assertThat(built.certificates()).isEmpty();
        assertThat(built.timing()).isEqualTo(AcmeTiming.DEFAULT);
    }

    @Test
    void givenABuilderWithAnInvalidCombination_thenBuildRefusesItAsTheConstructorDoes() {
        Configuration.Builder builder = Configuration.builder(Configuration.LETS_ENCRYPT)
                .certificate(CertificateSpec.builder("a.example").services("nginx").build());

        assertThatThrownBy(builder::build).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("service \"nginx\"");
        assertThatThrownBy(() -> builder.agreeToTerms("not an address")).isInstanceOf(InvalidValueException.class);
    }
}
