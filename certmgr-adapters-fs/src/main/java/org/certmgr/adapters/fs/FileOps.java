package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.certmgr.ports.out.StoreException;

/**
 * The file operations the stores are built from, each failing with a {@link StoreException}
 * that names the path.
 *
 * <p>Not final on purpose: tests subclass it to inject a failure (or a simulated crash) at a
 * chosen step, which no real file system lets a test do reliably when it runs as root.
 */
class FileOps {
    /** Private keys: owner and group may read, others nothing. */
    static final Set<PosixFilePermission> SECRET_FILE = PosixFilePermissions.fromString("rw-r-----");
    /** Certificates and everything else: readable by all. */
    static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");
    /** A {@code keys/} folder: others cannot even list it. */
    static final Set<PosixFilePermission> SECRET_DIR = PosixFilePermissions.fromString("rwxr-x---");
    /** Every other folder. */
    static final Set<PosixFilePermission> PUBLIC_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

    private static final Set<StandardOpenOption> CREATE_NEW = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    /**
     * Creates a folder that must not exist yet, with its final mode.
     *
     * @param dir  the folder
     * @param mode its mode
     * @throws StoreException when it exists or cannot be created
     */
    void createDirectory(Path dir, Set<PosixFilePermission> mode) throws StoreException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(mode));
            widen(dir, mode);
        } catch (IOException e) {
            throw IoErrors.storeFailure("create the folder", dir, e);
        }
    }

    /**
     * Creates a folder and its missing parents, each with {@code mode}; folders that exist
     * already (also when another thread just made them) are left as they are.
     *
     * @param dir  the folder
     * @param mode the mode of the folders created
     * @throws StoreException when a folder cannot be created
     */
    void createDirectories(Path dir, Set<PosixFilePermission> mode) throws StoreException {
        Path absolute = dir.toAbsolutePath();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p, PosixFilePermissions.asFileAttribute(mode));
                widen(p, mode);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw IoErrors.storeFailure("create the folder", p, e);
                }
            } catch (IOException e) {
                throw IoErrors.storeFailure("create the folder", p, e);
            }
        }
    }

    /**
     * Creates a file that must not exist yet with its final mode, writes it and forces it to
     * disk. The file is never more open than {@code mode} at any instant.
     *
     * @param file    the file
     * @param content its bytes
     * @param mode    its mode
     * @throws StoreException when it cannot be written
     */
    void writeNew(Path file, byte[] content, Set<PosixFilePermission> mode) throws StoreException {
        try (FileChannel channel = FileChannel.open(file, CREATE_NEW, PosixFilePermissions.asFileAttribute(mode))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw IoErrors.storeFailure("write", file, e);
        }
        try {
            widen(file, mode);
        } catch (IOException e) {
            throw IoErrors.storeFailure("set the mode of", file, e);
        }
    }

    /**
     * Makes {@code link} a second name (hard link) of the file {@code existing}.
     *
     * @param link     the new name
     * @param existing the existing file
     * @throws StoreException when the link cannot be made (e.g. across file systems)
     */
    void hardLink(Path link, Path existing) throws StoreException {
        try {
            Files.createLink(link, existing);
        } catch (IOException e) {
            throw IoErrors.storeFailure("link " + existing + " as", link, e);
        }
    }

    /**
     * Creates a symbolic link.
     *
     * @param link   the link
     * @param target what it points to, usually relative
     * @throws StoreException when it cannot be created
     */
    void symlink(Path link, Path target) throws StoreException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw IoErrors.storeFailure("create the link", link, e);
        }
    }

    /**
     * Renames a file or folder unless the target exists.
     *
     * @param source what to rename
     * @param target the new name, on the same file system
     * @return false when the target exists
     * @throws StoreException when the rename fails for another reason
     */
    boolean renameIfAbsent(Path source, Path target) throws StoreException {
        try {
            // Without options the JDK refuses an existing target, then calls rename(2), which
            // stays atomic on one file system.
            Files.move(source, target);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw IoErrors.storeFailure("move " + source + " to", target, e);
        }
    }

    /**
     * Renames {@code source} to {@code target} in one step, replacing a file or symbolic link
     * at the target. On Linux this is rename(2): a reader sees the old target or the new one,
     * never nothing.
     *
     * @param source the new file or link
     * @param target the name it takes over
     * @throws StoreException when the rename fails (e.g. the target is a non-empty folder)
     */
    void replace(Path source, Path target) throws StoreException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw IoErrors.storeFailure("replace", target, e);
        }
    }

    /**
     * Forces a file or a folder (its entries) to disk.
     *
     * @param path the file or folder
     * @throws StoreException when the sync fails
     */
    void fsync(Path path) throws StoreException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw IoErrors.storeFailure("sync to disk", path, e);
        }
    }

    /**
     * Deletes a file, a symbolic link (not what it points to) or a folder with its contents.
     *
     * @param path what to delete; nothing happens when it does not exist
     * @throws StoreException when something cannot be deleted
     */
    void deleteTree(Path path) throws StoreException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    if (exc != null) {
                        throw exc;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Gone already: that is what was wanted.
        } catch (IOException e) {
            throw IoErrors.storeFailure("delete", path, e);
        }
    }

    /**
     * Deletes like {@link #deleteTree} and ignores failures; for cleaning up after an
     * error that is already being reported.
     *
     * @param path what to delete
     */
    void deleteQuietly(Path path) {
        try {
            deleteTree(path);
        } catch (StoreException | RuntimeException e) {
            // The original failure is the one worth reporting; recovery retries this later.
        }
    }

    /**
     * Lists a folder's entries.
     *
     * @param dir the folder
     * @return its entries, or none when it does not exist
     * @throws StoreException when it cannot be read
     */
    List<Path> list(Path dir) throws StoreException {
        List<Path> entries = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (NoSuchFileException e) {
            return entries;
        } catch (IOException e) {
            throw IoErrors.storeFailure("list", dir, e);
        }
        return entries;
    }

    /**
     * Deletes one file, symbolic link (not what it points to) or empty folder.
     *
     * @param path what to delete
     * @throws StoreException when it cannot be deleted, also when it does not exist
     */
    void delete(Path path) throws StoreException {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw IoErrors.storeFailure("delete", path, e);
        }
    }

    /**
     * Sets the mode of a file or folder, never following a symbolic link: the JDK opens the
     * entry with {@code O_NOFOLLOW} and changes the mode of that descriptor, so a link put in
     * its place meanwhile fails instead of opening up what it points to.
     *
     * @param path the file or folder
     * @param mode its new mode
     * @throws StoreException when the mode cannot be set (a link is refused)
     */
    void setMode(Path path, Set<PosixFilePermission> mode) throws StoreException {
        try {
            Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(mode);
        } catch (IOException e) {
            throw IoErrors.storeFailure("set the mode of", path, e);
        }
    }

    /**
     * Gives a file, folder or link (never what a link points to) an owner and a group.
     *
     * @param path  the entry
     * @param user  its new owner, or empty to keep the owner
     * @param group its new group, or empty to keep the group
     * @throws OwnerChangeRefusedException when the system does not let this process change it
     *                                     (not root)
     * @throws StoreException              when it fails for another reason
     */
    void changeOwner(Path path, Optional<UserPrincipal> user, Optional<GroupPrincipal> group) throws StoreException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        try {
            if (user.isPresent()) {
                view.setOwner(user.get());
            }
            if (group.isPresent()) {
                view.setGroup(group.get());
            }
        } catch (IOException e) {
            throw ownerFailure(path, e);
        }
    }

    /**
     * Builds the exception for a failed owner change: a refusal (EPERM, EACCES) gets its own
     * type, because a process that may not change owners fails the same way on every file.
     *
     * @param path the entry
     * @param e    the cause
     * @return the exception to throw
     */
    static StoreException ownerFailure(Path path, IOException e) {
        String reason = IoErrors.reason(e);
        if (e instanceof AccessDeniedException || (e instanceof FileSystemException
                && "Operation not permitted".equals(((FileSystemException) e).getReason()))) {
            return new OwnerChangeRefusedException("cannot change the owner of " + path + ": " + reason, e);
        }
        return new StoreException("cannot change the owner of " + path + ": " + reason, e);
    }

    private static void widen(Path path, Set<PosixFilePermission> mode) throws IOException {
        // Created with (mode & ~umask); a strict umask only ever takes bits away, so this
        // can only open the file up to exactly its final mode, never beyond.
        if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(mode)) {
            Files.setPosixFilePermissions(path, mode);
        }
    }
}
