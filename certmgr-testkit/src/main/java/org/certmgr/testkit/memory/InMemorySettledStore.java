package org.certmgr.testkit.memory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.SettledStore;

/** Settled certificates kept in memory, shared by every run that uses this instance. */
public final class InMemorySettledStore implements SettledStore {
    private final Map<CertificateName, Settled> entries = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemorySettledStore() {
    }

    @Override
    public Optional<Settled> get(CertificateName name) {
        return Optional.ofNullable(entries.get(name));
    }

    @Override
    public void put(CertificateName name, Settled settled) {
        entries.put(name, settled);
    }

    /**
     * Tells how many certificates are remembered, for tests.
     *
     * @return the number of entries
     */
    public int size() {
        return entries.size();
    }
}
