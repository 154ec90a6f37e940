package org.certmgr.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.SettledStore;
import org.certmgr.ports.out.SettledStore.KeyTypeEntry;
import org.certmgr.ports.out.SettledStore.Settled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SettledStore}: extend it with a test class for your adapter.
 *
 * <p>{@link #newStore()} is called before each test; {@link #reopen()} must return a second
 * instance over the same storage (for an in-memory store, the same instance).
 */
public abstract class SettledStoreContract {
    private static final CertificateName ONE = CertificateName.of("one.example.test");
    private static final CertificateName TWO = CertificateName.of("two.example.test");

    private SettledStore store;

    /**
     * Creates an empty store for one test.
     *
     * @return the store under test
     * @throws Exception when it cannot be created
     */
    protected abstract SettledStore newStore() throws Exception;

    /**
     * Opens the store of the current test again, as another process would.
     *
     * @return a store over the same storage
     * @throws Exception when it cannot be opened
     */
    protected abstract SettledStore reopen() throws Exception;

    /**
     * Damages what is stored about a certificate so that it cannot be read any more. A store
     * that cannot be damaged may abort the test with {@code Assumptions.abort}.
     *
     * @param name the certificate
     * @throws Exception when it cannot be arranged
     */
    protected abstract void corrupt(CertificateName name) throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    /**
     * Returns the store of the current test.
     *
     * @return the store
     */
    protected final SettledStore store() {
        return store;
    }

    /**
     * A typical entry: an RSA and an ECDSA certificate of two names.
     *
     * @param version the files' version to record
     * @return the entry
     */
    protected static Settled typical(String version) {
        Instant from = Instant.parse("2026-03-01T04:00:00Z");
        Instant to = Instant.parse("2026-05-30T04:00:00Z");
        Set<String> names = Set.of("one.example.test", "www.one.example.test");
        return new Settled(version, "f1ng3rpr1nt", Map.of(
                KeyType.RSA, new KeyTypeEntry(new InstalledCertificate(KeyType.RSA, Optional.of("one.example.test"),
                        names, from, to, new KeySpec.Rsa(4096), true, false), "3f2a"),
                KeyType.ECDSA, new KeyTypeEntry(new InstalledCertificate(KeyType.ECDSA, Optional.empty(), names,
                        from, to, new KeySpec.Ec(EcCurve.SECP384R1), true, true), "4e1b")));
    }

    @Test
    void givenNothingStored_thenEveryCertificateIsAbsent() throws Exception {
        assertThat(store.get(ONE)).isEmpty();
    }

    @Test
    void givenAStoredEntry_thenItReadsBackExactly_alsoFromAnotherInstance() throws Exception {
        store.put(ONE, typical("v1"));

        assertThat(store.get(ONE)).contains(typical("v1"));
        assertThat(reopen().get(ONE)).contains(typical("v1"));
        assertThat(store.get(TWO)).isEmpty();
    }

    @Test
    void givenALaterEntry_thenItReplacesTheEarlierOne_andOthersKeepTheirs() throws Exception {
        store.put(ONE, typical("v1"));
        store.put(TWO, typical("v1"));

        store.put(ONE, typical("v2"));

        assertThat(reopen().get(ONE)).contains(typical("v2"));
        assertThat(reopen().get(TWO)).contains(typical("v1"));
    }

    @Test
    void givenADamagedEntry_thenItReadsAsAbsent() throws Exception {
        store.put(ONE, typical("v1"));

        corrupt(ONE);

        assertThat(reopen().get(ONE)).isEmpty();
    }
}
