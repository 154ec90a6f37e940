package org.certmgr.ports.out;

import java.util.List;

/**
 * What a commit changed.
 *
 * @param written relative paths whose content is new or different, sorted
 * @param removed relative paths that existed before and are not in the new set, sorted
 */
public record CommitResult(List<String> written, List<String> removed) {
    /**
     * Copies the lists.
     */
    public CommitResult {
        written = List.copyOf(written);
        removed = List.copyOf(removed);
    }

    /**
     * Tells whether anything changed.
     *
     * @return true when a file was written or removed
     */
    public boolean changed() {
        return !written.isEmpty() || !removed.isEmpty();
    }
}
