package org.certmgr.adapters.fs;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.StoreException;

/**
 * Puts a certificate's folders back in order after a crash (kill -9, power cut) in the middle
 * of a commit.
 *
 * <p>What a crash can leave, and what happens to it:
 * <ul>
 *   <li>a temporary link {@code .tmp-link~<name>~...}: deleted;</li>
 *   <li>a {@code <id>.partial} generation (crash while building): deleted;</li>
 *   <li>a complete generation newer than the current one (crash before the switch): deleted,
 *       the current set stays;</li>
 *   <li>a generation older than the current one: the one kept after the last commit (it has
 *       its {@code .archived} marker and its archive copy, which is published if a crash left it
 *       staged) is deleted; one without a marker (crash after the switch, before its copy was
 *       complete) is moved to the archive;</li>
 *   <li>complete generations while a legacy real folder is still in place (crash before the
 *       migration): deleted;</li>
 *   <li>complete generations and no link at all (crash inside the migration window, or before
 *       the very first switch): the newest is a whole set and becomes current; the others are
 *       archived.</li>
 * </ul>
 */
final class Recovery {
    private final StoreLayout layout;
    private final FileOps ops;
    private final Links links;
    private final Archiver archiver;

    Recovery(StoreLayout layout, FileOps ops, Links links, Archiver archiver) {
        this.layout = layout;
        this.ops = ops;
        this.links = links;
        this.archiver = archiver;
    }

    /**
     * Recovers one certificate. Only touches that certificate's own entries, so it is safe
     * while other certificates are being committed.
     *
     * @param name the certificate
     * @throws StoreException when a leftover cannot be removed or archived
     */
    void recover(CertificateName name) throws StoreException {
        String prefix = layout.temporaryLinkPrefix(name);
        for (Path entry : ops.list(layout.dataDir())) {
            if (entry.getFileName().toString().startsWith(prefix)) {
                ops.deleteTree(entry);
            }
        }
        Path generations = layout.generations(name);
        TreeMap<Long, Path> complete = new TreeMap<>();
        for (Path entry : ops.list(generations)) {
            String fileName = entry.getFileName().toString();
            if (fileName.endsWith(StoreLayout.PARTIAL_SUFFIX)) {
                ops.deleteTree(entry);
                continue;
            }
            OptionalLong id = StoreLayout.parseId(fileName);
            if (id.isPresent()) {
                complete.put(id.getAsLong(), entry);
            }
        }
        StoreLayout.Installed installed = layout.installed(name);
        switch (installed.kind()) {
            case GENERATION:
                long current = installed.id().getAsLong();
                for (Map.Entry<Long, Path> e : complete.entrySet()) {
                    if (e.getKey() > current) {
                        ops.deleteTree(e.getValue());
                    } else if (e.getKey() < current) {
                        retire(name, e.getKey(), e.getValue());
                    }
                }
                break;
            case LEGACY:
                for (Path p : complete.values()) {
                    ops.deleteTree(p);
                }
                break;
            case NONE:
            default:
                if (complete.isEmpty()) {
                    break;
                }
                Map.Entry<Long, Path> newest = complete.pollLastEntry();
                links.point(name, layout.link(name.folderName()), layout.linkTarget(name, newest.getKey()));
                ops.fsync(layout.dataDir());
                for (Map.Entry<Long, Path> e : complete.entrySet()) {
                    retire(name, e.getKey(), e.getValue());
                }
                break;
        }
        for (Path entry : ops.list(generations)) {
            String fileName = entry.getFileName().toString();
            if (fileName.endsWith(StoreLayout.ARCHIVED_SUFFIX)) {
                OptionalLong id = StoreLayout.parseId(fileName.substring(0, fileName.length()
                        - StoreLayout.ARCHIVED_SUFFIX.length()));
                if (id.isEmpty() || !complete.containsKey(id.getAsLong())) {
                    // Its generation is gone: only a staged copy may be left to publish.
                    id.ifPresent(i -> publishIfStaged(name, i));
                    ops.delete(entry);
                }
            }
        }
    }

    /**
     * Removes only what a crash left, for a run that will perhaps not commit: temporary links,
     * half-built generations and generations newer than the current one go, a replaced
     * generation without its {@code .archived} marker is archived, and a staged archive copy of
     * one with the marker is published. Unlike {@link #recover}, it keeps the replaced
     * generation that was archived (readers may still be in it; the next commit deletes it) and leaves the rare states without a current generation to the next
     * commit, so the installed set never changes here.
     *
     * @param name           the certificate
     * @param dataDirEntries a listing of {@code data_dir}, for the temporary links
     * @return what was done
     * @throws StoreException when a leftover cannot be removed or archived
     */
    java.util.List<String> removeLeftovers(CertificateName name, java.util.List<Path> dataDirEntries)
            throws StoreException {
        java.util.List<String> actions = new java.util.ArrayList<>();
        String prefix = layout.temporaryLinkPrefix(name);
        for (Path entry : dataDirEntries) {
            if (entry.getFileName().toString().startsWith(prefix) && Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                ops.deleteTree(entry);
                actions.add("removed " + layout.relative(entry) + ", left by an interrupted run");
            }
        }
        StoreLayout.Installed installed = layout.installed(name);
        if (installed.kind() != StoreLayout.Kind.GENERATION) {
            return actions;
        }
        long current = installed.id().getAsLong();
        for (Path entry : ops.list(layout.generations(name))) {
            String fileName = entry.getFileName().toString();
            OptionalLong id = StoreLayout.parseId(fileName);
            if (fileName.endsWith(StoreLayout.PARTIAL_SUFFIX) || id.isPresent() && id.getAsLong() > current) {
                ops.deleteTree(entry);
                actions.add("removed " + layout.relative(entry) + ", left half-built or never installed by an"
                        + " interrupted run");
            } else if (id.isPresent() && id.getAsLong() < current) {
                if (!Files.exists(layout.archivedMarker(name, id.getAsLong()), LinkOption.NOFOLLOW_LINKS)) {
                    retire(name, id.getAsLong(), entry);
                    actions.add("archived " + layout.relative(entry) + ", replaced by an interrupted run");
                } else if (Files.exists(layout.staged(name, id.getAsLong()), LinkOption.NOFOLLOW_LINKS)) {
                    archiver.publish(name, layout.staged(name, id.getAsLong()));
                    actions.add("published the archive of " + layout.relative(entry) + ", left staged by an"
                            + " interrupted run");
                }
            }
        }
        return actions;
    }

    /**
     * Archives a replaced generation exactly once. With its marker, the archive copy exists (or
     * is staged, then published now) and the generation is deleted; without, any staged copy is
     * incomplete and dropped, and the generation itself moves to the archive.
     */
    private void retire(CertificateName name, long id, Path generation) throws StoreException {
        Path marker = layout.archivedMarker(name, id);
        Path staged = layout.staged(name, id);
        if (Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(staged, LinkOption.NOFOLLOW_LINKS)) {
                archiver.publish(name, staged);
            }
            ops.deleteTree(generation);
            ops.delete(marker);
        } else {
            if (Files.exists(staged, LinkOption.NOFOLLOW_LINKS)) {
                ops.deleteTree(staged);
            }
            archiver.archive(name, generation);
        }
    }

    private void publishIfStaged(CertificateName name, long id) {
        Path staged = layout.staged(name, id);
        if (Files.exists(staged, LinkOption.NOFOLLOW_LINKS)) {
            try {
                archiver.publish(name, staged);
            } catch (StoreException e) {
                // Left for the next recovery.
            }
        }
    }
}
