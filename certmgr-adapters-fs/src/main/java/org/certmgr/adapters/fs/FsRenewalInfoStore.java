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
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.RenewalWindow;
import org.certmgr.ports.out.RenewalInfoStore;
import org.certmgr.ports.out.StoreException;

/**
 * Renewal information as small text files {@code data_dir/.ari/<name>.<key type>}: the
 * certificate id, the window ({@code <start> <end>} or {@code none}) and when to ask again, one
 * per line. Written to a temporary file and renamed.
 */
final class FsRenewalInfoStore implements RenewalInfoStore {
    static final String FOLDER = ".ari";
    private static final String NONE_WINDOW = "none";

    private final Path folder;

    FsRenewalInfoStore(Path dataDir) {
        this.folder = dataDir.resolve(FOLDER);
    }

    private Path file(CertificateName name, KeyType type) {
        return folder.resolve(name.folderName() + "." + type.id());
    }

    @Override
    public Optional<Entry> get(CertificateName name, KeyType type) throws StoreException {
        Path file = file(name, type);
        String[] lines;
        try {
            lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw IoErrors.storeFailure("read", file, e);
        }
        try {
            Optional<RenewalWindow> window = Optional.empty();
            if (!lines[1].strip().equals(NONE_WINDOW)) {
                String[] span = lines[1].strip().split(" ");
                window = Optional.of(new RenewalWindow(Instant.parse(span[0]), Instant.parse(span[1])));
            }
            return Optional.of(new Entry(lines[0].strip(), window, Instant.parse(lines[2].strip())));
        } catch (ArrayIndexOutOfBoundsException | DateTimeParseException | InvalidValueException e) {
            // Unreadable: asking the CA again is the safe way out.
            return Optional.empty();
        }
    }

    @Override
    public void put(CertificateName name, KeyType type, Entry entry) throws StoreException {
        Path file = file(name, type);
        Path temporary = folder.resolve("." + file.getFileName() + ".tmp~" + UUID.randomUUID());
        String text = entry.certificateId() + "\n"
                + entry.window().map(w -> w.start() + " " + w.end()).orElse(NONE_WINDOW) + "\n"
                + entry.fetchAgainAfter() + "\n";
        try {
            Files.createDirectories(folder);
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
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
}
