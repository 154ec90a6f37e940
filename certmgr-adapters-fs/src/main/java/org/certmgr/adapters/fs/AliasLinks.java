package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.ports.out.StoreException;

/**
 * Keeps {@code data_dir/<alias>} a relative link to {@code <name>} for each alternative name.
 *
 * <p>Only links are ever replaced or removed, and never a link into {@code .generations} (that
 * is the folder of another certificate): a real folder or file, or another certificate's
 * folder, is left alone and reported.
 */
final class AliasLinks {
    private final StoreLayout layout;
    private final Links links;
    private final FileOps ops;

    /**
     * What a pass over alias links did.
     *
     * @param changed one line per link made, switched or removed
     * @param skipped one line per link left alone, saying why
     */
    record Outcome(List<String> changed, List<String> skipped) {
    }

    AliasLinks(StoreLayout layout, Links links, FileOps ops) {
        this.layout = layout;
        this.links = links;
        this.ops = ops;
    }

    /**
     * Creates or fixes the alias links of a certificate.
     *
     * @param name    the certificate
     * @param aliases its alternative names; the name itself is skipped
     * @return the links made or switched, and one message per alias left alone saying why
     */
    Outcome update(CertificateName name, Set<DnsName> aliases) {
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>());
        Path target = Path.of(name.folderName());
        for (DnsName alias : new TreeSet<>(aliases)) {
            if (alias.equals(name.dnsName())) {
                continue;
            }
            Path link = layout.link(alias.ascii());
            try {
                updateOne(name, link, target, outcome);
            } catch (StoreException e) {
                outcome.skipped().add(link + " was not linked to " + target + ": " + e.getMessage());
            }
        }
        return outcome;
    }

    private void updateOne(CertificateName name, Path link, Path target, Outcome outcome) throws StoreException {
        synchronized (Links.LOCK) {
            Optional<Path> existing = existingLinkTarget(link);
            if (existing.isPresent() && existing.get().equals(target)) {
                return;
            }
            Optional<String> refusal = refusal(link, existing, target);
            if (refusal.isPresent()) {
                outcome.skipped().add(refusal.get());
                return;
            }
            links.point(name, link, target);
            String alias = link.getFileName().toString();
            outcome.changed().add(existing.isEmpty() ? "linked " + alias + " → " + target
                    : "relinked " + alias + " → " + target + " (it led to " + existing.get() + ")");
        }
    }

    /**
     * Removes the links of {@code data_dir} that lead to one of the given certificates under a
     * name that is no longer one of its aliases.
     *
     * <p>Only symbolic links named like a DNS name are looked at, and only those whose target
     * is the folder of a certificate in {@code aliases}; a link named like one of those
     * certificates is kept (it becomes that certificate's folder on its first commit). Links to
     * other certificates, and links with other names (an operator's own), stay.
     *
     * @param aliases each certificate → its aliases
     * @return the links removed, and one message per link that could not be removed
     * @throws StoreException when {@code data_dir} cannot be listed
     */
    Outcome removeStale(Map<CertificateName, Set<DnsName>> aliases) throws StoreException {
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>());
        Map<String, CertificateName> byFolder = new HashMap<>();
        aliases.keySet().forEach(name -> byFolder.put(name.folderName(), name));
        List<Path> entries = new ArrayList<>(ops.list(layout.dataDir()));
        entries.sort(null);
        for (Path entry : entries) {
            String entryName = entry.getFileName().toString();
            if (byFolder.containsKey(entryName) || !isDnsName(entryName)) {
                continue;
            }
            synchronized (Links.LOCK) {
                Optional<Path> target;
                try {
                    target = existingLinkTarget(entry);
                } catch (StoreException e) {
                    outcome.skipped().add(e.getMessage());
                    continue;
                }
                Optional<CertificateName> leadsTo = target.flatMap(t -> certificateFolder(t, byFolder));
                if (leadsTo.isEmpty() || aliases.get(leadsTo.get()).stream()
                        .anyMatch(a -> a.ascii().equals(entryName))) {
                    continue;
                }
                try {
                    ops.delete(entry);
                    outcome.changed().add("removed link " + entryName + " → " + target.get() + ": "
                            + entryName + " is no longer an alternative name of " + leadsTo.get());
                } catch (StoreException e) {
                    outcome.skipped().add(e.getMessage());
                }
            }
        }
        return outcome;
    }

    /** The certificate whose folder {@code data_dir/<target>} is, when it is one of {@code byFolder}. */
    private Optional<CertificateName> certificateFolder(Path target, Map<String, CertificateName> byFolder) {
        Path dataDir = layout.dataDir().toAbsolutePath().normalize();
        Path resolved = dataDir.resolve(target).normalize();
        if (!dataDir.equals(resolved.getParent())) {
            return Optional.empty();
        }
        return Optional.ofNullable(byFolder.get(resolved.getFileName().toString()));
    }

    private static boolean isDnsName(String fileName) {
        try {
            return DnsName.of(fileName).ascii().equals(fileName);
        } catch (InvalidValueException e) {
            return false;
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
