package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.ports.out.HookRunner;
import org.certmgr.ports.out.HttpChallenge;

/**
 * Answers http-01 challenges by writing {@code <dir>/<token>} into the folder a web server
 * already serves as {@code http://<name>/.well-known/acme-challenge/}.
 *
 * <p>The folder of a name is its {@code http_challenges} entry, else the
 * {@code http_challenge_dir} template with {@code {fqdn}} replaced by the name's ASCII form.
 * The {@code set_http_challenge} hook runs after a token file is written, and
 * {@code clear_http_challenge} after one is removed; their warnings can only be logged, since
 * the port has no channel for them. Holds no mutable state; different tokens are different
 * files, so concurrent use is safe.
 */
final class ChallengeDirectories implements ChallengeResponder {
    private static final String FQDN = "{fqdn}";
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Map<DnsName, Path> perName;
    private final Optional<String> template;
    private final HookRunner hooks;
    private final Consumer<String> warnings;

    ChallengeDirectories(Map<DnsName, Path> perName, Optional<String> template, HookRunner hooks,
            Consumer<String> warnings) {
        this.perName = Map.copyOf(perName);
        this.template = template;
        this.hooks = hooks;
        this.warnings = warnings;
    }

    @Override
    public String deploy(HttpChallenge challenge) throws ChallengeException {
        Path dir = directory(challenge.domain()).orElseThrow(() -> new ChallengeException(
                "no http challenge directory is configured for " + challenge.domain().ascii()
                        + "; add it to http_challenges or set settings.http_challenge_dir"));
        Path file = tokenFile(dir, challenge);
        try {
            createDirectories(dir);
        } catch (IOException e) {
            throw new ChallengeException("cannot create the http challenge directory " + dir + " for "
                    + challenge.domain().ascii() + ": " + IoErrors.reason(e), e);
        }
        try {
            write(file, challenge.content().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ChallengeException("cannot write the http challenge file " + file + " for "
                    + challenge.domain().ascii() + ": " + IoErrors.reason(e), e);
        }
        try {
            runHook(HookEvent.SET_HTTP_CHALLENGE, challenge, file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChallengeException("interrupted while the set_http_challenge hook ran for "
                    + challenge.domain().ascii(), e);
        }
        return file.toString();
    }

    @Override
    public void remove(HttpChallenge challenge) {
        Optional<Path> dir = directory(challenge.domain());
        if (dir.isEmpty()) {
            return;
        }
        Path file;
        try {
            file = tokenFile(dir.get(), challenge);
            if (!Files.deleteIfExists(file)) {
                return;
            }
        } catch (IOException | ChallengeException e) {
            // A stale token file is harmless: it answers nothing once the challenge is over.
            return;
        }
        try {
            runHook(HookEvent.CLEAR_HTTP_CHALLENGE, challenge, file);
        } catch (InterruptedException e) {
            // remove() cannot report it; the caller sees the flag.
            Thread.currentThread().interrupt();
        }
    }

    private void runHook(HookEvent event, HttpChallenge challenge, Path file) throws InterruptedException {
        Map<String, String> fields = Map.of("domain", challenge.domain().ascii(),
                "challenge_file", file.toAbsolutePath().toString());
        hooks.run(event, fields, Optional.empty()).forEach(warnings);
    }

    private Optional<Path> directory(DnsName domain) {
        Path explicit = perName.get(domain);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return template.map(t -> Path.of(t.replace(FQDN, domain.ascii())));
    }

    private static Path tokenFile(Path dir, HttpChallenge challenge) throws ChallengeException {
        // HttpChallenge admits only base64url tokens; this check keeps the guarantee local.
        Path file = dir.resolve(challenge.token());
        if (!file.normalize().getParent().equals(dir.normalize())
                || !file.getFileName().toString().equals(challenge.token())) {
            throw new ChallengeException("the challenge token for " + challenge.domain().ascii()
                    + " would leave the directory " + dir);
        }
        return file;
    }

    private static void createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIR_MODE));
            } catch (FileAlreadyExistsException e) {
                if (Files.isDirectory(p)) {
                    continue;
                }
                throw e;
            }
            // The web server must be able to enter it, whatever the umask.
            Files.setPosixFilePermissions(p, DIR_MODE);
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), PosixFilePermissions.asFileAttribute(FILE_MODE))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (!Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(FILE_MODE)) {
            Files.setPosixFilePermissions(file, FILE_MODE);
        }
    }
}
