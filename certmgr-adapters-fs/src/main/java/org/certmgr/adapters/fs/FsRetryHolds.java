package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.RetryHolds;
import org.certmgr.ports.out.StoreException;

/**
 * Holds as small text files {@code data_dir/.holds/<name>}: the instant (ISO-8601) on the first
 * line, the CA's words on the second. Written to a temporary file and renamed, so a reader sees
 * the old hold or the new one.
 */
final class FsRetryHolds implements RetryHolds {
    static final String FOLDER = ".holds";

    private final Path folder;

    FsRetryHolds(Path dataDir) {
        this.folder = dataDir.resolve(FOLDER);
    }

    @Override
    public Optional<Hold> current(CertificateName name) throws StoreException {
        Path file = folder.resolve(name.folderName());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw IoErrors.storeFailure("read", file, e);
        }
        String[] lines = text.split("\n", 2);
        try {
            return Optional.of(new Hold(Instant.parse(lines[0].strip()), lines.length > 1 ? lines[1].strip() : ""));
        } catch (DateTimeParseException e) {
            // Unreadable: not a reason to stop renewing this certificate for good.
            return Optional.empty();
        }
    }

    @Override
    public void hold(CertificateName name, Hold hold) throws StoreException {
        Path file = folder.resolve(name.folderName());
        Path temporary = folder.resolve("." + name.folderName() + ".tmp~" + UUID.randomUUID());
        try {
            Files.createDirectories(folder);
            Files.writeString(temporary, hold.until() + "\n" + hold.reason().replace('\n', ' ') + "\n",
                    StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The failure that matters is the one reported.
            }
            throw IoErrors.storeFailure("write", file, e);
        }
    }

    @Override
    public void release(CertificateName name) throws StoreException {
        Path file = folder.resolve(name.folderName());
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw IoErrors.storeFailure("delete", file, e);
        }
    }
}
