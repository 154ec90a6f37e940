package org.certmgr.ports.out;

import java.util.List;

/**
 * What a commit changed.
 *
 * @param written  relative paths whose content is new or different, sorted
 * @param removed  relative paths that existed before and are not in the new set, sorted
 * @param warnings things the operator should know that did not fail the commit, e.g. an
 *                 alias link that could not be made because a real folder is in the way
 */
public record CommitResult(List<String> written, List<String> removed, List<String> warnings) {
    /**
     * Copies the lists.
     *
     * @param written relative paths whose content is new or different, sorted
     * @param removed relative paths that existed before and are not in the new set, sorted
     * @param warnings things the operator should know that did not fail the commit, e.g. an alias link that
     *        could not be made because a real folder is in the way
     */
    public CommitResult {
        written = List.copyOf(written);
        removed = List.copyOf(removed);
        warnings = List.copyOf(warnings);
    }

    /**
     * A result without warnings.
     *
     * @param written relative paths written
     * @param removed relative paths removed
     */
    public CommitResult(List<String> written, List<String> removed) {
        this(written, removed, List.of());
    }

    /**
     * Tells whether anything changed.
     *
     * @return true when a file was written or removed
     */
    public boolean changed() {
        return !written.isEmpty() || !removed.isEmpty();
    }

    /**
     * Returns this result with warnings added.
     *
     * @param more further warnings
     * @return a new result
     */
    public CommitResult withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new CommitResult(written, removed, all);
    }
}
