package org.certmgr.testkit.memory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.RunHistory;

/** A run history kept in memory, shared by every run that uses this instance. */
public final class InMemoryRunHistory implements RunHistory {
    private final Map<CertificateName, CertificateRun> certificates = new ConcurrentHashMap<>();
    private final AtomicReference<RunSummary> last = new AtomicReference<>();

    /** Creates an empty history. */
    public InMemoryRunHistory() {
    }

    @Override
    public Optional<CertificateRun> lastRun(CertificateName name) {
        return Optional.ofNullable(certificates.get(name));
    }

    @Override
    public Optional<RunSummary> lastRun() {
        return Optional.ofNullable(last.get());
    }

    @Override
    public void record(RunSummary run, Map<CertificateName, CertificateRun> entries) {
        certificates.putAll(entries);
        last.set(run);
    }
}
