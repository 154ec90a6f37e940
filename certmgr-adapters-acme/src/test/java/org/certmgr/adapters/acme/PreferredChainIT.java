package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.AcmeSession;
import org.certmgr.ports.out.IssuedChain;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.OrderRequest;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleEnvironment;
import org.certmgr.testkit.pebble.PebbleExtension;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code preferred_chain} against a Pebble that offers an alternate chain ({@code PEBBLE_ALTERNATE_ROOTS=1}). */
@ExtendWith(PebbleExtension.class)
@PebbleEnvironment("PEBBLE_ALTERNATE_ROOTS=1")
class PreferredChainIT {
    private static final KeyMaterial KEYS = AcmeAdapters.keyMaterial();
    private static final AcmeTiming TIMING = new AcmeTiming(60, Duration.ofMillis(500), Duration.ofSeconds(60));
    private static final List<DnsName> NAMES = List.of(DnsName.of("chain.test"));

    private static PebbleServer pebble;
    private static ChallengeWebServer web;

    @BeforeAll
    static void servers(PebbleServer p, ChallengeWebServer w) {
        pebble = p;
        web = w;
    }

    private static List<X509Certificate> issueWith(Optional<String> preferred) throws Exception {
        AcmeGateway gateway = AcmeAdapters.gateway(pebble.directoryUrl(), List.of(pebble.trustAnchor()),
                Optional.empty(), preferred);
        KeyPair account = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));
        AcmeSession session = gateway.login(account, gateway.register(account, Optional.empty(), true));
        KeyPair key = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));
        IssuedChain chain = session.issue(new OrderRequest(NAMES, KEYS.createCsr(key, NAMES, false), TIMING),
                FileChallengeResponder.correct(web));
        return chain.certificates();
    }

    private static String topIssuer(List<X509Certificate> chain) {
        return ChainChooser.issuerCommonName(chain.get(chain.size() - 1));
    }

    @Test
    void givenTheAlternateRootsName_thenTheAlternateChainIsInstalled() throws Exception {
        String defaultRoot = ChainChooser.issuerCommonName(pebble.issuingRoot(0));
        String alternateRoot = ChainChooser.issuerCommonName(pebble.issuingRoot(1));
        assertThat(alternateRoot).isNotEqualTo(defaultRoot);

        assertThat(topIssuer(issueWith(Optional.empty()))).isEqualTo(defaultRoot);
        assertThat(topIssuer(issueWith(Optional.of(alternateRoot)))).isEqualTo(alternateRoot);
        assertThat(topIssuer(issueWith(Optional.of(defaultRoot.toUpperCase(java.util.Locale.ROOT)))))
                .isEqualTo(defaultRoot);
    }

    @Test
    void givenANameNoChainHas_thenTheDefaultChain() throws Exception {
        String defaultRoot = ChainChooser.issuerCommonName(pebble.issuingRoot(0));

        assertThat(topIssuer(issueWith(Optional.of("No Such Root X9")))).isEqualTo(defaultRoot);
    }
}
