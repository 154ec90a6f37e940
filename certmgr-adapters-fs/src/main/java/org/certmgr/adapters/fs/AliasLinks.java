package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.StoreException;

/**
 * Keeps {@code data_dir/<alias>} a relative link to {@code <name>} for each alternative name.
 *
 * <p>Only links are ever replaced, and never a link into {@code .generations} (that is the
 * folder of another certificate): a real folder or file, or another certificate's folder, is
 * left alone and reported.
 */
final class AliasLinks {
    private final StoreLayout layout;
    private final Links links;

    AliasLinks(StoreLayout layout, Links links) {
        this.layout = layout;
        this.links = links;
    }

    /**
     * Creates or fixes the alias links of a certificate.
     *
     * @param name    the certificate
     * @param aliases its alternative names; the name itself is skipped
     * @return one message per alias left alone, saying why; empty when all lead to {@code name}
     */
    List<String> update(CertificateName name, Set<DnsName> aliases) {
        List<String> skipped = new ArrayList<>();
        Path target = Path.of(name.folderName());
        for (DnsName alias : new TreeSet<>(aliases)) {
            if (alias.equals(name.dnsName())) {
                continue;
            }
            Path link = layout.link(alias.ascii());
            try {
                updateOne(name, link, target).ifPresent(skipped::add);
            } catch (StoreException e) {
                skipped.add(link + " was not linked to " + target + ": " + e.getMessage());
            }
        }
        return skipped;
    }

    private Optional<String> updateOne(CertificateName name, Path link, Path target) throws StoreException {
        synchronized (Links.LOCK) {
            Optional<Path> existing = existingLinkTarget(link);
            if (existing.isPresent() && existing.get().equals(target)) {
                return Optional.empty();
            }
            Optional<String> refusal = refusal(link, existing, target);
            if (refusal.isEmpty()) {
                links.point(name, link, target);
            }
            return refusal;
        }
    }

    private Optional<String> refusal(Path link, Optional<Path> existingTarget, Path target) {
        if (existingTarget.isEmpty()) {
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(link + " is a real " + (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)
                        ? "folder" : "file") + ", not a link; left alone instead of linking it to " + target);
            }
            return Optional.empty();
        }
        if (layout.isGenerationTarget(existingTarget.get())) {
            return Optional.of(link + " is the folder of another certificate; left alone instead of linking it to "
                    + target);
        }
        return Optional.empty();
    }

    /** The target of {@code link} when it is a symbolic link; empty when absent or not a link. */
    private static Optional<Path> existingLinkTarget(Path link) throws StoreException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(link, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isSymbolicLink()) {
                return Optional.empty();
            }
            return Optional.of(Files.readSymbolicLink(link));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw IoErrors.storeFailure("inspect", link, e);
        }
    }
}
