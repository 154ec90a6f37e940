package org.certmgr.adapters.fs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.adapters.fs.config.HookCommand;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.AccountStore;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.ports.out.HookRunner;
import org.certmgr.ports.out.RenewalInfoStore;
import org.certmgr.ports.out.MetricsWriter;
import org.certmgr.ports.out.RetryHolds;
import org.certmgr.ports.out.RunHistory;
import org.certmgr.ports.out.SettledStore;
import org.certmgr.ports.out.ServiceReloader;
import org.slf4j.LoggerFactory;

/**
 * The factory of the local machine's adapters: certificate store, account store and http-01
 * challenge directories. Every adapter needs a POSIX file system (Linux, BSD, macOS).
 */
public final class FsAdapters {

    private static final String HOOKS_LOGGER = "org.certmgr.hooks";
    private static final String SERVICES_LOGGER = "org.certmgr.services";

    private FsAdapters() {
    }

    /**
     * Returns the certificate store below {@code dataDir}.
     *
     * <p>{@code dataDir/<name>} is a relative link to the certificate's current generation in
     * {@code dataDir/.generations/<name>/<id>/}, switched atomically on each commit, so that no
     * reader and no crash can ever see a mix of old and new files. Replaced generations go to
     * {@code dataDir/archives/<name>/YYYY_MM_DD_HHMMSS/}. A real folder left by the original
     * Python tool is archived on the first commit and replaced by the link. Private keys are
     * created with mode 0640, other files 0644. Locations handed to hooks and servers are
     * {@code dataDir/<name>/...}, through the link; {@code check} puts modes, owners and alias
     * links back in order, and {@code deleteArchives} reads an archive's age from its name.
     *
     * @param dataDir   the {@code data_dir} setting
     * @param ownership the owner and group of the installed files
     * @param clock     the clock naming archive folders (in UTC)
     * @return the store
     */
    public static CertificateStore certificateStore(Path dataDir, FileOwnership ownership, Clock clock) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(clock, "clock");
        return new GenerationStore(dataDir, ownership, clock, new FileOps());
    }

    /**
     * Returns the certificate store below {@code dataDir} for files owned by the current user,
     * archives named by the system clock: see {@link #certificateStore(Path, FileOwnership, Clock)}.
     *
     * @param dataDir the {@code data_dir} setting
     * @return the store
     */
    public static CertificateStore certificateStore(Path dataDir) {
        return certificateStore(dataDir, FileOwnership.CURRENT_USER, Clock.systemUTC());
    }

    /**
     * Returns the account store below {@code dataDir} for files owned by the current user: see
     * {@link #accountStore(Path, FileOwnership)}.
     *
     * @param dataDir the {@code data_dir} setting
     * @return the store
     */
    public static AccountStore accountStore(Path dataDir) {
        return accountStore(dataDir, FileOwnership.CURRENT_USER);
    }

    /**
     * Returns the account store: {@code dataDir/account/client.key} (mode 0640) and
     * {@code dataDir/account/registration.json} (mode 0644). A replaced pair is moved to
     * {@code dataDir/archives/account/YYYY_MM_DD_HHMMSS/}, named by the system clock in UTC.
     *
     * @param dataDir   the {@code data_dir} setting
     * @param ownership the owner and group of the account files
     * @return the store
     */
    public static AccountStore accountStore(Path dataDir, FileOwnership ownership) {
        return accountStore(dataDir, ownership, Clock.systemUTC());
    }

    /**
     * Returns the account store, naming its archive folders by {@code clock}: see
     * {@link #accountStore(Path, FileOwnership)}.
     *
     * @param dataDir   the {@code data_dir} setting
     * @param ownership the owner and group of the account files
     * @param clock     the clock naming archive folders (in UTC)
     * @return the store
     */
    public static AccountStore accountStore(Path dataDir, FileOwnership ownership, Clock clock) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(clock, "clock");
        return new FsAccountStore(dataDir, ownership, clock, new FileOps());
    }

    /**
     * Returns the challenge responder that writes http-01 token files into the directories a
     * web server serves as {@code /.well-known/acme-challenge/}.
     *
     * @param perName  the {@code http_challenges} setting: a directory per fully qualified name
     * @param template the {@code http_challenge_dir} setting for names not in {@code perName},
     *                 e.g. {@code /var/www/{fqdn}/.well-known/acme-challenge}, where {@code {fqdn}}
     *                 stands for the name in ASCII form
     * @return the responder
     */
    public static ChallengeResponder challengeDirectories(Map<DnsName, Path> perName, Optional<String> template) {
        return challengeDirectories(perName, template, HookRunner.NONE);
    }

    /**
     * Returns the challenge responder that writes http-01 token files into one directory per
     * name, made from a template: see {@link #challengeDirectories(Map, Optional)}.
     *
     * @param template the {@code http_challenge_dir} setting, e.g.
     *                 {@code /var/www/{fqdn}/.well-known/acme-challenge}
     * @return the responder
     */
    public static ChallengeResponder challengeDirectories(String template) {
        return challengeDirectories(Map.of(), Optional.of(template));
    }

    /**
     * Returns the challenge responder that writes http-01 token files, running the
     * {@code set_http_challenge} hook after writing a file and {@code clear_http_challenge}
     * after removing one, with the fields {@code domain} (ASCII form) and
     * {@code challenge_file} (absolute path). Hook warnings are logged at WARN through the
     * SLF4J logger {@code org.certmgr.hooks}: the responder has no other way to report them.
     *
     * @param perName  the {@code http_challenges} setting
     * @param template the {@code http_challenge_dir} setting, see
     *                 {@link #challengeDirectories(Map, Optional)}
     * @param hooks    runs the challenge hooks, e.g. {@link #hookRunner}
     * @return the responder
     */
    public static ChallengeResponder challengeDirectories(Map<DnsName, Path> perName, Optional<String> template,
            HookRunner hooks) {
        Objects.requireNonNull(perName, "perName");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(hooks, "hooks");
        // Looked up at the first warning: a run without one never starts logging.
        return new ChallengeDirectories(perName, template, hooks,
                warning -> LoggerFactory.getLogger(HOOKS_LOGGER).warn(warning));
    }

    /**
     * Returns the runner of the commands in the {@code hooks} section.
     *
     * <p>Each command runs without a shell: {@code {field}} references are replaced inside
     * their argument, so a value never becomes more than one argument and never code. The
     * command's environment is certmgr's own plus {@code CERTMGR_<FIELD>} for every field,
     * {@code CERTMGR_HOOK} (the hook's id) and, for an encrypted private key,
     * {@code CERTMGR_PASSPHRASE}; its standard input is empty. Standard output and error go
     * line by line to the SLF4J logger {@code org.certmgr.hooks} at INFO, prefixed with the
     * hook's id. A command running past its timeout is killed with its child processes
     * (SIGTERM, SIGKILL two seconds later). Failures come back as warnings such as
     * {@code hook certificate_installed: `scp /x host:` exited with code 1}; they never contain
     * the environment.
     *
     * @param hooks   the {@code hooks} setting: every hook's commands, in configuration order
     * @param dataDir the {@code data_dir} setting, offered as the field {@code data_dir} to
     *                {@code certificates_updated} when the caller does not give it
     * @return the runner; safe for concurrent use
     */
    public static HookRunner hookRunner(Map<HookEvent, List<HookCommand>> hooks, Path dataDir) {
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(dataDir, "dataDir");
        return new CommandHookRunner(hooks, dataDir, new ProcessRunner(ProcessRunner.OutputLog.slf4j(HOOKS_LOGGER)),
                System.getenv());
    }

    /**
     * Returns the service reloader that runs the commands of the {@code services} section.
     *
     * <p>A command runs without a shell, with certmgr's environment and an empty standard
     * input; its output goes line by line to the SLF4J logger {@code org.certmgr.services} at
     * INFO, prefixed with the service name. A command running past the timeout is killed with
     * its child processes. A failure comes back as e.g.
     * {@code service nginx: `systemctl reload nginx` exited with code 1}.
     *
     * @param serviceCommands the {@code services} setting: service name → command split into arguments
     * @param timeout         how long one reload may take
     * @return the reloader; safe for concurrent use
     */
    public static ServiceReloader serviceReloader(Map<String, List<String>> serviceCommands, Duration timeout) {
        Objects.requireNonNull(serviceCommands, "serviceCommands");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the reload timeout must be positive");
        }
        return new CommandServiceReloader(serviceCommands, timeout,
                new ProcessRunner(ProcessRunner.OutputLog.slf4j(SERVICES_LOGGER)), System.getenv());
    }

    /**
     * Returns the lock that keeps a second run out, on {@code lockFile}; nothing is locked
     * until {@link RunLock#tryAcquire} or {@link RunLock#acquire}.
     *
     * @param lockFile the {@code lock_file} setting
     * @return the lock, not yet held
     */
    public static RunLock runLock(Path lockFile) {
        Objects.requireNonNull(lockFile, "lockFile");
        return new RunLock(lockFile);
    }

    /**
     * Returns where the CA's requests to wait (rate limits with Retry-After) are remembered
     * between runs: {@code dataDir/.holds/<name>}, one small text file per held certificate.
     *
     * @param dataDir the {@code data_dir} setting
     * @return the holds
     */
    public static RetryHolds retryHolds(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        return new FsRetryHolds(dataDir);
    }

    /**
     * Returns where what the CA says about renewing each certificate (RFC 9773) is kept between
     * runs: {@code dataDir/.ari/<name>.<key type>}.
     *
     * @param dataDir the {@code data_dir} setting
     * @return the store
     */
    public static RenewalInfoStore renewalInfoStore(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        return new FsRenewalInfoStore(dataDir);
    }

    /**
     * Returns the settled certificates below {@code dataDir}: one small text file per certificate
     * in {@code dataDir/.runs/settled/}, written when a run finds the certificate with nothing to do,
     * so that later runs need not read its files while they and the configuration stay the same.
     *
     * @param dataDir   the {@code data_dir} setting
     * @param generator the program and version writing the entries (e.g. "certmgr 1.2.0"); entries
     *                  written by another are ignored, as it may render files differently
     * @return the store
     */
    public static SettledStore settledStore(Path dataDir, String generator) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(generator, "generator");
        return new FsSettledStore(dataDir, new FileOps(), generator);
    }

    /**
     * Returns the run history below {@code dataDir}: one small text file,
     * {@code dataDir/.runs/last-run}, with the last {@code update} run as a whole and a line per
     * certificate, replaced atomically (temporary file, fsync, rename) once per run.
     *
     * @param dataDir the {@code data_dir} setting
     * @return the history
     */
    public static RunHistory runHistory(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        return new FsRunHistory(dataDir, new FileOps());
    }

    /**
     * Returns the writer of the {@code metrics_file}: the Prometheus text format for
     * node_exporter's textfile collector, replaced atomically (a hidden temporary file in the same
     * folder, fsync, rename), mode 0644. Its folder must exist. The metric names and their labels
     * are listed in docs/status-and-metrics.md.
     *
     * @param file the {@code metrics_file} setting, e.g.
     *             {@code /var/lib/prometheus/node-exporter/certmgr.prom}
     * @return the writer
     */
    public static MetricsWriter metricsFile(Path file) {
        Objects.requireNonNull(file, "file");
        return new PrometheusTextFile(file, new FileOps());
    }
}
