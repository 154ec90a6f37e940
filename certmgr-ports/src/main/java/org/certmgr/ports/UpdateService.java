package org.certmgr.ports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.UpdateCertificates;
import org.certmgr.ports.in.UpdateCommand;

/**
 * The {@code update} use case: processes the selected certificates in parallel, each one
 * independently, and reports every outcome in configuration order.
 */
final class UpdateService implements UpdateCertificates {
    private final Configuration configuration;
    private final CertificateUpdater updater;
    private final ExecutorService certificateExecutor;

    UpdateService(Configuration configuration, CertificateUpdater updater, ExecutorService certificateExecutor) {
        this.configuration = configuration;
        this.updater = updater;
        this.certificateExecutor = certificateExecutor;
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
            running.add(certificateExecutor.submit(() -> updater.update(spec, command.force())));
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
        return new RunReport(outcomes);
    }
}
