package org.certmgr.testkit.memory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.CommitResult;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.Maintenance;
import org.certmgr.ports.out.StoreException;

/**
 * A {@link CertificateStore} in memory: installed sets, alias mappings and archives in maps.
 *
 * <p>Thread-safe (every method is synchronized, so commits are trivially atomic). Secret files
 * are modelled as unreadable by others, as a real store must create them; a test can spoil that
 * ({@link #spoilMode}) for {@link #check} to repair. Locations are pseudo-paths
 * {@code memory:/<name>/<path>} that {@link #read} resolves. Archives carry the time of the
 * commit that made them and a name like a file-system store's ({@code archives/<name>/YYYY_MM_DD_HHMMSS[.n]}).
 */
public final class InMemoryCertificateStore implements CertificateStore {
    /** The scheme of every location this store hands out. */
    public static final String LOCATION_PREFIX = "memory:/";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu_MM_dd_HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Map<CertificateName, FileSet> installed = new HashMap<>();
    private final Map<DnsName, CertificateName> aliases = new HashMap<>();
    private final Map<CertificateName, List<Archive>> archives = new HashMap<>();
    private final Map<CertificateName, Set<String>> spoiled = new HashMap<>();
    private final Set<DnsName> occupied = new HashSet<>();
    private final Set<CertificateName> undeletableOldest = new HashSet<>();
    private final List<CertificateName> recovered = new ArrayList<>();
    private boolean failNextCommit;
    private boolean failNextRecovery;
    private int changingCommits;
    private final Map<CertificateName, Integer> versions = new HashMap<>();

    /** A replaced set, when and under which name it was archived. */
    private record Archive(Instant madeAt, String folder, FileSet files) {
    }

    /** Creates an empty store whose archives are timed by the system clock. */
    public InMemoryCertificateStore() {
        this(Clock.systemUTC());
    }

    /**
     * Creates an empty store.
     *
     * @param clock the clock that times archives
     */
    public InMemoryCertificateStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<FileSet> current(CertificateName name) {
        Objects.requireNonNull(name, "name");
        return Optional.ofNullable(installed.get(name));
    }

    /** {@inheritDoc} Here: how many changing commits and retirements the certificate has seen. */
    @Override
    public synchronized Optional<String> version(CertificateName name) {
        Objects.requireNonNull(name, "name");
        return installed.containsKey(name) ? Optional.of(String.valueOf(versions.getOrDefault(name, 0)))
                : Optional.empty();
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
                archive(name, before);
            }
            installed.put(name, files);
            spoiled.remove(name);
            changingCommits++;
            versions.merge(name, 1, Integer::sum);
        }
        return result.withWarnings(link(name, aliasNames, new ArrayList<>()));
    }

    private void archive(CertificateName name, FileSet files) {
        Instant now = clock.instant();
        List<Archive> list = archives.computeIfAbsent(name, n -> new ArrayList<>());
        String stamp = STAMP.format(now);
        String folder = stamp;
        for (int i = 1; folderTaken(list, folder); i++) {
            folder = stamp + "." + i;
        }
        list.add(new Archive(now, folder, files));
    }

    private static boolean folderTaken(List<Archive> list, String folder) {
        return list.stream().anyMatch(a -> a.folder().equals(folder));
    }

    /** Maps each alias to {@code name}; returns one warning per alias left alone. */
    private List<String> link(CertificateName name, Set<DnsName> aliasNames, List<String> changed) {
        List<String> warnings = new ArrayList<>();
        for (DnsName alias : new TreeSet<>(aliasNames)) {
            if (alias.equals(name.dnsName())) {
                continue;
            }
            if (occupied.contains(alias)) {
                warnings.add(alias + " is taken by something that is not an alias; left alone instead of leading it to "
                        + name);
            } else if (installed.containsKey(CertificateName.of(alias))) {
                // Another certificate's own name is never taken over.
                warnings.add(alias + " is another certificate; left alone instead of leading it to " + name);
            } else {
                CertificateName before = aliases.put(alias, name);
                if (!name.equals(before)) {
                    changed.add((before == null ? "linked " : "relinked ") + alias + " → " + name
                            + (before == null ? "" : " (it led to " + before + ")"));
                }
            }
        }
        return warnings;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: {@code memory:/<name>} or {@code memory:/<name>/<relativePath>}, which {@link #read}
     * resolves to the file currently installed.
     *
     * @throws IllegalArgumentException when {@code relativePath} is not a safe relative path
     */
    @Override
    public String location(CertificateName name, String relativePath) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(relativePath, "relativePath");
        if (relativePath.isEmpty()) {
            return LOCATION_PREFIX + name.folderName();
        }
        FileSet.checkPath(relativePath);
        return LOCATION_PREFIX + name.folderName() + "/" + relativePath;
    }

    /**
     * Reads the file a location names now.
     *
     * @param location a location from {@link #location}
     * @return its current content, or empty when no such file is installed
     */
    public synchronized Optional<byte[]> read(String location) {
        if (!location.startsWith(LOCATION_PREFIX)) {
            return Optional.empty();
        }
        String rest = location.substring(LOCATION_PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        FileSet files = installed.get(CertificateName.of(rest.substring(0, slash)));
        return files == null ? Optional.empty() : files.content(rest.substring(slash + 1));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: nothing to do, as a commit in memory is never left halfway; the call is
     * recorded ({@link #recovered()}) and can be made to fail ({@link #failNextRecovery()}).
     */
    @Override
    public synchronized Maintenance recover(CertificateName name) throws StoreException {
        Objects.requireNonNull(name, "name");
        recovered.add(name);
        if (failNextRecovery) {
            failNextRecovery = false;
            throw new StoreException("cannot list the generations of " + name + ": simulated failure");
        }
        return Maintenance.NOTHING;
    }

    /**
     * Returns the certificates {@link #recover} was called for, in the order of the calls.
     *
     * @return the names, repeated when recovered more than once
     */
    public synchronized List<CertificateName> recovered() {
        return List.copyOf(recovered);
    }

    /** Makes the next {@link #recover} throw a {@link StoreException}. */
    public synchronized void failNextRecovery() {
        failNextRecovery = true;
    }

    @Override
    public synchronized Maintenance deleteArchives(CertificateName name, Instant cutoff) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cutoff, "cutoff");
        List<String> actions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean failOldest = undeletableOldest.remove(name);
        for (Iterator<Archive> it = archives.getOrDefault(name, new ArrayList<>()).iterator(); it.hasNext(); ) {
            Archive archive = it.next();
            if (!archive.madeAt().isBefore(cutoff)) {
                continue;
            }
            String shown = "archives/" + name + "/" + archive.folder();
            if (failOldest) {
                failOldest = false;
                warnings.add("archive " + shown + " was not deleted: simulated failure");
                continue;
            }
            it.remove();
            actions.add("deleted archive " + shown);
        }
        return new Maintenance(actions, warnings);
    }

    @Override
    public synchronized Maintenance check(Map<CertificateName, Set<DnsName>> aliasesByName) {
        Objects.requireNonNull(aliasesByName, "aliases");
        List<String> actions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<CertificateName, Set<String>> e : new TreeMap<>(spoiled).entrySet()) {
            for (String path : new TreeSet<>(e.getValue())) {
                actions.add("fixed mode of " + e.getKey() + "/" + path + ": "
                        + (FileSet.isSecret(path) ? "0644 → 0640" : "0600 → 0644"));
            }
        }
        spoiled.clear();
        for (Map.Entry<CertificateName, Set<DnsName>> e : new TreeMap<>(aliasesByName).entrySet()) {
            if (installed.containsKey(e.getKey())) {
                warnings.addAll(link(e.getKey(), e.getValue(), actions));
            }
        }
        for (DnsName alias : new TreeSet<>(aliases.keySet())) {
            CertificateName target = aliases.get(alias);
            Set<DnsName> wanted = aliasesByName.get(target);
            if (wanted != null && !wanted.contains(alias) && !aliasesByName.containsKey(CertificateName.of(alias))) {
                aliases.remove(alias);
                actions.add("removed link " + alias + " → " + target + ": " + alias
                        + " is no longer an alternative name of " + target);
            }
        }
        return new Maintenance(actions, warnings);
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
        return archives.getOrDefault(name, List.of()).stream().map(Archive::files).toList();
    }

    /**
     * Tells whether an installed file would be readable by users other than owner and group.
     *
     * @param name the certificate
     * @param path the file's relative path
     * @return false for secret files, true for the others, unless {@link #spoilMode} swapped that
     * @throws IllegalArgumentException when no such file is installed
     */
    public synchronized boolean readableByOthers(CertificateName name, String path) {
        FileSet files = installed.get(name);
        if (files == null || !files.paths().contains(path)) {
            throw new IllegalArgumentException(name + "/" + path + " is not installed");
        }
        return FileSet.isSecret(path) == spoiled.getOrDefault(name, Set.of()).contains(path);
    }

    /**
     * Gives an installed file the wrong mode until {@link #check} or the next commit: a secret
     * file becomes readable by others, another file unreadable by others.
     *
     * @param name the certificate
     * @param path the file's relative path
     */
    public synchronized void spoilMode(CertificateName name, String path) {
        readableByOthers(name, path);
        spoiled.computeIfAbsent(name, n -> new HashSet<>()).add(path);
    }

    /**
     * Forgets an alias, as if its link had been deleted by hand.
     *
     * @param alias the alias
     */
    public synchronized void removeAlias(DnsName alias) {
        aliases.remove(alias);
    }

    /**
     * Puts something that is not an alias (like a real folder in a file-system store) where an
     * alias would go: commits and {@link #check} leave it alone, with a warning.
     *
     * @param name the name it takes
     */
    public synchronized void occupy(DnsName name) {
        aliases.remove(name);
        occupied.add(name);
    }

    /**
     * Tells whether {@link #occupy} put something under a name that is still there.
     *
     * @param name the name
     * @return true when it is still there
     */
    public synchronized boolean occupied(DnsName name) {
        return occupied.contains(name);
    }

    /** Makes the next commit throw a {@link StoreException} and change nothing. */
    public synchronized void failNextCommit() {
        failNextCommit = true;
    }

    /**
     * Makes the next {@link #deleteArchives} of {@code name} fail to delete the oldest archive it
     * should delete (a warning), as a file it may not remove would.
     *
     * @param name the certificate
     */
    public synchronized void failDeletingOldestArchive(CertificateName name) {
        undeletableOldest.add(name);
    }

    /**
     * Returns how many commits changed something (a "second run" test expects none more).
     *
     * @return the count
     */
    public synchronized int changingCommits() {
        return changingCommits;
    }

    @Override
    public synchronized Maintenance retire(CertificateName name, Set<DnsName> aliasNames) {
        List<String> actions = new ArrayList<>();
        FileSet files = installed.remove(name);
        versions.merge(name, 1, Integer::sum);
        if (files != null) {
            archive(name, files);
            actions.add("archived " + name);
        }
        for (DnsName alias : aliasNames) {
            if (name.equals(aliases.get(alias))) {
                aliases.remove(alias);
                actions.add("removed the link " + alias.ascii());
            }
        }
        return new Maintenance(actions, List.of());
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
}
