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
}
