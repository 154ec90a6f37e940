package org.certmgr.adapters.fs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.Maintenance;
import org.certmgr.ports.out.StoreException;

/**
 * Deletes the archives of a certificate made before a cutoff.
 *
 * <p>The time of an archive is read from its folder name ({@code YYYY_MM_DD_HHMMSS[.n]}, UTC),
 * not from the file system's timestamps, which a copy or a restore from backup changes. An entry
 * whose name is not such a time was not made by the store and is never deleted. Deleting never
 * follows a symbolic link, so a link inside an archive cannot lead the deletion elsewhere, and
 * archives never hold the current files (those are only ever hard-linked, never moved).
 */
final class ArchivePruner {
    private final StoreLayout layout;
    private final FileOps ops;

    ArchivePruner(StoreLayout layout, FileOps ops) {
        this.layout = layout;
        this.ops = ops;
    }

    /**
     * Deletes the archives of {@code name} made before {@code cutoff}.
     *
     * @param name   the certificate
     * @param cutoff archives made before this instant go; one made at it stays
     * @return one action per deleted archive, one warning per entry left in place
     * @throws StoreException when the archive folder exists but cannot be listed
     */
    Maintenance deleteBefore(CertificateName name, Instant cutoff) throws StoreException {
        List<String> actions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Path> entries = new ArrayList<>(ops.list(layout.archives(name)));
        entries.sort(null);
        for (Path entry : entries) {
            String shown = layout.relative(entry);
            Optional<Instant> madeAt = Archiver.madeAt(entry.getFileName().toString());
            if (madeAt.isEmpty()) {
                warnings.add("left " + shown + " in place: its name is not the time of an archive"
                        + " (YYYY_MM_DD_HHMMSS), so certmgr did not make it");
                continue;
            }
            if (!madeAt.get().isBefore(cutoff)) {
                continue;
            }
            try {
                ops.deleteTree(entry);
                actions.add("deleted archive " + shown);
            } catch (StoreException e) {
                warnings.add("archive " + shown + " was not deleted: " + e.getMessage());
            }
        }
        return new Maintenance(actions, warnings);
    }
}
