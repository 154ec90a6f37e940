package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.StoreException;

/**
 * Builds a complete new generation folder for a file set, ready to be switched to.
 *
 * <p>The folder is built as {@code <id>.partial} and renamed to {@code <id>} only once every
 * file and folder in it is on disk, so recovery can tell a half-built generation (always
 * deleted) from a complete one.
 */
final class GenerationBuilder {
    private static final String KEYS_FOLDER = "keys";

    private final StoreLayout layout;
    private final FileOps ops;
    private final Owners owners;

    /**
     * The currently installed files a new generation may share by hard link.
     *
     * @param folder the folder holding them
     * @param files  their contents
     */
    record Previous(Path folder, FileSet files) {
    }

    GenerationBuilder(StoreLayout layout, FileOps ops, Owners owners) {
        this.layout = layout;
        this.ops = ops;
        this.owners = owners;
    }

    /**
     * Builds a generation holding exactly {@code files}.
     *
     * @param name     the certificate
     * @param files    the new files
     * @param previous the installed files, whose unchanged ones are hard-linked instead of written
     * @return the complete generation folder and its id
     * @throws StoreException when it cannot be built; nothing of it is left behind then
     */
    Built build(CertificateName name, FileSet files, Optional<Previous> previous) throws StoreException {
        Path generations = layout.generations(name);
        ops.createDirectories(generations, FileOps.PUBLIC_DIR);
        long id = nextId(generations);
        Path building = generations.resolve(StoreLayout.formatId(id) + StoreLayout.PARTIAL_SUFFIX);
        ops.createDirectory(building, FileOps.PUBLIC_DIR);
        try {
            owners.apply(building);
            List<Path> folders = new ArrayList<>();
            folders.add(building);
            Set<Path> made = new HashSet<>();
            for (String path : files.paths()) {
                Path file = resolve(building, path);
                makeParents(building, file.getParent(), made, folders);
                place(file, path, files, previous);
            }
            for (int i = folders.size() - 1; i >= 0; i--) {
                ops.fsync(folders.get(i));
            }
            Path complete = generations.resolve(StoreLayout.formatId(id));
            if (!ops.renameIfAbsent(building, complete)) {
                throw new StoreException("cannot complete " + building + ": " + complete + " exists already");
            }
            building = complete;
            ops.fsync(generations);
            ops.fsync(layout.generationsRoot());
            // .generations itself may be new: its entry must be on disk before a link leads into it.
            ops.fsync(layout.dataDir());
            return new Built(complete, id);
        } catch (StoreException | RuntimeException e) {
            ops.deleteQuietly(building);
            throw e;
        }
    }

    /**
     * A complete generation.
     *
     * @param folder its folder
     * @param id     its id
     */
    record Built(Path folder, long id) {
    }

    private long nextId(Path generations) throws StoreException {
        long max = 0;
        for (Path entry : ops.list(generations)) {
            String fileName = entry.getFileName().toString();
            OptionalLong id = StoreLayout.parseId(fileName.endsWith(StoreLayout.PARTIAL_SUFFIX)
                    ? fileName.substring(0, fileName.length() - StoreLayout.PARTIAL_SUFFIX.length())
                    : fileName);
            if (id.isPresent()) {
                max = Math.max(max, id.getAsLong());
            }
        }
        return max + 1;
    }

    private static Path resolve(Path folder, String relative) {
        Path file = folder;
        for (String part : relative.split("/")) {
            file = file.resolve(part);
        }
        return file;
    }

    private void makeParents(Path root, Path dir, Set<Path> made, List<Path> folders) throws StoreException {
        if (dir.equals(root) || made.contains(dir)) {
            return;
        }
        makeParents(root, dir.getParent(), made, folders);
        ops.createDirectory(dir, dir.getFileName().toString().equals(KEYS_FOLDER) ? FileOps.SECRET_DIR
                : FileOps.PUBLIC_DIR);
        owners.apply(dir);
        made.add(dir);
        folders.add(dir);
    }

    private void place(Path file, String path, FileSet files, Optional<Previous> previous) throws StoreException {
        byte[] content = files.content(path).orElseThrow();
        Set<PosixFilePermission> mode = FileSet.isSecret(path) ? FileOps.SECRET_FILE : FileOps.PUBLIC_FILE;
        Optional<Path> reusable = previous.isPresent() ? reusable(previous.get(), path, content, mode) : Optional.empty();
        if (reusable.isPresent()) {
            try {
                ops.hardLink(file, reusable.get());
                return;
            } catch (StoreException e) {
                // e.g. a legacy folder on another file system: a copy serves as well.
            }
        }
        ops.writeNew(file, content, mode);
        if (owners.isSet()) {
            owners.apply(file);
            ops.fsync(file);
        }
    }

    /**
     * An installed file may be shared only when it has the same bytes and already the mode and
     * owner a new file would get; otherwise sharing would carry over (or change, for the archived
     * copy) a wrong mode or owner.
     */
    private Optional<Path> reusable(Previous previous, String path, byte[] content, Set<PosixFilePermission> mode)
            throws StoreException {
        Optional<byte[]> installed = previous.files().content(path);
        if (installed.isEmpty() || !Arrays.equals(installed.get(), content)) {
            return Optional.empty();
        }
        Path source = resolve(previous.folder(), path);
        try {
            PosixFileAttributes attributes = Files.readAttributes(source, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isRegularFile() && attributes.permissions().equals(mode) && owners.matches(attributes)) {
                return Optional.of(source);
            }
        } catch (IOException e) {
            // Unreadable attributes: write a fresh copy instead.
        }
        return Optional.empty();
    }
}
