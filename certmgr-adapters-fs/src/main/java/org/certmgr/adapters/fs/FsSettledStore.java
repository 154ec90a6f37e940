package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.SettledStore;
import org.certmgr.ports.out.StoreException;

/**
 * Settled certificates as small text files, {@code data_dir/.runs/settled/<name>}, each replaced
 * atomically; next to the run history, as both are what runs learnt, not installed files. The first line names the program that wrote it: an entry from another version is
 * ignored, since a new version may render files differently. Anything unexpected in a file
 * makes it read as absent, which only costs one full read of that certificate.
 */
final class FsSettledStore implements SettledStore {
    static final String FOLDER = ".runs/settled";

    private final Path folder;
    private final FileOps ops;
    private final String generator;

    FsSettledStore(Path dataDir, FileOps ops, String generator) {
        this.folder = dataDir.resolve(FOLDER);
        this.ops = ops;
        this.generator = generator.replace('\n', ' ');
    }

    private Path file(CertificateName name) {
        return folder.resolve(name.folderName());
    }

    @Override
    public Optional<Settled> get(CertificateName name) throws StoreException {
        String text;
        try {
            text = Files.readString(file(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw IoErrors.storeFailure("read", file(name), e);
        }
        try {
            String[] lines = text.split("\n");
            if (lines.length < 3 || !lines[0].equals("generator " + generator) || !lines[1].startsWith("files ")
                    || !lines[2].startsWith("fingerprint ")) {
                return Optional.empty();
            }
            Map<KeyType, KeyTypeEntry> keyTypes = new EnumMap<>(KeyType.class);
            for (String line : Arrays.asList(lines).subList(3, lines.length)) {
                String[] f = line.split(" ", 10);
                if (f.length != 10 || !f[0].equals("keytype")) {
                    return Optional.empty();
                }
                KeyType type = KeyType.parse(f[1]);
                Set<String> names = new LinkedHashSet<>(Arrays.asList(f[9].split(",")));
                InstalledCertificate description = new InstalledCertificate(type,
                        f[8].equals("-") ? Optional.empty() : Optional.of(f[8]), names, Instant.parse(f[3]),
                        Instant.parse(f[4]), keySpec(f[7]), Boolean.parseBoolean(f[5]), Boolean.parseBoolean(f[6]));
                keyTypes.put(type, new KeyTypeEntry(description, f[2]));
            }
            return Optional.of(new Settled(lines[1].substring("files ".length()),
                    lines[2].substring("fingerprint ".length()), keyTypes));
        } catch (RuntimeException e) {
            // Damaged or from an unknown format: absent, as the contract says.
            return Optional.empty();
        }
    }

    private static KeySpec keySpec(String text) {
        if (text.startsWith("rsa:")) {
            return new KeySpec.Rsa(Integer.parseInt(text.substring(4)));
        }
        if (text.startsWith("ec:")) {
            return new KeySpec.Ec(EcCurve.parse(text.substring(3)));
        }
        throw new IllegalArgumentException("unknown key " + text);
    }

    private static String keySpec(KeySpec spec) {
        return spec instanceof KeySpec.Rsa rsa ? "rsa:" + rsa.bits() : "ec:" + ((KeySpec.Ec) spec).curve().id();
    }

    @Override
    public void put(CertificateName name, Settled settled) throws StoreException {
        StringBuilder text = new StringBuilder()
                .append("generator ").append(generator).append('\n')
                .append("files ").append(settled.filesVersion()).append('\n')
                .append("fingerprint ").append(settled.fingerprint()).append('\n');
        settled.keyTypes().forEach((type, entry) -> {
            InstalledCertificate d = entry.description();
            text.append("keytype ").append(type.id()).append(' ').append(entry.serial()).append(' ')
                    .append(d.notBefore()).append(' ').append(d.notAfter()).append(' ').append(d.keyMatches())
                    .append(' ').append(d.mustStaple()).append(' ').append(keySpec(d.key())).append(' ')
                    .append(d.commonName().orElse("-")).append(' ').append(String.join(",", d.names())).append('\n');
        });
        ops.createDirectories(folder, FileOps.PUBLIC_DIR);
        AtomicTextFile.write(ops, file(name), text.toString(), FileOps.PUBLIC_FILE);
    }
}
