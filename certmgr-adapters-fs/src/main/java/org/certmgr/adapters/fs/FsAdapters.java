package org.certmgr.adapters.fs;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.AccountStore;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.ChallengeResponder;

/**
 * The factory of the local machine's adapters: certificate store, account store and http-01
 * challenge directories. Every adapter needs a POSIX file system (Linux, BSD, macOS).
 */
public final class FsAdapters {

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
        Objects.requireNonNull(perName, "perName");
        Objects.requireNonNull(template, "template");
        return new ChallengeDirectories(perName, template);
    }
}
