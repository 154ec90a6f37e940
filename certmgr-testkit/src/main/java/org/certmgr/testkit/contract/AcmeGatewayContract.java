package org.certmgr.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.RevocationReason;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.AcmeSession;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.CaUnreachableException;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;
import org.certmgr.ports.out.IssuedChain;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.OrderRequest;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AcmeGateway} and {@link AcmeSession}: extend it with a test class for
 * your adapter, pointed at a CA that validates http-01 (a Pebble from
 * {@link org.certmgr.testkit.pebble.PebbleExtension}, say), or at an in-memory CA.
 */
public abstract class AcmeGatewayContract {
    private static final AtomicInteger ORDERS = new AtomicInteger();
    private static final AcmeTiming TIMING = new AcmeTiming(60, Duration.ofMillis(500), Duration.ofSeconds(60));

    /**
     * Returns a gateway to a working CA.
     *
     * @return the gateway under test
     * @throws Exception when it cannot be created
     */
    protected abstract AcmeGateway gateway() throws Exception;

    /**
     * Returns a gateway whose CA cannot be reached (a closed port, say).
     *
     * @return a gateway to nowhere
     * @throws Exception when it cannot be created
     */
    protected abstract AcmeGateway unreachableGateway() throws Exception;

    /**
     * Returns a responder that puts http-01 responses where the CA of {@link #gateway()}
     * fetches them, for any name under {@code .test}.
     *
     * @return the responder
     * @throws Exception when it cannot be created
     */
    protected abstract ChallengeResponder responder() throws Exception;

    /**
     * Returns the key material used to make account keys, certificate keys and CSRs.
     *
     * @return key material
     */
    protected abstract KeyMaterial keyMaterial();

    private List<DnsName> freshNames() {
        int n = ORDERS.incrementAndGet();
        return List.of(DnsName.of("contract-" + n + ".test"), DnsName.of("www.contract-" + n + ".test"));
    }

    private KeyPair ecKey() {
        return keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1));
    }

    private AcmeSession newAccount(AcmeGateway gateway) throws CaException {
        KeyPair key = ecKey();
        return gateway.login(key, gateway.register(key, Optional.of("admin@contract.test"), true));
    }

    /** Records every call and passes it on, to check the order of deploy and remove. */
    private static final class RecordingResponder implements ChallengeResponder {
        private final ChallengeResponder target;
        final List<String> calls = new ArrayList<>();

        RecordingResponder(ChallengeResponder target) {
            this.target = target;
        }

        @Override
        public synchronized String deploy(HttpChallenge challenge) throws ChallengeException {
            calls.add("deploy " + challenge.domain() + " " + challenge.token());
            return target.deploy(challenge);
        }

        @Override
        public synchronized void remove(HttpChallenge challenge) {
            calls.add("remove " + challenge.domain() + " " + challenge.token());
            target.remove(challenge);
        }
    }

    @Test
    void givenANewKey_whenRegister_thenTheRegistrationNamesTheAccountAndTheDirectory() throws Exception {
        AcmeGateway gateway = gateway();
        KeyPair key = ecKey();

        AccountRegistration registration = gateway.register(key, Optional.of("admin@contract.test"), true);

        assertThat(registration.accountUrl()).isNotBlank();
        assertThat(registration.directoryUrl()).isNotBlank();
        assertThat(gateway.register(key, Optional.of("admin@contract.test"), true).accountUrl())
                .as("registering the same key again finds the same account")
                .isEqualTo(registration.accountUrl());
    }

    @Test
    void givenAnOrder_whenIssue_thenTheLeafHasTheCsrKeyAndExactlyTheNamesAndIsSignedByTheNextCertificate()
            throws Exception {
        AcmeSession session = newAccount(gateway());
        List<DnsName> names = freshNames();
        KeyPair certificateKey = keyMaterial().generate(new KeySpec.Rsa(2048));
        byte[] csr = keyMaterial().createCsr(certificateKey, names, false);

        IssuedChain chain = session.issue(new OrderRequest(names, csr, TIMING), responder());

        X509Certificate leaf = chain.leaf();
        assertThat(leaf.getPublicKey().getEncoded()).isEqualTo(certificateKey.getPublic().getEncoded());
        assertThat(dnsNames(leaf)).containsExactlyInAnyOrder(names.get(0).ascii(), names.get(1).ascii());
        assertThat(chain.intermediates()).isNotEmpty();
        leaf.verify(chain.intermediates().get(0).getPublicKey());
    }

    @Test
    void givenAnOrder_whenIssue_thenEveryDeployedResponseIsRemovedAfterwards() throws Exception {
        AcmeSession session = newAccount(gateway());
        List<DnsName> names = freshNames();
        KeyPair certificateKey = ecKey();
        RecordingResponder recording = new RecordingResponder(responder());

        session.issue(new OrderRequest(names, keyMaterial().createCsr(certificateKey, names, false), TIMING), recording);

        List<String> deploys = recording.calls.stream().filter(c -> c.startsWith("deploy ")).toList();
        List<String> removes = recording.calls.stream().filter(c -> c.startsWith("remove ")).toList();
        assertThat(deploys).as("a new account has no valid authorization: every name is challenged").hasSize(2);
        assertThat(removes).containsExactlyInAnyOrderElementsOf(
                deploys.stream().map(d -> "remove " + d.substring("deploy ".length())).toList());
        int lastDeploy = recording.calls.lastIndexOf(deploys.get(deploys.size() - 1));
        assertThat(recording.calls.subList(lastDeploy + 1, recording.calls.size())).allMatch(c -> c.startsWith("remove "));
    }

    @Test
    void givenAResponderThatCannotPlaceResponses_whenIssue_thenAChallengeExceptionNamesTheDomain() throws Exception {
        AcmeSession session = newAccount(gateway());
        List<DnsName> names = freshNames();
        KeyPair certificateKey = ecKey();
        ChallengeResponder refusing = new ChallengeResponder() {
            @Override
            public String deploy(HttpChallenge challenge) throws ChallengeException {
                throw new ChallengeException("no http challenge directory is configured for " + challenge.domain());
            }

            @Override
            public void remove(HttpChallenge challenge) {
                // Nothing was placed.
            }
        };

        assertThatThrownBy(() -> session.issue(
                new OrderRequest(names, keyMaterial().createCsr(certificateKey, names, false), TIMING), refusing))
                .isInstanceOf(ChallengeException.class)
                .hasMessageContaining("contract-");
    }

    @Test
    void givenAnIssuedCertificate_whenRevoke_thenItIsRevokedOnceAndASecondRevocationIsRefused() throws Exception {
        AcmeSession session = newAccount(gateway());
        List<DnsName> names = freshNames();
        KeyPair certificateKey = ecKey();
        IssuedChain chain = session.issue(new OrderRequest(names,
                keyMaterial().createCsr(certificateKey, names, false), TIMING), responder());

        session.revoke(chain.leaf(), RevocationReason.SUPERSEDED);

        assertThatThrownBy(() -> session.revoke(chain.leaf(), RevocationReason.SUPERSEDED))
                .isInstanceOf(CaException.class);
    }

    @Test
    void givenNoValidAuthorization_whenIssueWithoutAnsweringChallenges_thenAChallengeExceptionAndNoDeploy()
            throws Exception {
        AcmeSession session = newAccount(gateway());
        List<DnsName> names = freshNames();
        RecordingResponder recording = new RecordingResponder(responder());

        assertThatThrownBy(() -> session.issue(new OrderRequest(names,
                keyMaterial().createCsr(ecKey(), names, false), TIMING, false), recording))
                .isInstanceOf(ChallengeException.class)
                .hasMessageContaining(names.get(0).ascii());
        assertThat(recording.calls).isEmpty();
    }

    @Test
    void givenAuthorize_thenResponsesAreDeployedAndRemovedAndNothingIsIssued() throws Exception {
        AcmeSession session = newAccount(gateway());
        List<DnsName> names = freshNames();
        RecordingResponder recording = new RecordingResponder(responder());

        session.authorize(names, recording, TIMING);

        assertThat(recording.calls).filteredOn(c -> c.startsWith("deploy")).hasSize(names.size());
        assertThat(recording.calls).filteredOn(c -> c.startsWith("remove")).hasSize(names.size());
    }

    @Test
    void givenAKeyRollover_thenTheNewKeyLogsInToTheSameAccountAndTheOldOneNoLonger() throws Exception {
        AcmeGateway gateway = gateway();
        KeyPair oldKey = ecKey();
        AccountRegistration registration = gateway.register(oldKey, Optional.empty(), true);
        KeyPair newKey = ecKey();

        gateway.login(oldKey, registration).changeAccountKey(newKey);

        assertThat(gateway.login(newKey, registration)).isNotNull();
        assertThat(gateway.register(newKey, Optional.empty(), true).accountUrl()).isEqualTo(registration.accountUrl());
        assertThatThrownBy(() -> gateway.login(oldKey, registration)).isInstanceOf(CaException.class);
    }

    @Test
    void givenAnAccountTheCaDoesNotKnow_whenLogin_thenCaException() throws Exception {
        AcmeGateway gateway = gateway();
        AccountRegistration real = gateway.register(ecKey(), Optional.empty(), true);

        assertThatThrownBy(() -> gateway.login(ecKey(), real)).isInstanceOf(CaException.class);
    }

    @Test
    void givenAnUnreachableCa_whenAnyCallIsMade_thenCaUnreachableException() throws Exception {
        AcmeGateway gateway = unreachableGateway();

        assertThatThrownBy(gateway::directory).isInstanceOf(CaUnreachableException.class).hasMessageNotContaining("PRIVATE");
        assertThatThrownBy(() -> gateway.register(ecKey(), Optional.empty(), true)).isInstanceOf(CaUnreachableException.class);
    }

    private static List<String> dnsNames(X509Certificate certificate) throws Exception {
        Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
        List<String> names = new ArrayList<>();
        if (sans != null) {
            for (List<?> san : sans) {
                if (Integer.valueOf(2).equals(san.get(0))) {
                    names.add(((String) san.get(1)).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return names;
    }
}
