package org.certmgr.ports.out;

import java.util.Optional;

/**
 * Reloads a service (a web server, a mail server...) so that it reads its new certificate
 * files.
 *
 * <p>Contract: {@link #reload} MUST run the service's configured command without a shell
 * and wait for it, killing it after a timeout. Failure is returned, never thrown, so that the
 * other services are still reloaded.
 */
public interface ServiceReloader {

    /** Reloads nothing: for embedding code that restarts its own services. */
    ServiceReloader NONE = service -> Optional.empty();

    /**
     * Reloads one service.
     *
     * @param service the service name, as in the configuration's {@code services} section
     * @return why the reload failed, or empty when it succeeded
     * @throws InterruptedException when the run is interrupted; the command is killed
     */
    Optional<String> reload(String service) throws InterruptedException;
}
