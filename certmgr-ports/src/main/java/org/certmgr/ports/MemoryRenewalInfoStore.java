package org.certmgr.ports;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.RenewalInfoStore;

/** The default renewal information store of a {@link Certmgr}: in memory, for as long as it lives. */
final class MemoryRenewalInfoStore implements RenewalInfoStore {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Entry> get(CertificateName name, KeyType type) {
        return Optional.ofNullable(entries.get(name.folderName() + "/" + type.id()));
    }

    @Override
    public void put(CertificateName name, KeyType type, Entry entry) {
        entries.put(name.folderName() + "/" + type.id(), entry);
    }
}
