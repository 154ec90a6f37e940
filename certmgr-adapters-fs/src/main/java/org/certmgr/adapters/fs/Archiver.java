package org.certmgr.adapters.fs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.StoreException;

/**
 * Moves a replaced folder to {@code archives/<name>/YYYY_MM_DD_HHMMSS/} (UTC), adding
 * {@code .1}, {@code .2}... when that name is taken.
 */
final class Archiver {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu_MM_dd_HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_PER_SECOND = 1000;

    private final StoreLayout layout;
    private final FileOps ops;
    private final Clock clock;

    Archiver(StoreLayout layout, FileOps ops, Clock clock) {
        this.layout = layout;
        this.ops = ops;
        this.clock = clock;
    }

    /**
     * Moves a folder into the certificate's archive.
     *
     * @param name   the certificate
     * @param folder the folder to archive, on the same file system
     * @return where it went
     * @throws StoreException when it could not be moved; it is then where it was
     */
    Path archive(CertificateName name, Path folder) throws StoreException {
        Path dir = layout.archives(name);
        ops.createDirectories(dir, FileOps.PUBLIC_DIR);
        String stamp = STAMP.format(clock.instant());
        for (int i = 0; i < MAX_PER_SECOND; i++) {
            Path target = dir.resolve(i == 0 ? stamp : stamp + "." + i);
            if (ops.renameIfAbsent(folder, target)) {
                syncQuietly(dir);
                syncQuietly(folder.getParent());
                return target;
            }
        }
        throw new StoreException("cannot archive " + folder + ": " + dir + " already holds "
                + MAX_PER_SECOND + " archives named " + stamp);
    }

    private void syncQuietly(Path dir) {
        try {
            ops.fsync(dir);
        } catch (StoreException e) {
            // The move itself is done; a lost archive entry after a power cut is found again by
            // recovery (the folder is then still where it was).
        }
    }
}
