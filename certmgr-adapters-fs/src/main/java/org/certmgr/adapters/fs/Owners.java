package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;
import org.certmgr.ports.out.StoreException;

/**
 * The user and group of {@link FileOwnership}, looked up once on first use.
 *
 * <p>The lookup is lazy so that building the adapters never touches the system's user
 * database; a missing user then fails the first write with a clear message.
 */
final class Owners {
    private final FileOwnership ownership;
    private final FileSystem fileSystem;
    private final FileOps ops;
    private volatile Resolved resolved;

    private record Resolved(Optional<UserPrincipal> user, Optional<GroupPrincipal> group) {
    }

    Owners(FileOwnership ownership, FileSystem fileSystem, FileOps ops) {
        this.ownership = ownership;
        this.fileSystem = fileSystem;
        this.ops = ops;
    }

    /**
     * Tells whether files must be given an owner or group.
     *
     * @return true when {@code file_user} or {@code file_group} is set
     */
    boolean isSet() {
        return ownership.isSet();
    }

    /**
     * Gives a file or folder (never following a link) the configured owner and group.
     *
     * @param path the file
     * @throws OwnerChangeRefusedException when this process may not change owners
     * @throws StoreException when a name is unknown or the change fails
     */
    void apply(Path path) throws StoreException {
        if (!isSet()) {
            return;
        }
        Resolved r = resolve();
        ops.changeOwner(path, r.user(), r.group());
    }

    /**
     * Describes the configured owner for messages.
     *
     * @return e.g. {@code root:ssl-cert}, {@code root} or {@code :ssl-cert}
     */
    String describe() {
        return ownership.user().orElse("") + ownership.group().map(g -> ":" + g).orElse("");
    }

    /**
     * Describes the owner of a file in the same form as {@link #describe}.
     *
     * @param attributes the file's attributes
     * @return e.g. {@code www-data:www-data}, showing only the parts that are configured
     */
    String describe(PosixFileAttributes attributes) {
        return (ownership.user().isPresent() ? attributes.owner().getName() : "")
                + (ownership.group().isPresent() ? ":" + attributes.group().getName() : "");
    }

    /**
     * Tells whether a file already has the configured owner and group.
     *
     * @param attributes the file's attributes
     * @return true when nothing would change
     * @throws StoreException when a name is unknown
     */
    boolean matches(PosixFileAttributes attributes) throws StoreException {
        if (!isSet()) {
            return true;
        }
        Resolved r = resolve();
        return r.user().map(u -> u.equals(attributes.owner())).orElse(true)
                && r.group().map(g -> g.equals(attributes.group())).orElse(true);
    }

    private Resolved resolve() throws StoreException {
        Resolved r = resolved;
        if (r == null) {
            r = new Resolved(lookupUser(), lookupGroup());
            resolved = r;
        }
        return r;
    }

    private Optional<UserPrincipal> lookupUser() throws StoreException {
        if (ownership.user().isEmpty()) {
            return Optional.empty();
        }
        String name = ownership.user().get();
        try {
            return Optional.of(fileSystem.getUserPrincipalLookupService().lookupPrincipalByName(name));
        } catch (UserPrincipalNotFoundException e) {
            throw new StoreException("file_user \"" + name + "\" is not a user on this machine", e);
        } catch (IOException e) {
            throw new StoreException("cannot look up file_user \"" + name + "\": " + IoErrors.reason(e), e);
        }
    }

    private Optional<GroupPrincipal> lookupGroup() throws StoreException {
        if (ownership.group().isEmpty()) {
            return Optional.empty();
        }
        String name = ownership.group().get();
        try {
            return Optional.of(fileSystem.getUserPrincipalLookupService().lookupPrincipalByGroupName(name));
        } catch (UserPrincipalNotFoundException e) {
            throw new StoreException("file_group \"" + name + "\" is not a group on this machine", e);
        } catch (IOException e) {
            throw new StoreException("cannot look up file_group \"" + name + "\": " + IoErrors.reason(e), e);
        }
    }
}
