package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.StoreException;

/**
 * Puts a replaced folder in {@code archives/<name>/YYYY_MM_DD_HHMMSS/} (UTC), adding
 * {@code .1}, {@code .2}... when that name is taken: by moving it, or by copying it as hard
 * links while it stays in place.
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
     * Copies a generation into the certificate's archive as hard links, leaving it in place, in
     * two steps that recovery can finish: {@link #stage} then {@link #publish}.
     *
     * @param name   the certificate
     * @param folder the generation
     * @param staged where the copy is built, see {@link StoreLayout#staged}
     * @throws StoreException when the copy cannot be made; a partial copy may remain at {@code staged}
     */
    void stage(CertificateName name, Path folder, Path staged) throws StoreException {
        ops.deleteQuietly(staged);
        ops.createDirectories(staged.getParent(), FileOps.PUBLIC_DIR);
        copyAsLinks(folder, staged);
        ops.fsync(staged);
    }

    /**
     * Gives a staged copy its archive name.
     *
     * @param name   the certificate
     * @param staged the staged copy
     * @return where it went
     * @throws StoreException when it cannot be renamed
     */
    Path publish(CertificateName name, Path staged) throws StoreException {
        return archiveInto(layout.archives(name), staged);
    }

    private void copyAsLinks(Path from, Path to) throws StoreException {
        ops.createDirectory(to, modeOf(from));
        for (Path entry : ops.list(from)) {
            Path target = to.resolve(entry.getFileName().toString());
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                copyAsLinks(entry, target);
            } else if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                ops.hardLink(target, entry);
            }
        }
    }

    private static Set<PosixFilePermission> modeOf(Path dir) throws StoreException {
        try {
            return Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw IoErrors.storeFailure("read the mode of", dir, e);
        }
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
