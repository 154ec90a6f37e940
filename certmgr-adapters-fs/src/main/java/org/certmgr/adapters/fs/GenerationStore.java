package org.certmgr.adapters.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.CommitResult;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.Maintenance;
import org.certmgr.ports.out.StoreException;

/**
 * The certificate store on the local file system: one generation folder per file set, and
 * {@code data_dir/<name>} a relative link switched to a new generation by one atomic rename.
 *
 * <p>A commit runs: recovery of leftovers → compare with the installed set (equal: no
 * generation, no archive; only a missing or stale alias link is put right) → build the new generation (unchanged files hard-linked, new files created with
 * their final mode and owner, everything fsync'ed) → switch the link → fsync {@code data_dir}
 * → archive the replaced generation → alias links. Until the switch, a failure deletes the
 * new generation and the installed set is untouched; after the switch nothing may fail the
 * commit, so later steps that fail are left for the next commit's recovery.
 *
 * <p>Holds no mutable state: commits of different certificates touch disjoint entries and
 * may run in parallel. Commits of one certificate must not overlap (the application lock
 * ensures one certmgr at a time).
 */
final class GenerationStore implements CertificateStore {
    private static final int READ_ATTEMPTS = 3;

    private final StoreLayout layout;
    private final FileOps ops;
    private final Links links;
    private final Archiver archiver;
    private final Recovery recovery;
    private final GenerationBuilder builder;
    private final AliasLinks aliasLinks;
    private final ArchivePruner pruner;
    private final StoreCheck storeCheck;
    /** data_dir as first listed by {@link #recover}: one listing per store, not one per certificate. */
    private volatile List<Path> dataDirEntries;

    GenerationStore(Path dataDir, FileOwnership ownership, Clock clock, FileOps ops) {
        this.layout = new StoreLayout(dataDir);
        this.ops = ops;
        this.links = new Links(layout, ops);
        this.archiver = new Archiver(layout, ops, clock);
        this.recovery = new Recovery(layout, ops, links, archiver);
        Owners owners = new Owners(ownership, dataDir.getFileSystem(), ops);
        this.builder = new GenerationBuilder(layout, ops, owners);
        this.aliasLinks = new AliasLinks(layout, links, ops);
        this.pruner = new ArchivePruner(layout, ops);
        this.storeCheck = new StoreCheck(layout, ops, owners);
    }

    @Override
    public Optional<FileSet> current(CertificateName name) throws StoreException {
        Objects.requireNonNull(name, "name");
        for (int attempt = 1; ; attempt++) {
            StoreLayout.Installed installed = layout.installed(name);
            if (installed.folder().isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(read(installed.folder().get()));
            } catch (VanishedException e) {
                // Switched and archived while being read: read the new generation.
                if (attempt == READ_ATTEMPTS) {
                    throw new StoreException("cannot read " + installed.folder().get()
                            + ": it was replaced while being read, " + READ_ATTEMPTS + " times", e.getCause());
                }
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the current generation's folder, then each file's path, size, modification time
     * and inode, without reading any file. A commit makes a new generation, and an edit by hand
     * changes a size, a time or (for an editor that writes a new file) an inode.
     */
    @Override
    public Optional<String> version(CertificateName name) throws StoreException {
        Objects.requireNonNull(name, "name");
        Optional<Path> folder = layout.installed(name).folder();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder version = new StringBuilder(folder.get().toString());
        try (Stream<Path> files = Files.walk(folder.get())) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                version.append('\n').append(folder.get().relativize(file)).append(' ').append(a.size()).append(' ')
                        .append(a.lastModifiedTime().toMillis()).append(' ').append(a.fileKey());
            }
        } catch (UncheckedIOException | IOException e) {
            // E.g. replaced while being looked at: unknown, so the run reads the files.
            return Optional.empty();
        }
        return Optional.of(version.toString());
    }

    @Override
    public CommitResult commit(CertificateName name, FileSet files, Set<DnsName> aliases) throws StoreException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(aliases, "aliases");
        ops.createDirectories(layout.dataDir(), FileOps.PUBLIC_DIR);
        recovery.recover(name);
        StoreLayout.Installed installed = layout.installed(name);
        Optional<GenerationBuilder.Previous> previous = Optional.empty();
        if (installed.folder().isPresent()) {
            Path folder = installed.folder().get();
            previous = Optional.of(new GenerationBuilder.Previous(folder, readOrFail(folder)));
        }
        if (previous.isPresent() && previous.get().files().equals(files)) {
            return new CommitResult(List.of(), List.of(), aliasLinks.update(name, aliases).skipped());
        }
        GenerationBuilder.Built built = builder.build(name, files, previous);
        switchTo(name, built, installed);
        // The new set is installed: from here on nothing may fail the commit.
        List<String> warnings = new ArrayList<>();
        syncQuietly(layout.dataDir());
        if (installed.kind() == StoreLayout.Kind.GENERATION) {
            // The replaced generation stays where it is until the next commit: a reader that
            // followed the old link an instant ago (a server reloading) still finds its files.
            // Its archive copy is made of hard links, in steps that recovery can finish.
            long replaced = installed.id().getAsLong();
            Path staged = layout.staged(name, replaced);
            try {
                archiver.stage(name, installed.folder().get(), staged);
                ops.writeNew(layout.archivedMarker(name, replaced), new byte[0], FileOps.PUBLIC_FILE);
                archiver.publish(name, staged);
            } catch (StoreException e) {
                warnings.add("the replaced files could not be archived yet (" + e.getMessage()
                        + "); the next run archives them");
            }
        }
        warnings.addAll(aliasLinks.update(name, aliases).skipped());
        return difference(previous.map(GenerationBuilder.Previous::files), files).withWarnings(warnings);
    }

    private void switchTo(CertificateName name, GenerationBuilder.Built built, StoreLayout.Installed installed)
            throws StoreException {
        Path link = layout.link(name.folderName());
        Optional<Path> archivedLegacy = Optional.empty();
        try {
            if (installed.kind() == StoreLayout.Kind.LEGACY) {
                // rename(2) cannot put a link in place of a folder in one step, so for this one
                // migration there is a short window (two renames) in which <name> does not exist.
                // A crash inside it leaves the complete new generation unlinked; recovery links it.
                archivedLegacy = Optional.of(archiver.archive(name, link));
            }
            links.point(name, link, layout.linkTarget(name, built.id()));
        } catch (StoreException | RuntimeException e) {
            if (archivedLegacy.isPresent()) {
                try {
                    ops.renameIfAbsent(archivedLegacy.get(), link);
                } catch (StoreException restore) {
                    e.addSuppressed(restore);
                }
            }
            ops.deleteQuietly(built.folder());
            throw e;
        }
    }

    private void syncQuietly(Path dir) {
        try {
            ops.fsync(dir);
        } catch (StoreException e) {
            // The switch is visible already; a failing directory sync cannot be undone here.
        }
    }

    private static CommitResult difference(Optional<FileSet> before, FileSet after) {
        List<String> written = new ArrayList<>();
        for (String path : after.paths()) {
            Optional<byte[]> old = before.flatMap(b -> b.content(path));
            if (old.isEmpty() || !Arrays.equals(old.get(), after.content(path).orElseThrow())) {
                written.add(path);
            }
        }
        List<String> removed = new ArrayList<>();
        before.ifPresent(b -> b.paths().stream().filter(p -> !after.paths().contains(p)).forEach(removed::add));
        return new CommitResult(written, removed);
    }

    private static FileSet readOrFail(Path folder) throws StoreException {
        try {
            return read(folder);
        } catch (VanishedException e) {
            throw new StoreException("cannot read " + folder + ": it vanished while being read", e.getCause());
        }
    }

    private static FileSet read(Path folder) throws StoreException, VanishedException {
        try {
            return FolderReader.read(folder);
        } catch (NoSuchFileException e) {
            throw new VanishedException(e);
        } catch (IOException e) {
            Path failed = e instanceof FileSystemException && ((FileSystemException) e).getFile() != null
                    ? Path.of(((FileSystemException) e).getFile()) : folder;
            throw IoErrors.storeFailure("read", failed, e);
        }
    }

    /** The folder disappeared while being read. */
    private static final class VanishedException extends Exception {
        private static final long serialVersionUID = 1L;

        VanishedException(NoSuchFileException cause) {
            super(cause);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the absolute path {@code data_dir/<name>/<relativePath>}, through the link that
     * each commit switches, never a generation folder.
     *
     * @throws IllegalArgumentException when {@code relativePath} is not a safe relative path
     */
    @Override
    public String location(CertificateName name, String relativePath) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(relativePath, "relativePath");
        Path folder = layout.dataDir().toAbsolutePath().normalize().resolve(name.folderName());
        if (relativePath.isEmpty()) {
            return folder.toString();
        }
        FileSet.checkPath(relativePath);
        return folder.resolve(relativePath).toString();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the folders of {@code archives/<name>/} whose name ({@code YYYY_MM_DD_HHMMSS[.n]},
     * UTC) is before {@code cutoff}, deleted without following links. An entry whose name is no
     * such time is a warning and stays.
     */
    /**
     * {@inheritDoc}
     *
     * <p>Here: {@code data_dir} is listed once per store instance (for the temporary links;
     * one left by a crash after that listing waits for the next commit), then the
     * certificate's {@code .generations/<name>} folder. The replaced generation kept for
     * readers stays until the next commit.
     */
    @Override
    public Maintenance recover(CertificateName name) throws StoreException {
        Objects.requireNonNull(name, "name");
        List<Path> entries = dataDirEntries;
        if (entries == null) {
            entries = List.copyOf(ops.list(layout.dataDir()));
            dataDirEntries = entries;
        }
        return new Maintenance(recovery.removeLeftovers(name, entries), List.of());
    }

    @Override
    public Maintenance deleteArchives(CertificateName name, Instant cutoff) throws StoreException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cutoff, "cutoff");
        return pruner.deleteBefore(name, cutoff);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: every file and folder below {@code data_dir} (generations, archives, account),
     * without following links, gets the mode and owner the store creates it with (see
     * {@link StoreCheck}); then the alias links of each installed certificate are created or
     * switched, and links named like a DNS name that lead to one of the certificates but are
     * not among its aliases are removed. Paths in the lines are relative to {@code data_dir}.
     */
    @Override
    public Maintenance check(Map<CertificateName, Set<DnsName>> aliases) throws StoreException {
        Objects.requireNonNull(aliases, "aliases");
        Maintenance result = storeCheck.run();
        List<String> actions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<CertificateName, Set<DnsName>> entry : new TreeMap<>(aliases).entrySet()) {
            try {
                if (layout.installed(entry.getKey()).kind() == StoreLayout.Kind.NONE) {
                    // Links to a certificate not installed would lead nowhere; its first commit makes them.
                    continue;
                }
            } catch (StoreException e) {
                warnings.add(e.getMessage());
                continue;
            }
            AliasLinks.Outcome outcome = aliasLinks.update(entry.getKey(), entry.getValue());
            actions.addAll(outcome.changed());
            warnings.addAll(outcome.skipped());
        }
        AliasLinks.Outcome stale = aliasLinks.removeStale(aliases);
        actions.addAll(stale.changed());
        warnings.addAll(stale.skipped());
        return result.plus(new Maintenance(actions, warnings));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the current generation (or the legacy folder) moves to the archive first, and only
     * then are the links removed, so a crash in between leaves a dangling link, never a link to
     * the retired files, and recovery never makes them current again.
     */
    @Override
    public Maintenance retire(CertificateName name, Set<DnsName> aliases) throws StoreException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aliases, "aliases");
        recovery.recover(name);
        StoreLayout.Installed installed = layout.installed(name);
        List<String> actions = new ArrayList<>();
        Path link = layout.link(name.folderName());
        if (installed.folder().isPresent()) {
            Path archived = archiver.archive(name, installed.folder().get());
            actions.add("archived " + name + " to " + layout.relative(archived));
        }
        if (Files.isSymbolicLink(link)) {
            ops.delete(link);
        }
        Path target = Path.of(name.folderName());
        for (DnsName alias : aliases) {
            Path aliasLink = layout.link(alias.ascii());
            try {
                if (Files.isSymbolicLink(aliasLink) && Files.readSymbolicLink(aliasLink).equals(target)) {
                    ops.delete(aliasLink);
                    actions.add("removed the link " + alias.ascii());
                }
            } catch (IOException e) {
                throw IoErrors.storeFailure("read the link", aliasLink, e);
            }
        }
        syncQuietly(layout.dataDir());
        return new Maintenance(actions, List.of());
    }
}
