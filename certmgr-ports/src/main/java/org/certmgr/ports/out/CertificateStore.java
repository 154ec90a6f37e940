package org.certmgr.ports.out;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;

/**
 * Keeps the installed files of each certificate and replaces them as one transaction.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #current} MUST return empty for a certificate never committed, and the files
 *       of the last successful commit otherwise.</li>
 *   <li>{@link #commit} MUST be atomic: a reader of the certificate's folder sees either
 *       the complete previous set or the complete new set, never a mix, also when the
 *       process dies at any instant. When it throws, the previous set MUST be unchanged.</li>
 *   <li>Committing a set equal to the current one MUST change nothing and return a result
 *       whose {@link CommitResult#changed()} is false.</li>
 *   <li>Secret files ({@link FileSet#isSecret}) MUST never be readable by others, at no
 *       instant; other files are readable by all.</li>
 *   <li>Each alias MUST afterwards lead to the certificate's files (a symbolic link
 *       {@code <alias>} → {@code <name>} for a file-system store); an alias that is the name
 *       of another certificate MUST NOT be touched.</li>
 *   <li>Files replaced or removed are kept in an archive, not deleted, until
 *       {@link #deleteArchives} removes them; archives keep the files of each key type apart.</li>
 *   <li>Implementations MUST be safe for concurrent commits of different certificates.</li>
 * </ul>
 */
public interface CertificateStore {

    /**
     * Reads the installed files of a certificate.
     *
     * @param name the certificate
     * @return its files, or empty when it was never installed
     * @throws StoreException when the files exist but cannot be read
     */
    Optional<FileSet> current(CertificateName name) throws StoreException;

    /**
     * Replaces all files of a certificate with {@code files} in one transaction.
     *
     * @param name    the certificate
     * @param files   the complete new set of files
     * @param aliases other names under which the files must be reachable (the alternative names)
     * @return what changed
     * @throws StoreException when the set could not be installed; the previous set is then intact
     */
    CommitResult commit(CertificateName name, FileSet files, Set<DnsName> aliases) throws StoreException;

    /**
     * Tells where other programs (hooks, servers) find a file of a certificate: a stable
     * location that keeps naming the current file after later commits.
     *
     * @param name         the certificate
     * @param relativePath a path of its file set, or {@code ""} for its folder
     * @return e.g. {@code /etc/certmgr/example.com/rsa/cert.pem}
     */
    String location(CertificateName name, String relativePath);

    /**
     * Removes what an interrupted commit of a certificate left behind (a half-built generation,
     * temporary links, a complete generation that was never switched to) and archives a
     * replaced generation that was never archived, before a run decides what to do with the
     * certificate, so that a run with nothing due cleans up after a killed one too.
     *
     * <p>Contract: MUST NOT change the installed files or links of {@code name}, nor touch
     * another certificate's entries; MUST be called only by a run that holds the application
     * lock (what it removes could otherwise be a running commit's work); SHOULD cost no more
     * than a look at the certificate's own entries when there is nothing to do, as it runs for
     * every certificate of every update. The default does nothing, which is right for stores
     * whose commits cannot be interrupted halfway (e.g. in memory).
     *
     * @param name the certificate
     * @return what was removed or archived
     * @throws StoreException when a leftover cannot be removed
     */
    default Maintenance recover(CertificateName name) throws StoreException {
        return Maintenance.NOTHING;
    }

    /**
     * Returns a version of a certificate's installed files: a text that changes whenever any
     * installed byte may have changed, so that a run can trust what it learnt from the files
     * while the version stays the same (see {@link SettledStore}).
     *
     * <p>Contract: MUST return a different text after every {@link #commit} and {@link #retire}
     * of {@code name}, and after any change to its installed files by other means that the store
     * can notice; SHOULD cost no more than a look at the files' metadata, never reading them.
     * Empty means "unknown", and makes every run read the files; that is the default.
     *
     * @param name the certificate
     * @return the version, or empty when nothing is installed or the store cannot tell
     * @throws StoreException when the store cannot be looked at
     */
    default Optional<String> version(CertificateName name) throws StoreException {
        return Optional.empty();
    }

    /**
     * Deletes the archives of a certificate made before {@code cutoff}.
     *
     * <p>Contract: MUST delete only archives of {@code name} older than {@code cutoff}, never
     * the current files, and MUST carry on past an archive it cannot delete (a warning).
     *
     * @param name   the certificate
     * @param cutoff archives made before this instant go
     * @return what was deleted and what could not be
     * @throws StoreException when the archives cannot be listed at all
     */
    Maintenance deleteArchives(CertificateName name, Instant cutoff) throws StoreException;

    /**
     * Checks, and repairs, what the store holds: permissions and ownership of every file and
     * folder, and the alias links of the given certificates.
     *
     * <p>Contract: MUST make secret files unreadable by others and other files readable,
     * MUST create missing alias links and remove links that lead to one of these certificates
     * under a name that is no longer one of its aliases, and MUST NOT delete anything that is
     * not such a link (a real folder in an alias's place is a warning). An owner or group the
     * process may not set is a warning, not a failure.
     *
     * @param aliases each certificate to check → its aliases (alternative names without the
     *                common name)
     * @return what was repaired and what could not be
     * @throws StoreException when the store cannot be read at all
     */
    Maintenance check(Map<CertificateName, Set<DnsName>> aliases) throws StoreException;

    /**
     * Takes a certificate out of service (after it was revoked): its current files go to the
     * archive, and the certificate and its aliases no longer lead to any files.
     *
     * <p>Contract: afterwards {@link #current} MUST return empty and the files MUST be in the
     * archive; a crash at any instant MUST NOT bring the files back under the certificate's
     * name. Aliases that lead elsewhere MUST NOT be touched.
     *
     * @param name    the certificate
     * @param aliases its aliases
     * @return what was archived and removed
     * @throws StoreException when the files cannot be archived; they are then still installed
     */
    Maintenance retire(CertificateName name, Set<DnsName> aliases) throws StoreException;
}
