package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.RunHistory;
import org.certmgr.ports.out.StoreException;

/**
 * The run history as one small text file, {@code data_dir/.runs/last-run}: the run as a whole in
 * {@code key value} lines, then one {@code certificate} line per certificate. It is replaced
 * atomically ({@link AtomicTextFile}) once per run, whatever the number of certificates: a run
 * with nothing due then costs one small write, not one forced write per certificate.
 * Certificates the run did not process keep the line they had.
 *
 * <p>A certificate line reads {@code certificate <folder name> <at> <ok|failed> <last success|never>
 * [failure reason]}; the reason is last because it may hold blanks (never a line break).
 */
final class FsRunHistory implements RunHistory {
    static final String FOLDER = ".runs";
    static final String FILE = "last-run";
    private static final String NEVER = "never";
    private static final String CERTIFICATE = "certificate";

    private final Path file;
    private final FileOps ops;
    private Parsed cache;

    FsRunHistory(Path dataDir, FileOps ops) {
        this.file = dataDir.resolve(FOLDER).resolve(FILE);
        this.ops = ops;
    }

    /** The file's content, split; certificate lines by folder name. */
    private record Parsed(Object version, Map<String, String> summary, Map<String, String> certificates) {
    }

    @Override
    public Optional<CertificateRun> lastRun(CertificateName name) throws StoreException {
        String line = parsed().certificates().get(name.folderName());
        if (line == null) {
            return Optional.empty();
        }
        String[] f = line.split(" ", 4);
        try {
            if (f.length < 3 || !"ok".equals(f[1]) && !"failed".equals(f[1])) {
                return Optional.empty();
            }
            Optional<String> failure = "ok".equals(f[1]) ? Optional.empty()
                    : Optional.of(f.length > 3 ? f[3] : "");
            return Optional.of(new CertificateRun(Instant.parse(f[0]), failure, instant(f[2])));
        } catch (DateTimeParseException e) {
            // Unreadable: reported as never run, which the next run corrects.
            return Optional.empty();
        }
    }

    @Override
    public Optional<RunSummary> lastRun() throws StoreException {
        Map<String, String> f = parsed().summary();
        try {
            return Optional.of(new RunSummary(Instant.parse(required(f, "at")),
                    Integer.parseInt(required(f, "certificates")), Integer.parseInt(required(f, "failed")),
                    instant(required(f, "last_success"))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void record(RunSummary run, Map<CertificateName, CertificateRun> certificates)
            throws StoreException {
        Map<String, String> lines = new LinkedHashMap<>(parsed().certificates());
        certificates.forEach((name, c) -> lines.put(name.folderName(), c.at() + " " + (c.ok() ? "ok" : "failed") + " "
                + c.lastSuccess().map(Instant::toString).orElse(NEVER) + c.failure().map(f -> " " + f).orElse("")));
        StringBuilder text = new StringBuilder()
                .append("at ").append(run.at()).append('\n')
                .append("certificates ").append(run.certificates()).append('\n')
                .append("failed ").append(run.failed()).append('\n')
                .append("last_success ").append(run.lastSuccess().map(Instant::toString).orElse(NEVER)).append('\n');
        lines.forEach((name, line) -> text.append(CERTIFICATE).append(' ').append(name).append(' ').append(line)
                .append('\n'));
        ops.createDirectories(file.getParent(), FileOps.PUBLIC_DIR);
        AtomicTextFile.write(ops, file, text.toString(), FileOps.PUBLIC_FILE);
        cache = null;
    }

    private static String required(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    private static Optional<Instant> instant(String text) {
        return NEVER.equals(text) ? Optional.empty() : Optional.of(Instant.parse(text));
    }

    /**
     * The file, parsed once per version of it: {@code status} asks for every certificate in turn,
     * and re-reading the whole file each time would cost quadratic time at a thousand certificates.
     */
    private synchronized Parsed parsed() throws StoreException {
        Object version;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            version = attributes.fileKey() + "/" + attributes.lastModifiedTime() + "/" + attributes.size();
        } catch (NoSuchFileException e) {
            return new Parsed(null, Map.of(), Map.of());
        } catch (IOException e) {
            throw IoErrors.storeFailure("read", file, e);
        }
        if (cache != null && cache.version().equals(version)) {
            return cache;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Parsed(null, Map.of(), Map.of());
        } catch (IOException e) {
            throw IoErrors.storeFailure("read", file, e);
        }
        Map<String, String> summary = new LinkedHashMap<>();
        Map<String, String> certificates = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space <= 0) {
                continue;
            }
            String key = line.substring(0, space);
            String value = line.substring(space + 1);
            if (CERTIFICATE.equals(key)) {
                int nameEnd = value.indexOf(' ');
                if (nameEnd > 0) {
                    certificates.put(value.substring(0, nameEnd), value.substring(nameEnd + 1));
                }
            } else {
                summary.put(key, value);
            }
        }
        cache = new Parsed(version, summary, certificates);
        return cache;
    }
}
