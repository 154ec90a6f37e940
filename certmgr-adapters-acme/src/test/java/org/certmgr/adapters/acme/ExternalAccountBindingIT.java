package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.ExternalAccountBinding;
import org.certmgr.domain.KeySpec;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.CaException;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** External Account Binding against a Pebble that requires it for every new account. */
class ExternalAccountBindingIT {
    private static final String KEY_ID = "kid-certmgr";
    private static final String HMAC_KEY = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("a 256-bit HMAC key for the test!".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    static Path dir;
    private static PebbleServer pebble;

    @BeforeAll
    static void start() throws Exception {
        pebble = PebbleServer.start(dir.resolve("pebble"), Map.of(), Map.of(KEY_ID, HMAC_KEY));
    }

    @AfterAll
    static void stop() {
        if (pebble != null) {
            pebble.close();
        }
    }

    private static KeyPair newKey() {
        return AcmeAdapters.keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1));
    }

    @Test
    void givenTheCasCredentials_thenTheAccountIsRegisteredAndCanLogIn() throws Exception {
        AcmeGateway gateway = AcmeAdapters.gateway(pebble.directoryUrl(), List.of(pebble.trustAnchor()),
                Optional.of(new ExternalAccountBinding(KEY_ID, HMAC_KEY)), Optional.empty());
        KeyPair key = newKey();

        AccountRegistration registration = gateway.register(key, Optional.of("admin@eab.test"), true);

        assertThat(registration.accountUrl()).startsWith("https://127.0.0.1:");
        assertThat(gateway.login(key, registration)).isNotNull();
    }

    @Test
    void givenHs512_thenTheAccountIsRegisteredToo() throws Exception {
        AcmeGateway gateway = AcmeAdapters.gateway(pebble.directoryUrl(), List.of(pebble.trustAnchor()),
                Optional.of(new ExternalAccountBinding(KEY_ID, HMAC_KEY, "HS512")), Optional.empty());

        assertThat(gateway.register(newKey(), Optional.empty(), true).accountUrl()).startsWith("https://127.0.0.1:");
    }

    @Test
    void givenNoCredentials_thenAClearErrorNamingTheSettings() {
        AcmeGateway gateway = AcmeAdapters.gateway(pebble.directoryUrl(), List.of(pebble.trustAnchor()));

        assertThatThrownBy(() -> gateway.register(newKey(), Optional.empty(), true))
                .isInstanceOf(CaException.class)
                .hasMessageContaining("requires External Account Binding").hasMessageContaining("eab_kid");
    }

    @Test
    void givenAWrongHmacKey_thenTheCaRefusesAndTheKeyIsNotInTheMessage() {
        String wrong = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("another 256-bit key, not Pebble's".getBytes(StandardCharsets.US_ASCII));
        AcmeGateway gateway = AcmeAdapters.gateway(pebble.directoryUrl(), List.of(pebble.trustAnchor()),
                Optional.of(new ExternalAccountBinding(KEY_ID, wrong)), Optional.empty());

        assertThatThrownBy(() -> gateway.register(newKey(), Optional.empty(), true))
                .isInstanceOf(CaException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(HMAC_KEY));
    }
}
