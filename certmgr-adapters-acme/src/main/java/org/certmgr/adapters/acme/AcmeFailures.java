package org.certmgr.adapters.acme;

import java.net.ConnectException;
import java.net.URI;
import java.util.regex.Pattern;
import java.nio.channels.UnresolvedAddressException;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.CaRateLimitedException;
import org.certmgr.ports.out.CaUnreachableException;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeLazyLoadingException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeNotSupportedException;
import org.shredzone.acme4j.exception.AcmeProtocolException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.exception.AcmeUserActionRequiredException;

/**
 * Translates acme4j's exceptions into the port's: the boundary no library exception crosses.
 *
 * <p>acme4j already retries badNonce (up to ten times, in {@code DefaultConnection}), so a
 * badNonce that arrives here has outlasted that and is reported like any other refusal. A 5xx
 * answer or a network failure other than a refused connection is tried {@value #ATTEMPTS}
 * times in all, with pauses of 1 and 3 seconds; a rate limit is never retried here (the
 * caller holds the certificate until the CA's Retry-After).
 */
final class AcmeFailures {
    /** Tries of one call when the CA fails in a way that may pass: the first and two retries. */
    static final int ATTEMPTS = 3;
    private static final Pattern HTTP_5XX = Pattern.compile("HTTP 5[0-9][0-9]");

    private final URI server;
    private final Poller.Sleeper sleeper;

    /**
     * Creates the translator, retrying with real pauses.
     *
     * @param server the directory URL, named in every message
     */
    AcmeFailures(URI server) {
        this(server, d -> Thread.sleep(d.toMillis()));
    }

    /**
     * Creates the translator.
     *
     * @param server  the directory URL, named in every message
     * @param sleeper how to pause between tries
     */
    AcmeFailures(URI server, Poller.Sleeper sleeper) {
        this.server = server;
        this.sleeper = sleeper;
    }

    /**
     * Tells whether a failure may pass by itself: a 5xx answer or a network failure other than a
     * refused connection. A refused connection means the CA is down or the URL is wrong, and
     * waiting would only delay the one clear error.
     */
    static boolean isTransient(AcmeException e) {
        if (e instanceof AcmeNetworkException) {
            return !(rootCause(e) instanceof java.net.ConnectException);
        }
        if (e instanceof AcmeServerException server) {
            String type = server.getProblem().getType().toString();
            // badNonce here has outlasted acme4j's own ten tries: one more round is still cheap.
            return type.endsWith(":serverInternal") || type.endsWith(":badNonce");
        }
        // acme4j reports a 5xx without a problem document as a plain AcmeException "HTTP 503".
        return e.getClass() == AcmeException.class && e.getMessage() != null
                && HTTP_5XX.matcher(e.getMessage()).matches();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Work that talks to the CA through acme4j. */
    @FunctionalInterface
    interface AcmeCall<T> {
        /**
         * Does the work.
         *
         * @return its result
         * @throws AcmeException        as acme4j throws it
         * @throws CaException          when the work itself decides the CA failed
         * @throws InterruptedException when the thread is interrupted
         */
        T call() throws AcmeException, CaException, InterruptedException;
    }

    /**
     * Runs acme4j calls and translates whatever they throw.
     *
     * @param action what is being done, for the message ("registering an account")
     * @param call   the work
     * @param <T>    the result type
     * @return the work's result
     * @throws CaException          translated from acme4j, or as thrown by the work
     * @throws InterruptedException when the thread was interrupted, also inside an HTTP request
     */
    <T> T call(String action, AcmeCall<T> call) throws CaException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return callOnce(action, call);
            } catch (RetryableFailure retry) {
                if (attempt >= ATTEMPTS) {
                    throw retry.translated;
                }
                // Bounded backoff: 1 s, then 3 s. acme4j already retried badNonce itself.
                sleeper.sleep(java.time.Duration.ofSeconds(attempt == 1 ? 1 : 3));
            }
        }
    }

    /** A failure worth another try, already translated for when the tries run out. */
    private static final class RetryableFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient CaException translated;

        RetryableFailure(CaException translated) {
            super(translated.getMessage(), translated, false, false);
            this.translated = translated;
        }
    }

    private <T> T callOnce(String action, AcmeCall<T> call)
            throws CaException, InterruptedException, RetryableFailure {
        try {
            return call.call();
        } catch (AcmeException e) {
            if (isTransient(e)) {
                throw new RetryableFailure(translate(e, action));
            }
            throw translate(e, action);
        } catch (AcmeLazyLoadingException e) {
            // A resource fetched on first access failed: the real failure is the cause.
            throw translate((AcmeException) e.getCause(), action);
        } catch (AcmeNotSupportedException e) {
            throw new CaException("the ACME server at " + server + " does not support " + e.getMessage()
                    + ", needed for " + action, e);
        } catch (AcmeProtocolException e) {
            throw new CaException("the ACME server at " + server + " sent an unexpected reply while " + action
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Translates one acme4j exception.
     *
     * @param e      the exception
     * @param action what was being done
     * @return the port's exception
     * @throws InterruptedException when the exception only reports that the thread was interrupted
     */
    CaException translate(AcmeException e, String action) throws InterruptedException {
        if (e instanceof AcmeNetworkException) {
            throwIfInterrupted(e);
            return new CaUnreachableException("cannot reach the ACME server at " + server + ": "
                    + networkCause(e.getCause()) + " (while " + action + ")", e);
        }
        if (e instanceof AcmeRateLimitedException limited) {
            return new CaRateLimitedException("the ACME server at " + server + " refused " + action
                    + " because of a rate limit: " + describe(limited.getProblem())
                    + limited.getRetryAfter().map(t -> "; retry after " + t).orElse(""),
                    limited.getRetryAfter());
        }
        if (e instanceof AcmeUserActionRequiredException userAction) {
            return new CaException("the ACME server at " + server + " requires the account holder to act before "
                    + action + ": " + describe(userAction.getProblem())
                    + userAction.getProblem().getInstance().map(u -> "; visit " + u).orElse("")
                    + userAction.getTermsOfServiceUri().map(u -> "; terms of service: " + u).orElse(""), e);
        }
        if (e instanceof AcmeServerException refused) {
            return new CaException("the ACME server at " + server + " refused " + action + ": "
                    + describe(refused.getProblem()), e);
        }
        return new CaException("the ACME server at " + server + " failed while " + action + ": "
                + e.getMessage(), e);
    }

    /**
     * Describes a problem document: the CA's detail, then its type.
     *
     * @param problem the problem
     * @return e.g. {@code "No such authorization (urn:ietf:params:acme:error:malformed)"}
     */
    static String describe(Problem problem) {
        if (problem.getDetail().isEmpty() && problem.getTitle().isEmpty() && problem.getSubProblems().isEmpty()) {
            return problem.getType().toString();
        }
        return problem + " (" + problem.getType() + ")";
    }

    /**
     * Rethrows an interruption that acme4j wrapped into a network exception.
     *
     * @param e an exception from acme4j
     * @throws InterruptedException when one of its causes is an interruption
     */
    static void throwIfInterrupted(Throwable e) throws InterruptedException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                InterruptedException interrupted = new InterruptedException("interrupted while waiting for the ACME server");
                interrupted.initCause(e);
                throw interrupted;
            }
        }
    }

    /**
     * Says in words why a network request failed.
     *
     * <p>java.net.http reports a refused connection as a ConnectException without a message
     * (its cause, a ClosedChannelException, has none either), and an unknown host as a
     * ConnectException caused by an UnresolvedAddressException; this says what they mean.
     *
     * @param e the cause of acme4j's network exception
     * @return e.g. "connection refused", or the first message in the cause chain
     */
    static String networkCause(Throwable e) {
        String message = null;
        boolean connect = false;
        Throwable innermost = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            innermost = t;
            if (t instanceof UnresolvedAddressException) {
                return "the host name does not resolve";
            }
            connect |= t instanceof ConnectException;
            if (message == null && t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message != null) {
            return message;
        }
        if (connect) {
            return "connection refused";
        }
        return innermost == null ? "unknown network error" : innermost.getClass().getSimpleName();
    }
}
