package org.certmgr.adapters.fs.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.ExternalAccountBinding;
import org.certmgr.domain.VerifyTarget;
import org.certmgr.ports.out.HookEvent;

/**
 * Everything the configuration says about the local machine rather than about certificates:
 * paths, logging, ownership, challenge directories, hooks, service commands, CT logs and
 * installation checks. Relative paths are already resolved against the configuration file's
 * folder.
 *
 * @param logFile                the log file ({@code log_file}), or empty for no log file
 * @param logLevel               how much goes into the log file ({@code log_level})
 * @param dataDir                where certificates, keys and the account live ({@code data_dir})
 * @param lockFile               the file that keeps a second run out ({@code lock_file})
 * @param colorOutput            whether console output may be coloured on a terminal ({@code color_output})
 * @param fileUser               owner of installed files ({@code file_user}), or empty for the running user
 * @param fileGroup              group of installed files ({@code file_group}), or empty for the running user's group
 * @param archiveRetention       how long archived files are kept ({@code archive_days}), or empty to keep them
 * @param minRunDelay            shortest random wait of {@code --randomwait} ({@code min_run_delay})
 * @param maxRunDelay            longest random wait of {@code --randomwait} ({@code max_run_delay})
 * @param maxOcspVerifyAttempts  tries to see an OCSP staple while verifying ({@code max_ocsp_verify_attempts})
 * @param ocspVerifyRetryDelay   pause between those tries ({@code ocsp_verify_retry_delay})
 * @param acmeCaBundle           PEM file of extra CA certificates trusted for the ACME server's HTTPS
 *                               ({@code acme_ca_bundle}), or empty for the JVM's trust store only
 * @param acmeProfile            the settings' ACME profile ({@code profile}); each certificate's own is in its spec
 * @param preferredChain         issuer name of the preferred alternate chain ({@code preferred_chain})
 * @param externalAccountBinding EAB credentials ({@code account.eab_kid}, {@code account.eab_hmac_key})
 * @param httpChallenges         challenge directory per name ({@code http_challenges})
 * @param httpChallengeDir       challenge directory template with {@code {fqdn}} ({@code http_challenge_dir})
 * @param serviceCommands        service name → its reload command split into arguments ({@code services})
 * @param ctLogs                 log name → Certificate Transparency log ({@code ct_logs})
 * @param hooks                  every hook → its commands, in configuration order; empty when none
 * @param verify                 certificate → its installation checks ({@code verify}), resolved
 * @param metricsFile            where the Prometheus metrics of each {@code update} run are written
 *                               ({@code metrics_file}), or empty for none
 * @param parallelism            how many certificates are processed at once ({@code parallelism}, 1 to 64)
 */
public record LocalSettings(Optional<Path> logFile, LogLevel logLevel, Path dataDir, Path lockFile,
                            boolean colorOutput, Optional<String> fileUser, Optional<String> fileGroup,
                            Optional<Duration> archiveRetention, Duration minRunDelay, Duration maxRunDelay,
                            int maxOcspVerifyAttempts, Duration ocspVerifyRetryDelay, Optional<Path> acmeCaBundle,
                            Optional<String> acmeProfile, Optional<String> preferredChain,
                            Optional<ExternalAccountBinding> externalAccountBinding,
                            Map<DnsName, Path> httpChallenges, Optional<String> httpChallengeDir,
                            Map<String, List<String>> serviceCommands, Map<String, CtLog> ctLogs,
                            Map<HookEvent, List<HookCommand>> hooks, Map<CertificateName, List<VerifyTarget>> verify,
                            Optional<Path> metricsFile, int parallelism) {

    /**
     * Copies the collections and fills in an empty command list for every hook not configured.
     *
     * @param logFile                log file
     * @param logLevel               log level
     * @param dataDir                data folder
     * @param lockFile               lock file
     * @param colorOutput            colour
     * @param fileUser               file owner
     * @param fileGroup              file group
     * @param archiveRetention       archive retention
     * @param minRunDelay            shortest random wait
     * @param maxRunDelay            longest random wait, not shorter than {@code minRunDelay}
     * @param maxOcspVerifyAttempts  OCSP verification tries
     * @param ocspVerifyRetryDelay   pause between tries
     * @param acmeCaBundle           extra CA certificates
     * @param acmeProfile            ACME profile
     * @param preferredChain         preferred chain
     * @param externalAccountBinding EAB credentials
     * @param httpChallenges         challenge folders
     * @param httpChallengeDir       challenge folder template
     * @param serviceCommands        service commands
     * @param ctLogs                 CT logs
     * @param hooks                  hooks
     * @param verify                 installation checks
     * @param metricsFile            metrics file, or empty
     * @param parallelism            certificates processed at once, 1 or more
     */
    public LocalSettings {
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(lockFile, "lockFile");
        Objects.requireNonNull(fileUser, "fileUser");
        Objects.requireNonNull(fileGroup, "fileGroup");
        Objects.requireNonNull(archiveRetention, "archiveRetention");
        if (minRunDelay.compareTo(maxRunDelay) > 0) {
            throw new IllegalArgumentException("max_run_delay must not be shorter than min_run_delay");
        }
        Objects.requireNonNull(ocspVerifyRetryDelay, "ocspVerifyRetryDelay");
        Objects.requireNonNull(acmeCaBundle, "acmeCaBundle");
        Objects.requireNonNull(acmeProfile, "acmeProfile");
        Objects.requireNonNull(preferredChain, "preferredChain");
        Objects.requireNonNull(externalAccountBinding, "externalAccountBinding");
        httpChallenges = Collections.unmodifiableMap(new LinkedHashMap<>(httpChallenges));
        Objects.requireNonNull(httpChallengeDir, "httpChallengeDir");
        Map<String, List<String>> commands = new LinkedHashMap<>();
        serviceCommands.forEach((name, args) -> commands.put(name, List.copyOf(args)));
        serviceCommands = Collections.unmodifiableMap(commands);
        ctLogs = Collections.unmodifiableMap(new LinkedHashMap<>(ctLogs));
        EnumMap<HookEvent, List<HookCommand>> allHooks = new EnumMap<>(HookEvent.class);
        for (HookEvent event : HookEvent.values()) {
            allHooks.put(event, List.copyOf(hooks.getOrDefault(event, List.of())));
        }
        hooks = Collections.unmodifiableMap(allHooks);
        Map<CertificateName, List<VerifyTarget>> checks = new LinkedHashMap<>();
        verify.forEach((name, targets) -> checks.put(name, List.copyOf(targets)));
        verify = Collections.unmodifiableMap(checks);
        Objects.requireNonNull(metricsFile, "metricsFile");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    /**
     * Returns the folder where the http-01 response for a name is written: its
     * {@code http_challenges} entry, else the {@code http_challenge_dir} template filled in.
     *
     * @param name the name being validated
     * @return the folder, or empty when the configuration names none for it
     */
    public Optional<Path> challengeDirectory(DnsName name) {
        Path configured = httpChallenges.get(name);
        if (configured != null) {
            return Optional.of(configured);
        }
        return httpChallengeDir.map(template -> Path.of(Template.render(template, Map.of("fqdn", name.ascii()))));
    }

    /**
     * Returns the commands of one hook.
     *
     * @param event the hook
     * @return its commands in configuration order; empty when none is configured
     */
    public List<HookCommand> hooks(HookEvent event) {
        return hooks.get(event);
    }

    /**
     * Returns the installation checks of one certificate.
     *
     * @param name the certificate
     * @return its checks; empty when none is configured
     */
    public List<VerifyTarget> verifyTargets(CertificateName name) {
        return verify.getOrDefault(name, List.of());
    }
}
