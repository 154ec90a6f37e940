package org.certmgr.testkit.memory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.RenewalInfoStore;

/** Renewal information kept in memory, shared by every run that uses this instance. */
public final class InMemoryRenewalInfoStore implements RenewalInfoStore {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryRenewalInfoStore() {
    }

    @Override
    public Optional<Entry> get(CertificateName name, KeyType type) {
        return Optional.ofNullable(entries.get(name + "/" + type.id()));
    }

    @Override
    public void put(CertificateName name, KeyType type, Entry entry) {
        entries.put(name + "/" + type.id(), entry);
    }
}
