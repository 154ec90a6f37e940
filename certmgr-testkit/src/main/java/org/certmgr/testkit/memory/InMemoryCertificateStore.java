package org.certmgr.testkit.memory;

import java.time.Instant;
import org.certmgr.ports.out.Maintenance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.CommitResult;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.StoreException;

/**
 * A {@link CertificateStore} in memory: installed sets, alias mappings and archives in maps.
 *
 * <p>Thread-safe (every method is synchronized, so commits are trivially atomic). Secret files
 * are modelled as unreadable by others, as a real store must create them.
 */
public final class InMemoryCertificateStore implements CertificateStore {
    private final Map<CertificateName, FileSet> installed = new HashMap<>();
    private final Map<DnsName, CertificateName> aliases = new HashMap<>();
    private final Map<CertificateName, List<FileSet>> archives = new HashMap<>();
    private boolean failNextCommit;
    private int changingCommits;

    /** Creates an empty store. */
    public InMemoryCertificateStore() {
        // Nothing installed yet.
    }

    @Override
    public synchronized Optional<FileSet> current(CertificateName name) {
        Objects.requireNonNull(name, "name");
        return Optional.ofNullable(installed.get(name));
    }

    @Override
    public synchronized CommitResult commit(CertificateName name, FileSet files, Set<DnsName> aliasNames)
            throws StoreException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(aliasNames, "aliases");
        if (failNextCommit) {
            failNextCommit = false;
            throw new StoreException("cannot write " + name + "/" + files.paths().stream().findFirst().orElse("")
                    + ": simulated failure");
        }
        FileSet before = installed.get(name);
        CommitResult result = difference(before, files);
        if (result.changed()) {
            if (before != null) {
                archives.computeIfAbsent(name, n -> new ArrayList<>()).add(before);
            }
            installed.put(name, files);
            changingCommits++;
        }
        for (DnsName alias : aliasNames) {
            // Another certificate's own name is never taken over.
            if (!alias.equals(name.dnsName()) && !installed.containsKey(CertificateName.of(alias))) {
                aliases.put(alias, name);
            }
        }
        return result;
    }

    /**
     * Returns the files reachable under a name: a certificate's own, or those of the
     * certificate it is an alias of.
     *
     * @param name a certificate name or alias
     * @return the files, or empty when the name leads nowhere
     */
    public synchronized Optional<FileSet> reachableAs(DnsName name) {
        FileSet own = installed.get(CertificateName.of(name));
        if (own != null) {
            return Optional.of(own);
        }
        CertificateName target = aliases.get(name);
        return target == null ? Optional.empty() : Optional.ofNullable(installed.get(target));
    }

    /**
     * Returns the replaced sets of a certificate, oldest first.
     *
     * @param name the certificate
     * @return the archived sets
     */
    public synchronized List<FileSet> archived(CertificateName name) {
        return List.copyOf(archives.getOrDefault(name, List.of()));
    }

    /**
     * Tells whether an installed file would be readable by users other than owner and group.
     *
     * @param name the certificate
     * @param path the file's relative path
     * @return false for secret files, true for the others
     * @throws IllegalArgumentException when no such file is installed
     */
    public synchronized boolean readableByOthers(CertificateName name, String path) {
        FileSet files = installed.get(name);
        if (files == null || !files.paths().contains(path)) {
            throw new IllegalArgumentException(name + "/" + path + " is not installed");
        }
        return !FileSet.isSecret(path);
    }

    /** Makes the next commit throw a {@link StoreException} and change nothing. */
    public synchronized void failNextCommit() {
        failNextCommit = true;
    }

    /**
     * Returns how many commits changed something (a "second run" test expects none more).
     *
     * @return the count
     */
    public synchronized int changingCommits() {
        return changingCommits;
    }

    private static CommitResult difference(FileSet before, FileSet after) {
        List<String> written = new ArrayList<>();
        for (String path : after.paths()) {
            Optional<byte[]> old = before == null ? Optional.empty() : before.content(path);
            if (old.isEmpty() || !Arrays.equals(old.get(), after.content(path).orElseThrow())) {
                written.add(path);
            }
        }
        List<String> removed = new ArrayList<>();
        if (before != null) {
            before.paths().stream().filter(p -> !after.paths().contains(p)).forEach(removed::add);
        }
        return new CommitResult(written, removed);
    }

    @Override
    public String location(CertificateName name, String relativePath) {
        throw new UnsupportedOperationException("TODO(helper-fs)");
    }

    @Override
    public Maintenance deleteArchives(CertificateName name, Instant cutoff) {
        throw new UnsupportedOperationException("TODO(helper-fs)");
    }

    @Override
    public Maintenance check(Map<CertificateName, Set<DnsName>> aliases) {
        throw new UnsupportedOperationException("TODO(helper-fs)");
    }
}
