package org.certmgr.ports;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.RunHistory;

/** The default run history of a {@link Certmgr}: in memory, for as long as it lives. */
final class MemoryRunHistory implements RunHistory {
    private final Map<CertificateName, CertificateRun> certificates = new ConcurrentHashMap<>();
    private volatile RunSummary last;

    @Override
    public Optional<CertificateRun> lastRun(CertificateName name) {
        return Optional.ofNullable(certificates.get(name));
    }

    @Override
    public Optional<RunSummary> lastRun() {
        return Optional.ofNullable(last);
    }

    @Override
    public void record(RunSummary run, Map<CertificateName, CertificateRun> entries) {
        certificates.putAll(entries);
        last = run;
    }
}
