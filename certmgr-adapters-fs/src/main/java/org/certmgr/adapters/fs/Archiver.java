package org.certmgr.adapters.fs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.StoreException;

/**
 * Moves a replaced folder to {@code archives/<name>/YYYY_MM_DD_HHMMSS/} (UTC), adding
 * {@code .1}, {@code .2}... when that name is taken.
 */
final class Archiver {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu_MM_dd_HHmmss")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern ARCHIVE_NAME = Pattern.compile("([0-9]{4}_[0-9]{2}_[0-9]{2}_[0-9]{6})(\\.[1-9][0-9]*)?");
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
        return archiveInto(layout.archives(name), folder);
    }

    /**
     * Moves a folder into an archive folder under a name made of the clock's time.
     *
     * @param dir    the archive folder, e.g. {@code archives/account}; created when missing
     * @param folder the folder to archive, on the same file system
     * @return where it went
     * @throws StoreException when it could not be moved; it is then where it was
     */
    Path archiveInto(Path dir, Path folder) throws StoreException {
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

    /**
     * Reads the time an archive was made from its folder name.
     *
     * @param folderName e.g. {@code 2026_01_31_235959} or {@code 2026_01_31_235959.2}
     * @return the instant (UTC, to the second), or empty for a name that is not an archive's
     */
    static Optional<Instant> madeAt(String folderName) {
        Matcher m = ARCHIVE_NAME.matcher(folderName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // Digits in the right places but no date, e.g. 2026_02_30_000000.
            return Optional.empty();
        }
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
