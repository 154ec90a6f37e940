package org.certmgr.ports;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.ports.in.MaintainFiles;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.Maintenance;
import org.certmgr.ports.out.StoreException;

/** The {@code check} and {@code cleanup} use cases, over the certificate store only. */
final class MaintenanceService implements MaintainFiles {
    private final Configuration configuration;
    private final CertificateStore store;
    private final Clock clock;
    private final Optional<Duration> archiveRetention;

    MaintenanceService(Configuration configuration, CertificateStore store, Clock clock,
                       Optional<Duration> archiveRetention) {
        this.configuration = configuration;
        this.store = store;
        this.clock = clock;
        this.archiveRetention = archiveRetention;
    }

    @Override
    public Maintenance check(List<String> names) {
        Map<CertificateName, Set<DnsName>> aliases = new LinkedHashMap<>();
        for (CertificateSpec spec : select(names)) {
            Set<DnsName> own = new HashSet<>(spec.altNames());
            own.remove(spec.commonName());
            aliases.put(spec.name(), own);
        }
        try {
            return store.check(aliases);
        } catch (StoreException e) {
            return new Maintenance(List.of(), List.of(e.getMessage()));
        }
    }

    @Override
    public Maintenance cleanup(List<String> names) {
        if (archiveRetention.isEmpty()) {
            return new Maintenance(List.of(), List.of());
        }
        Maintenance all = Maintenance.NOTHING;
        for (CertificateSpec spec : select(names)) {
            try {
                all = all.plus(store.deleteArchives(spec.name(), clock.instant().minus(archiveRetention.get())));
            } catch (StoreException e) {
                all = all.plus(new Maintenance(List.of(), List.of(spec.name() + ": " + e.getMessage())));
            }
        }
        return all;
    }

    private List<CertificateSpec> select(List<String> names) {
        try {
            return configuration.select(names);
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
