package org.certmgr.adapters.fs;

import java.util.Objects;
import java.util.Optional;

/**
 * The owner and group given to installed files, from the {@code file_user} and
 * {@code file_group} settings.
 *
 * <p>An empty user or group leaves that part as the operating system sets it for the user
 * running certmgr. Setting either needs the rights to change file ownership (normally root).
 *
 * @param user  the user name that owns the files, if any
 * @param group the group name that owns the files, if any
 */
public record FileOwnership(Optional<String> user, Optional<String> group) {

    /** Files stay owned by the user running certmgr and that user's group. */
    public static final FileOwnership CURRENT_USER = new FileOwnership(Optional.empty(), Optional.empty());

    /**
     * Checks that the names, when present, are not blank.
     *
     * @param user  the user name that owns the files, if any
     * @param group the group name that owns the files, if any
     */
    public FileOwnership {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
        if (user.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("file_user must not be blank");
        }
        if (group.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("file_group must not be blank");
        }
    }

    /**
     * Tells whether any ownership change is asked for.
     *
     * @return true when a user or a group is set
     */
    public boolean isSet() {
        return user.isPresent() || group.isPresent();
    }
}
