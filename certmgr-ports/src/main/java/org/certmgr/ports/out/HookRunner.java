package org.certmgr.ports.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the commands an operator configured for a {@link HookEvent}.
 *
 * <p>Contract:
 * <ul>
 *   <li>Every command configured for the event MUST run, in configuration order, with each
 *       {@code {field}} replaced inside its argument by the value in {@code fields}, and
 *       MUST never be given to a shell: no value can become code.</li>
 *   <li>The fields MUST also be in the command's environment as {@code CERTMGR_<FIELD>}
 *       (upper case); a passphrase only as {@code CERTMGR_PASSPHRASE}, never as an argument
 *       and never in a log.</li>
 *   <li>A command that fails, exits non-zero or runs past its timeout (it is then killed)
 *       MUST come back as a warning naming the hook and the command, never as an exception;
 *       the next commands still run.</li>
 * </ul>
 */
public interface HookRunner {

    /** Runs nothing: for embedding code without hooks. */
    HookRunner NONE = (event, fields, passphrase) -> List.of();

    /**
     * Runs the commands of a hook and waits for them.
     *
     * @param event      the hook
     * @param fields     field name → value, at least the event's {@link HookEvent#fields()}
     * @param passphrase the key's passphrase, for {@link HookEvent#PRIVATE_KEY_INSTALLED} of an
     *                   encrypted key; empty otherwise
     * @return one warning per command that did not succeed; empty when all did or none is configured
     * @throws InterruptedException when the run is interrupted; the running command is killed
     */
    List<String> run(HookEvent event, Map<String, String> fields, Optional<char[]> passphrase)
            throws InterruptedException;
}
