package org.certmgr.ports;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.VerifyTarget;
import org.certmgr.ports.in.ProbeOutcome;
import org.certmgr.ports.in.Verdict;
import org.certmgr.ports.in.VerifyInstallation;
import org.certmgr.ports.in.VerifyReport;
import org.certmgr.ports.out.NameResolver;
import org.certmgr.ports.out.ProbeRequest;
import org.certmgr.ports.out.ProbeResult;
import org.certmgr.ports.out.TlsProbe;

/**
 * The {@code verify} use case: for every selected certificate × target × host × address ×
 * key type, one probe, all probes in parallel on the given pool; each served chain is
 * judged against the installed files by {@link ServedChainJudge}.
 */
final class VerifyService implements VerifyInstallation {
    /** How often and how far apart a missing or bad staple is looked at again under Must-Staple. */
    record StapleRetry(int attempts, Duration delay) {
        StapleRetry {
            if (attempts < 1 || delay.isNegative()) {
                throw new IllegalArgumentException("staple retry needs at least one attempt and a delay >= 0");
            }
        }
    }

    /** One entry of the report: a probe to make, or an outcome known without probing. */
    private sealed interface Step permits Task, Known {
    }

    /** A probe to make: what to connect to, and what to compare with. */
    private record Task(CertificateName certificate, VerifyTarget target, DnsName host, InetAddress address,
                        KeyType keyType, InstalledChains.Installed installed) implements Step {
    }

    /** An outcome known without probing (no address, nothing installed). */
    private record Known(ProbeOutcome outcome) implements Step {
    }

    private final Configuration configuration;
    private final Map<CertificateName, List<VerifyTarget>> targets;
    private final InstalledChains installed;
    private final NameResolver resolver;
    private final TlsProbe probe;
    private final StapleRetry retry;
    private final ExecutorService pool;

    VerifyService(Configuration configuration, Map<CertificateName, List<VerifyTarget>> targets,
                  InstalledChains installed, NameResolver resolver, TlsProbe probe, StapleRetry retry,
                  ExecutorService pool) {
        this.configuration = configuration;
        this.targets = targets;
        this.installed = installed;
        this.resolver = resolver;
        this.probe = probe;
        this.retry = retry;
        this.pool = pool;
    }

    @Override
    public VerifyReport verify(List<String> names) throws InterruptedException {
        List<CertificateSpec> selected;
        try {
            selected = configuration.select(names);
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<String> warnings = new ArrayList<>();
        Map<DnsName, Future<List<InetAddress>>> addresses = resolveAll(selected);
        if (!selected.isEmpty() && selected.stream().allMatch(s -> targets.getOrDefault(s.name(), List.of()).isEmpty())) {
            warnings.add("no verify targets are configured for " + (names.isEmpty() ? "any certificate"
                    : "the selected certificates") + " (settings.verify or the certificate's verify)");
        }
        List<Step> plan = new ArrayList<>();
        for (CertificateSpec spec : selected) {
            List<VerifyTarget> own = targets.getOrDefault(spec.name(), List.of());
            Map<KeyType, InstalledChains.Installed> files = installed.read(spec);
            for (VerifyTarget target : own) {
                for (DnsName host : target.hosts()) {
                    List<InetAddress> found = await(addresses.get(host));
                    for (KeyType type : KeyType.values()) {
                        // In the enum's order, so that reports are stable (the target holds a set).
                        if (target.keyTypes().contains(type)) {
                            plan.addAll(tasks(spec.name(), target, host, type, found, files.get(type)));
                        }
                    }
                }
            }
        }
        List<ProbeOutcome> outcomes = new ArrayList<>();
        List<Future<ProbeOutcome>> running = new ArrayList<>();
        for (Step step : plan) {
            if (step instanceof Task task) {
                running.add(pool.submit(() -> run(task)));
            }
        }
        int next = 0;
        for (Step step : plan) {
            outcomes.add(step instanceof Known known ? known.outcome() : await(running.get(next++)));
        }
        return new VerifyReport(outcomes, warnings);
    }

    /** Tasks for one host and key type, or an outcome already known (no address, nothing installed). */
    private static List<Step> tasks(CertificateName certificate, VerifyTarget target, DnsName host, KeyType type,
                                      List<InetAddress> found, InstalledChains.Installed files) {
        if (files == null || files.chain().isEmpty()) {
            return List.of(new Known(new ProbeOutcome(certificate, host, Optional.empty(), target.port(), target.startTls(), type,
                    Verdict.NOT_INSTALLED, files == null ? "no installed " + type + " certificate" : files.problem())));
        }
        if (found.isEmpty()) {
            return List.of(new Known(new ProbeOutcome(certificate, host, Optional.empty(), target.port(), target.startTls(), type,
                    Verdict.NOT_RESOLVED, host.ascii() + " has no address")));
        }
        List<Step> tasks = new ArrayList<>();
        for (InetAddress address : found) {
            tasks.add(new Task(certificate, target, host, address, type, files));
        }
        return tasks;
    }

    private Map<DnsName, Future<List<InetAddress>>> resolveAll(List<CertificateSpec> selected) {
        Set<DnsName> hosts = new LinkedHashSet<>();
        for (CertificateSpec spec : selected) {
            targets.getOrDefault(spec.name(), List.of()).forEach(t -> hosts.addAll(t.hosts()));
        }
        Map<DnsName, Future<List<InetAddress>>> futures = new LinkedHashMap<>();
        for (DnsName host : hosts) {
            futures.put(host, pool.submit(() -> resolver.resolve(host)));
        }
        return futures;
    }

    private ProbeOutcome run(Task task) throws InterruptedException {
        boolean stapleDue = task.installed().mustStaple() || task.installed().hasOcspFile();
        ProbeRequest request = new ProbeRequest(task.address(), task.target().port(), task.host(),
                task.target().startTls(), task.keyType(), stapleDue);
        int attempts = task.installed().mustStaple() ? retry.attempts() : 1;
        ServedChainJudge.Judgement judgement = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                Thread.sleep(retry.delay().toMillis());
            }
            ProbeResult result = probe.probe(request);
            judgement = ServedChainJudge.judge(task.installed().chain(), result, stapleDue);
            boolean stapleProblem = judgement.verdict() == Verdict.NO_STAPLE || judgement.verdict() == Verdict.BAD_STAPLE;
            if (!stapleProblem) {
                break;
            }
        }
        return new ProbeOutcome(task.certificate(), task.host(), Optional.of(task.address()), task.target().port(),
                task.target().startTls(), task.keyType(), judgement.verdict(), judgement.detail());
    }

    private static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
