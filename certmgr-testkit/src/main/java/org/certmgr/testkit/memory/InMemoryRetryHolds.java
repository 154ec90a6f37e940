package org.certmgr.testkit.memory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.RetryHolds;

/** Holds kept in memory, shared by every run that uses this instance. */
public final class InMemoryRetryHolds implements RetryHolds {
    private final Map<CertificateName, Hold> holds = new ConcurrentHashMap<>();

    /** Creates an empty set of holds. */
    public InMemoryRetryHolds() {
    }

    @Override
    public Optional<Hold> current(CertificateName name) {
        return Optional.ofNullable(holds.get(name));
    }

    @Override
    public void hold(CertificateName name, Hold hold) {
        holds.put(name, hold);
    }

    @Override
    public void release(CertificateName name) {
        holds.remove(name);
    }
}
