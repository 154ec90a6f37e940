package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.RunHistory;
import org.certmgr.ports.out.StoreException;

/**
 * The run history as small text files of {@code key value} lines: {@code data_dir/.runs/last-run}
 * for the run as a whole and {@code data_dir/.runs/certificates/<name>} for each certificate, each
 * replaced atomically ({@link AtomicTextFile}). The certificates' files are written before the
 * summary, so the summary never names a run whose certificates are not recorded yet.
 */
final class FsRunHistory implements RunHistory {
    static final String FOLDER = ".runs";
    static final String SUMMARY = "last-run";
    static final String CERTIFICATES = "certificates";
    private static final String NEVER = "never";

    private final Path folder;
    private final FileOps ops;

    FsRunHistory(Path dataDir, FileOps ops) {
        this.folder = dataDir.resolve(FOLDER);
        this.ops = ops;
    }

    private Path file(CertificateName name) {
        return folder.resolve(CERTIFICATES).resolve(name.folderName());
    }

    @Override
    public Optional<CertificateRun> lastRun(CertificateName name) throws StoreException {
        Optional<Map<String, String>> fields = read(file(name));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, String> f = fields.get();
            String result = f.get("result");
            if (!"ok".equals(result) && !"failed".equals(result)) {
                return Optional.empty();
            }
            Optional<String> failure = "ok".equals(result) ? Optional.empty()
                    : Optional.of(f.getOrDefault("failure", ""));
            return Optional.of(new CertificateRun(Instant.parse(required(f, "at")), failure,
                    instant(required(f, "last_success"))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // Unreadable: reported as never run, which the next run corrects.
            return Optional.empty();
        }
    }

    @Override
    public Optional<RunSummary> lastRun() throws StoreException {
        Optional<Map<String, String>> fields = read(folder.resolve(SUMMARY));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, String> f = fields.get();
            return Optional.of(new RunSummary(Instant.parse(required(f, "at")),
                    Integer.parseInt(required(f, "certificates")), Integer.parseInt(required(f, "failed")),
                    instant(required(f, "last_success"))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void record(RunSummary run, Map<CertificateName, CertificateRun> certificates) throws StoreException {
        ops.createDirectories(folder.resolve(CERTIFICATES), FileOps.PUBLIC_DIR);
        for (Map.Entry<CertificateName, CertificateRun> e : certificates.entrySet()) {
            CertificateRun c = e.getValue();
            String text = "at " + c.at() + "\n"
                    + "result " + (c.ok() ? "ok" : "failed") + "\n"
                    + "last_success " + c.lastSuccess().map(Instant::toString).orElse(NEVER) + "\n"
                    + c.failure().map(f -> "failure " + f + "\n").orElse("");
            AtomicTextFile.write(ops, file(e.getKey()), text, FileOps.PUBLIC_FILE);
        }
        String summary = "at " + run.at() + "\n"
                + "certificates " + run.certificates() + "\n"
                + "failed " + run.failed() + "\n"
                + "last_success " + run.lastSuccess().map(Instant::toString).orElse(NEVER) + "\n";
        AtomicTextFile.write(ops, folder.resolve(SUMMARY), summary, FileOps.PUBLIC_FILE);
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

    private static Optional<Map<String, String>> read(Path file) throws StoreException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw IoErrors.storeFailure("read", file, e);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                fields.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return Optional.of(fields);
    }
}
