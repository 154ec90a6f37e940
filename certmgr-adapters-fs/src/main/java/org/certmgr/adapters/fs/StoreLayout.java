package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.StoreException;

/**
 * Where the certificate store keeps what, below {@code data_dir}.
 *
 * <pre>
 * data_dir/
 *     .generations/&lt;name&gt;/&lt;id&gt;/...      one complete file set per generation
 *     .generations/&lt;name&gt;/&lt;id&gt;.partial/  a generation being built
 *     .generations/&lt;name&gt;/&lt;id&gt;.archived   the replaced generation &lt;id&gt; is archived; kept
 *                                            until the next commit for readers still in it
 *     archives/&lt;name&gt;/.archiving~&lt;id&gt;/      its archive copy (hard links) being made
 *     &lt;name&gt; -&gt; .generations/&lt;name&gt;/&lt;id&gt;   the current generation (relative link)
 *     &lt;alias&gt; -&gt; &lt;name&gt;
 *     archives/&lt;name&gt;/YYYY_MM_DD_HHMMSS/   replaced generations
 *     account/client.key, registration.json  the ACME account ({@link FsAccountStore})
 *     archives/account/YYYY_MM_DD_HHMMSS/  replaced accounts
 *     .tmp-link~&lt;name&gt;~&lt;link&gt;~&lt;random&gt;  a link about to replace &lt;link&gt;
 * </pre>
 *
 * <p>Every helper name starts with a dot or contains {@code ~}, which no certificate name can,
 * so none can be mistaken for a certificate folder; {@code account} and {@code archives} are
 * names that {@link CertificateName} refuses, so {@code archives/account} cannot be the archive
 * of a certificate either.
 */
final class StoreLayout {
    static final String GENERATIONS = ".generations";
    static final String ARCHIVES = "archives";
    static final String ACCOUNT = "account";
    static final String PARTIAL_SUFFIX = ".partial";
    static final String ARCHIVED_SUFFIX = ".archived";
    static final String STAGED_PREFIX = ".archiving~";
    private static final String TMP_LINK_PREFIX = ".tmp-link~";
    private static final Pattern ID = Pattern.compile("[0-9]{10}");

    /** What {@code data_dir/<name>} currently is. */
    enum Kind {
        /** Nothing usable: no entry, a dangling link, or a link that is not this certificate's. */
        NONE,
        /** A link to one of this certificate's generations. */
        GENERATION,
        /** A real folder, as the original Python tool left it. */
        LEGACY
    }

    /**
     * The installed state of one certificate.
     *
     * @param kind   what {@code data_dir/<name>} is
     * @param folder the folder holding the current files (generation or legacy folder)
     * @param id     the current generation's id, for {@link Kind#GENERATION}
     */
    record Installed(Kind kind, Optional<Path> folder, OptionalLong id) {
        static final Installed NOTHING = new Installed(Kind.NONE, Optional.empty(), OptionalLong.empty());
    }

    private final Path dataDir;

    StoreLayout(Path dataDir) {
        this.dataDir = dataDir;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The entry of {@code data_dir} for a certificate or alias folder name. */
    Path link(String folderName) {
        return dataDir.resolve(folderName);
    }

    Path generationsRoot() {
        return dataDir.resolve(GENERATIONS);
    }

    Path generations(CertificateName name) {
        return generationsRoot().resolve(name.folderName());
    }

    /**
     * Where the archive copy of a replaced generation is built before it gets its archive name.
     * The dot keeps it out of the archive listing.
     */
    Path staged(CertificateName name, long id) {
        return archives(name).resolve(STAGED_PREFIX + formatId(id));
    }

    /** An empty file saying that generation {@code id} has its archive copy and may be deleted. */
    Path archivedMarker(CertificateName name, long id) {
        return generations(name).resolve(formatId(id) + ARCHIVED_SUFFIX);
    }

    Path archivesRoot() {
        return dataDir.resolve(ARCHIVES);
    }

    Path archives(CertificateName name) {
        return archivesRoot().resolve(name.folderName());
    }

    Path account() {
        return dataDir.resolve(ACCOUNT);
    }

    Path accountArchives() {
        return archivesRoot().resolve(ACCOUNT);
    }

    /**
     * Names a path below {@code data_dir} for messages, relative to it.
     *
     * @param path a path below {@code data_dir}
     * @return e.g. {@code archives/example.com/2026_01_01_000000}
     */
    String relative(Path path) {
        Path rel = dataDir.relativize(path);
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** The relative target of {@code data_dir/<name>} for a generation. */
    Path linkTarget(CertificateName name, long id) {
        return Path.of(GENERATIONS, name.folderName(), formatId(id));
    }

    /** A fresh name for a link that will be renamed over {@code linkName}. */
    Path newTemporaryLink(CertificateName owner, String linkName) {
        return dataDir.resolve(temporaryLinkPrefix(owner) + linkName + "~" + UUID.randomUUID());
    }

    /** The prefix of every temporary link made while committing {@code owner}. */
    String temporaryLinkPrefix(CertificateName owner) {
        return TMP_LINK_PREFIX + owner.folderName() + "~";
    }

    static String formatId(long id) {
        return String.format("%010d", id);
    }

    static OptionalLong parseId(String fileName) {
        return ID.matcher(fileName).matches() ? OptionalLong.of(Long.parseLong(fileName)) : OptionalLong.empty();
    }

    /**
     * Tells whether a link target points into the generations of some certificate, which makes
     * the link that certificate's primary folder.
     *
     * @param target a link's target as written in the link
     * @return true for targets inside {@code .generations}
     */
    boolean isGenerationTarget(Path target) {
        Path resolved = dataDir.toAbsolutePath().resolve(target).normalize();
        return resolved.startsWith(generationsRoot().toAbsolutePath().normalize());
    }

    /**
     * Finds out what {@code data_dir/<name>} is.
     *
     * @param name the certificate
     * @return its installed state
     * @throws StoreException when it is a file, or cannot be inspected
     */
    Installed installed(CertificateName name) throws StoreException {
        Path link = link(name.folderName());
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(link, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Installed.NOTHING;
        } catch (IOException e) {
            throw IoErrors.storeFailure("inspect", link, e);
        }
        if (attributes.isDirectory()) {
            return new Installed(Kind.LEGACY, Optional.of(link), OptionalLong.empty());
        }
        if (!attributes.isSymbolicLink()) {
            throw new StoreException("cannot use " + link + " as the folder of certificate " + name
                    + ": it is a file; move it away");
        }
        Path target;
        try {
            target = Files.readSymbolicLink(link);
        } catch (NoSuchFileException e) {
            return Installed.NOTHING;
        } catch (IOException e) {
            throw IoErrors.storeFailure("read the link", link, e);
        }
        OptionalLong id = ownGenerationId(name, target);
        if (id.isEmpty()) {
            return Installed.NOTHING;
        }
        Path folder = dataDir.resolve(target);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Installed.NOTHING;
        }
        return new Installed(Kind.GENERATION, Optional.of(folder), id);
    }

    private static OptionalLong ownGenerationId(CertificateName name, Path target) {
        if (target.isAbsolute() || target.getNameCount() != 3
                || !target.getName(0).toString().equals(GENERATIONS)
                || !target.getName(1).toString().equals(name.folderName())) {
            return OptionalLong.empty();
        }
        return parseId(target.getName(2).toString());
    }
}
