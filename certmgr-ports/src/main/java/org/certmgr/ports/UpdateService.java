package org.certmgr.ports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.UpdateCertificates;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.ports.out.HookRunner;
import org.certmgr.ports.out.ServiceReloader;

/**
 * The {@code update} use case: processes the selected certificates in parallel, each one
 * independently, reports every outcome in configuration order, then reloads each service
 * whose certificates changed exactly once and runs the {@code certificates_updated} hook.
 */
final class UpdateService implements UpdateCertificates {
    private final Configuration configuration;
    private final CertificateUpdater updater;
    private final ExecutorService certificateExecutor;
    private final ServiceReloader services;
    private final HookRunner hooks;

    UpdateService(Configuration configuration, CertificateUpdater updater, ExecutorService certificateExecutor,
                  ServiceReloader services, HookRunner hooks) {
        this.configuration = configuration;
        this.updater = updater;
        this.certificateExecutor = certificateExecutor;
        this.services = services;
        this.hooks = hooks;
    }

    @Override
    public RunReport update(UpdateCommand command) throws InterruptedException {
        List<CertificateSpec> selected;
        try {
            selected = configuration.select(command.names());
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<Future<CertificateOutcome>> running = new ArrayList<>();
        for (CertificateSpec spec : selected) {
            // Named after the certificate, so that every log line of the work says which one it is.
            running.add(certificateExecutor.submit(() -> TaskNames.call(spec.name().toString(),
                    () -> updater.update(spec, command.scope(), command.force(), command.answerChallenges()))));
        }
        List<CertificateOutcome> outcomes = new ArrayList<>();
        for (Future<CertificateOutcome> f : running) {
            try {
                outcomes.add(f.get());
            } catch (ExecutionException e) {
                // A bug, not a certificate failure: let it surface with its stack trace.
                throw new IllegalStateException("certificate processing failed unexpectedly", e.getCause());
            }
        }
        List<CertificateSpec> changed = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            if (outcomes.get(i).changed()) {
                changed.add(selected.get(i));
            }
        }
        List<String> warnings = new ArrayList<>();
        List<String> reloaded = reloadServices(changed, warnings);
        if (!changed.isEmpty()) {
            String names = changed.stream().map(s -> s.name().toString()).collect(Collectors.joining(" "));
            warnings.addAll(hooks.run(HookEvent.CERTIFICATES_UPDATED, Map.of("certificate_names", names),
                    Optional.empty()));
        }
        return new RunReport(outcomes, reloaded, warnings);
    }

    /** Each service once, in the order the certificates name them, however many of its certificates changed. */
    private List<String> reloadServices(List<CertificateSpec> changed, List<String> warnings)
            throws InterruptedException {
        Set<String> wanted = new LinkedHashSet<>();
        changed.forEach(spec -> wanted.addAll(spec.services()));
        List<String> reloaded = new ArrayList<>();
        for (String service : wanted) {
            Optional<String> failure = services.reload(service);
            if (failure.isPresent()) {
                warnings.add("service " + service + " was not reloaded: " + failure.get());
            } else {
                reloaded.add(service);
            }
        }
        return reloaded;
    }
}
