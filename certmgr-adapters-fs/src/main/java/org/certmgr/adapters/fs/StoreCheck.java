package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.Maintenance;
import org.certmgr.ports.out.StoreException;

/**
 * Checks and repairs the mode and owner of everything below {@code data_dir}.
 *
 * <p>Each entry must have exactly what the stores give it when they create it: secret files
 * ({@link FileSet#isSecret} within a file set; {@code client.key} and {@code client.key.next}
 * of the account) {@link FileOps#SECRET_FILE}, other files {@link FileOps#PUBLIC_FILE},
 * {@code keys} folders of a file set {@link FileOps#SECRET_DIR}, other folders
 * {@link FileOps#PUBLIC_DIR}. The configured owner and group are given to what the stores give
 * them to: the folder of a file set (generation, archived generation, or a real folder left by
 * the Python tool) with everything in it, and the account's files with their archived copies;
 * not to the store's own folders ({@code .generations}, {@code archives/<name>}, {@code account}),
 * whose owner could otherwise rename what they hold. {@code data_dir} itself is the operator's.
 *
 * <p>Symbolic links are never followed and never changed, and entries that are neither files
 * nor folders are skipped. A process that may not change owners gets one warning for all the
 * entries it could not give away, not one per file.
 */
final class StoreCheck {
    private static final Set<String> SECRET_ACCOUNT_FILES = Set.of(FsAccountStore.KEY, FsAccountStore.NEXT_KEY);
    private static final String KEYS_FOLDER = "keys";

    private final StoreLayout layout;
    private final FileOps ops;
    private final Owners owners;

    /**
     * What an entry must be.
     *
     * @param mode  its mode
     * @param owned whether it gets the configured owner and group
     */
    private record Expected(Set<PosixFilePermission> mode, boolean owned) {
    }

    StoreCheck(StoreLayout layout, FileOps ops, Owners owners) {
        this.layout = layout;
        this.ops = ops;
        this.owners = owners;
    }

    /**
     * Checks and repairs every entry below {@code data_dir}.
     *
     * @return one action per repair, warnings for what could not be repaired
     * @throws StoreException when {@code data_dir} exists but cannot be listed
     */
    Maintenance run() throws StoreException {
        Pass pass = new Pass();
        for (Path entry : sorted(ops.list(layout.dataDir()))) {
            pass.visit(entry);
        }
        return pass.result();
    }

    private static List<Path> sorted(List<Path> entries) {
        List<Path> copy = new ArrayList<>(entries);
        copy.sort(null);
        return copy;
    }

    /** The state of one run: its findings and what it learnt about owners. */
    private final class Pass {
        private final List<String> actions = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, OptionalLong> currentIds = new HashMap<>();
        private boolean checkOwners = owners.isSet();
        private int refused;
        private String refusal = "";

        void visit(Path path) {
            PosixFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                warnings.add(IoErrors.storeFailure("inspect", path, e).getMessage());
                return;
            }
            if (!attributes.isRegularFile() && !attributes.isDirectory()) {
                return;
            }
            Path relative = layout.dataDir().relativize(path);
            Expected expected = expected(relative, attributes.isDirectory());
            repairMode(path, attributes, expected.mode());
            if (expected.owned()) {
                repairOwner(path, attributes);
            }
            if (attributes.isDirectory()) {
                List<Path> children;
                try {
                    children = ops.list(path);
                } catch (StoreException e) {
                    warnings.add(e.getMessage());
                    return;
                }
                for (Path child : sorted(children)) {
                    visit(child);
                }
            }
        }

        private void repairMode(Path path, PosixFileAttributes attributes, Set<PosixFilePermission> mode) {
            if (attributes.permissions().equals(mode)) {
                return;
            }
            try {
                ops.setMode(path, mode);
                actions.add("fixed mode of " + shown(path) + ": " + octal(attributes.permissions()) + " → "
                        + octal(mode));
            } catch (StoreException e) {
                warnings.add(e.getMessage());
            }
        }

        private void repairOwner(Path path, PosixFileAttributes attributes) {
            if (!checkOwners) {
                return;
            }
            try {
                if (owners.matches(attributes)) {
                    return;
                }
            } catch (StoreException e) {
                // file_user or file_group unknown: the same for every entry, so said once.
                warnings.add(e.getMessage() + "; owners were not checked");
                checkOwners = false;
                return;
            }
            try {
                owners.apply(path);
                actions.add("fixed owner of " + shown(path) + ": " + owners.describe(attributes) + " → "
                        + owners.describe());
            } catch (OwnerChangeRefusedException e) {
                if (refused++ == 0) {
                    refusal = e.getMessage();
                }
            } catch (StoreException e) {
                warnings.add(e.getMessage());
            }
        }

        Maintenance result() {
            if (refused > 0) {
                warnings.add(refused + (refused == 1 ? " file or folder keeps its owner" : " files and folders keep"
                        + " their owner") + " instead of " + owners.describe() + " (file_user, file_group): the"
                        + " system does not let this process (user " + System.getProperty("user.name") + ") change"
                        + " owners, which needs root; first refusal: " + refusal);
            }
            return new Maintenance(actions, warnings);
        }

        /** The path for messages: a current generation's files under the certificate's name. */
        private String shown(Path path) {
            Path rel = layout.dataDir().relativize(path);
            if (rel.getNameCount() >= 3 && rel.getName(0).toString().equals(StoreLayout.GENERATIONS)) {
                String name = rel.getName(1).toString();
                OptionalLong id = currentIds.computeIfAbsent(name, this::currentId);
                if (id.isPresent() && StoreLayout.parseId(rel.getName(2).toString()).equals(id)) {
                    Path inside = rel.getNameCount() == 3 ? Path.of(name) : Path.of(name).resolve(rel.subpath(3,
                            rel.getNameCount()));
                    return layout.relative(layout.dataDir().resolve(inside));
                }
            }
            return layout.relative(path);
        }

        private OptionalLong currentId(String folderName) {
            try {
                return layout.installed(CertificateName.of(folderName)).id();
            } catch (StoreException | IllegalArgumentException e) {
                // Not a certificate's folder: shown as it is.
                return OptionalLong.empty();
            }
        }
    }

    /**
     * What an entry must be, by where it is below {@code data_dir}.
     *
     * @param relative  its path relative to {@code data_dir}
     * @param directory whether it is a folder
     * @return its mode and whether it gets the configured owner
     */
    private static Expected expected(Path relative, boolean directory) {
        String first = relative.getName(0).toString();
        if (first.equals(StoreLayout.GENERATIONS)) {
            // .generations/<name>/<id>/...
            return inFileSet(relative, 2, directory);
        }
        if (first.equals(StoreLayout.ARCHIVES)) {
            if (relative.getNameCount() >= 2 && relative.getName(1).toString().equals(StoreLayout.ACCOUNT)) {
                // archives/account/<stamp>/client.key
                return inAccount(relative, 3, directory);
            }
            // archives/<name>/<stamp>/...
            return inFileSet(relative, 2, directory);
        }
        if (first.equals(StoreLayout.ACCOUNT)) {
            return inAccount(relative, 1, directory);
        }
        // <name>/... : a real folder left by the Python tool (links were not visited).
        return inFileSet(relative, 0, directory);
    }

    /** An entry below the store's folders, whose file set's folder is component {@code root}. */
    private static Expected inFileSet(Path relative, int root, boolean directory) {
        int count = relative.getNameCount();
        if (count <= root) {
            return new Expected(directory ? FileOps.PUBLIC_DIR : FileOps.PUBLIC_FILE, false);
        }
        if (count == root + 1) {
            // The file set's folder; a file here is a stray, not part of any set.
            return directory ? new Expected(FileOps.PUBLIC_DIR, true) : new Expected(FileOps.PUBLIC_FILE, false);
        }
        if (directory) {
            String folder = relative.getFileName().toString();
            return new Expected(folder.equals(KEYS_FOLDER) ? FileOps.SECRET_DIR : FileOps.PUBLIC_DIR, true);
        }
        StringBuilder inSet = new StringBuilder();
        for (Path part : relative.subpath(root + 1, count)) {
            inSet.append(inSet.length() == 0 ? "" : "/").append(part);
        }
        return new Expected(FileSet.isSecret(inSet.toString()) ? FileOps.SECRET_FILE : FileOps.PUBLIC_FILE, true);
    }

    /** An entry of the account folder or of one of its archives, whose files are component {@code files}. */
    private static Expected inAccount(Path relative, int files, boolean directory) {
        if (directory) {
            return new Expected(FileOps.PUBLIC_DIR, false);
        }
        if (relative.getNameCount() != files + 1) {
            return new Expected(FileOps.PUBLIC_FILE, false);
        }
        boolean secret = SECRET_ACCOUNT_FILES.contains(relative.getFileName().toString());
        return new Expected(secret ? FileOps.SECRET_FILE : FileOps.PUBLIC_FILE, true);
    }

    private static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", bits);
    }
}
