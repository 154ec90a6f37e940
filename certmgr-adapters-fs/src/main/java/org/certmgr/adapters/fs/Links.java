package org.certmgr.adapters.fs;

import java.nio.file.Path;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.StoreException;

/**
 * Points a symbolic link somewhere new in one atomic step.
 *
 * <p>Every link switch in {@code data_dir} holds {@link #LOCK}, and so does each alias's
 * check-then-switch in {@link AliasLinks}: otherwise an alias update of one certificate could
 * look at {@code <other>} just before the other certificate is first installed and rename its
 * alias link over the other's brand-new folder link. The lock covers only a rename, never
 * writing or syncing files, so it costs commits running in parallel nothing noticeable.
 */
final class Links {
    /** Held while a link in {@code data_dir} is inspected and switched. */
    static final Object LOCK = new Object();

    private final StoreLayout layout;
    private final FileOps ops;

    Links(StoreLayout layout, FileOps ops) {
        this.layout = layout;
        this.ops = ops;
    }

    /**
     * Makes {@code link} point to {@code target}: a fresh link is created beside it and renamed
     * over it, so a reader resolving {@code link} finds the old target or the new one, never
     * nothing (rename(2) replaces a link atomically; it does not follow it).
     *
     * @param owner  the certificate being committed, which names the temporary link so that
     *               its own recovery can remove it after a crash
     * @param link   the link to create or replace; must not be a real folder
     * @param target its new target, relative to the link's folder
     * @throws StoreException when the link could not be switched; it is then unchanged
     */
    void point(CertificateName owner, Path link, Path target) throws StoreException {
        Path temporary = layout.newTemporaryLink(owner, link.getFileName().toString());
        ops.symlink(temporary, target);
        synchronized (LOCK) {
            try {
                ops.replace(temporary, link);
            } catch (StoreException | RuntimeException e) {
                ops.deleteQuietly(temporary);
                throw e;
            }
        }
    }
}
