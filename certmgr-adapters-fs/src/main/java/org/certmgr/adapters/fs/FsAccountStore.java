package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.certmgr.ports.out.AccountStore;
import org.certmgr.ports.out.StoreException;
import org.certmgr.ports.out.StoredAccount;

/**
 * The account store: {@code data_dir/account/client.key} (0640) and
 * {@code data_dir/account/registration.json} (0644); replaced pairs go to
 * {@code data_dir/archives/account/YYYY_MM_DD_HHMMSS/} (UTC).
 *
 * <p>Two files cannot be replaced by one rename, so the registration is the commit point:
 * it records the SHA-256 of the key file it belongs to. {@link #save} runs
 * <ol>
 *   <li>archive the pair being replaced: hard-link (or copy) {@code client.key} and
 *       {@code registration.json} into a fresh {@code archives/account/.archiving~<random>}
 *       folder, fsync it, rename it to its time stamp and fsync {@code archives/account} —
 *       the installed files are only read;</li>
 *   <li>write the new key to {@code client.key.next} (0640, fsync);</li>
 *   <li>write the registration to a temporary file and rename it over
 *       {@code registration.json} (fsync) — from this instant the new account is saved;</li>
 *   <li>rename {@code client.key.next} over {@code client.key}.</li>
 * </ol>
 * A crash during step 1 leaves the old pair untouched and at most a half-built
 * {@code .archiving~} folder, which the next save deletes (that save archives the same pair
 * again). The archive holds other names for the old files' contents, so the renames of steps
 * 3 and 4 take nothing away from it. A crash before step 3 leaves the old pair (the stray
 * {@code client.key.next} does not match the old registration and is ignored, then removed by
 * the next save). A crash between 3 and 4 leaves the new registration, the old
 * {@code client.key} and the new {@code client.key.next}: {@link #load} sees that the
 * registration's hash matches {@code client.key.next}, not {@code client.key}, and returns the
 * new pair; the next save finishes the rename first. So a reader always gets the old pair or
 * the new pair, as the port requires. A pair that cannot be archived is not replaced (the save
 * fails); a save that fails before step 3 deletes the archive it made, since nothing was
 * replaced. Saving the account that is already saved archives nothing.
 *
 * <p>A registration without {@code clientKeySha256} (written by hand) is taken as it is.
 */
final class FsAccountStore implements AccountStore {
    static final String FOLDER = "account";
    static final String KEY = "client.key";
    static final String NEXT_KEY = "client.key.next";
    static final String REGISTRATION = "registration.json";
    private static final String TEMPORARY_PREFIX = ".registration.json.tmp~";
    private static final String ARCHIVING_PREFIX = ".archiving~";

    private final Path folder;
    private final Path archives;
    private final FileOps ops;
    private final Owners owners;
    private final Archiver archiver;

    FsAccountStore(Path dataDir, FileOwnership ownership, Clock clock, FileOps ops) {
        StoreLayout layout = new StoreLayout(dataDir);
        this.folder = layout.account();
        this.archives = layout.accountArchives();
        this.ops = ops;
        this.owners = new Owners(ownership, dataDir.getFileSystem(), ops);
        this.archiver = new Archiver(layout, ops, clock);
    }

    @Override
    public Optional<StoredAccount> load() throws StoreException {
        Path key = folder.resolve(KEY);
        Path next = folder.resolve(NEXT_KEY);
        Path registration = folder.resolve(REGISTRATION);
        Optional<byte[]> registrationBytes = readIfExists(registration);
        Optional<byte[]> keyBytes = readIfExists(key);
        if (registrationBytes.isEmpty()) {
            if (keyBytes.isPresent()) {
                throw new StoreException(key + " exists but " + registration + " is missing: restore it from a"
                        + " backup, or move " + key + " away to register a new account");
            }
            // A lone client.key.next is a first save interrupted before its commit point.
            return Optional.empty();
        }
        AccountJson.Contents contents = AccountJson.read(registration, registrationBytes.get());
        Optional<String> expected = contents.keySha256();
        if (keyBytes.isPresent() && expected.map(sha -> sha.equals(sha256(keyBytes.get()))).orElse(true)) {
            return Optional.of(account(keyBytes.get(), contents));
        }
        if (expected.isPresent()) {
            // A save interrupted after its commit point: the registration already names the new key.
            Optional<byte[]> nextBytes = readIfExists(next);
            if (nextBytes.isPresent() && sha256(nextBytes.get()).equals(expected.get())) {
                return Optional.of(account(nextBytes.get(), contents));
            }
        }
        if (keyBytes.isEmpty()) {
            throw new StoreException(registration + " exists but " + key + " is missing: restore it from a backup,"
                    + " or move " + registration + " away to register a new account");
        }
        throw new StoreException(key + " does not belong to " + registration + " (its SHA-256 differs from"
                + " clientKeySha256): restore both files from the same backup");
    }

    @Override
    public void save(StoredAccount account) throws StoreException {
        Objects.requireNonNull(account, "account");
        Path key = folder.resolve(KEY);
        Path next = folder.resolve(NEXT_KEY);
        Path registration = folder.resolve(REGISTRATION);
        ops.createDirectories(folder, FileOps.PUBLIC_DIR);
        finishInterruptedSave(key, next);
        ops.deleteTree(next);
        deleteLeftovers(folder, TEMPORARY_PREFIX);
        deleteLeftovers(archives, ARCHIVING_PREFIX);
        Optional<Path> archived = archiveReplaced(account, key, registration);
        byte[] keyBytes = account.privateKeyPem().getBytes(StandardCharsets.UTF_8);
        Path temporary = folder.resolve(TEMPORARY_PREFIX + UUID.randomUUID());
        try {
            write(next, keyBytes, FileOps.SECRET_FILE);
            write(temporary, AccountJson.write(account.registration(), sha256(keyBytes)), FileOps.PUBLIC_FILE);
            ops.fsync(folder);
            ops.replace(temporary, registration);
        } catch (StoreException | RuntimeException e) {
            ops.deleteQuietly(temporary);
            ops.deleteQuietly(next);
            // Nothing was replaced, so the archive copy of the current pair is not kept.
            archived.ifPresent(ops::deleteQuietly);
            throw e;
        }
        // Saved: the registration names the new key. Failures below are finished by the next save.
        try {
            ops.fsync(folder);
            ops.replace(next, key);
            ops.fsync(folder);
        } catch (StoreException e) {
            // load() reads client.key.next while client.key is stale.
        }
    }

    private void deleteLeftovers(Path dir, String prefix) throws StoreException {
        for (Path entry : ops.list(dir)) {
            if (entry.getFileName().toString().startsWith(prefix)) {
                ops.deleteTree(entry);
            }
        }
    }

    /**
     * Archives the installed files unless they are the very account being saved.
     *
     * @return the archive folder made, if any
     */
    private Optional<Path> archiveReplaced(StoredAccount replacing, Path key, Path registration)
            throws StoreException {
        List<Path> present = new ArrayList<>();
        for (Path file : List.of(key, registration)) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                present.add(file);
            }
        }
        if (present.isEmpty() || sameAccount(replacing)) {
            return Optional.empty();
        }
        ops.createDirectories(archives, FileOps.PUBLIC_DIR);
        Path building = archives.resolve(ARCHIVING_PREFIX + UUID.randomUUID());
        Path archived;
        try {
            ops.createDirectory(building, FileOps.PUBLIC_DIR);
            for (Path file : present) {
                keep(file, building.resolve(file.getFileName().toString()));
            }
            ops.fsync(building);
            archived = archiver.archiveInto(archives, building);
        } catch (StoreException | RuntimeException e) {
            ops.deleteQuietly(building);
            throw e;
        }
        try {
            // The archive must be on disk before the files it keeps are replaced.
            ops.fsync(archives);
        } catch (StoreException | RuntimeException e) {
            ops.deleteQuietly(archived);
            throw e;
        }
        return Optional.of(archived);
    }

    private boolean sameAccount(StoredAccount replacing) {
        try {
            return load().map(replacing::equals).orElse(false);
        } catch (StoreException e) {
            // Unreadable files are replaced, so they are archived as they are.
            return false;
        }
    }

    /** Gives the archive a name of {@code file}: a hard link, or a copy with the same mode when linking fails. */
    private void keep(Path file, Path copy) throws StoreException {
        try {
            ops.hardLink(copy, file);
        } catch (StoreException e) {
            // e.g. account/ and archives/ on different file systems.
            byte[] content = readIfExists(file).orElseThrow(() -> e);
            write(copy, content, file.getFileName().toString().equals(KEY) ? FileOps.SECRET_FILE
                    : FileOps.PUBLIC_FILE);
        }
    }

    private void finishInterruptedSave(Path key, Path next) throws StoreException {
        Optional<byte[]> nextBytes = readIfExists(next);
        if (nextBytes.isEmpty()) {
            return;
        }
        Optional<StoredAccount> current;
        try {
            current = load();
        } catch (StoreException e) {
            // Broken beyond an interrupted save: the save below replaces both files anyway.
            return;
        }
        if (current.isPresent() && Objects.equals(current.get().privateKeyPem(),
                new String(nextBytes.get(), StandardCharsets.UTF_8))) {
            ops.replace(next, key);
            ops.fsync(folder);
        }
    }

    private void write(Path file, byte[] content, Set<PosixFilePermission> mode)
            throws StoreException {
        ops.writeNew(file, content, mode);
        if (owners.isSet()) {
            owners.apply(file);
            ops.fsync(file);
        }
    }

    private static StoredAccount account(byte[] key, AccountJson.Contents contents) {
        return new StoredAccount(new String(key, StandardCharsets.UTF_8), contents.registration());
    }

    private static Optional<byte[]> readIfExists(Path file) throws StoreException {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw IoErrors.storeFailure("read", file, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
