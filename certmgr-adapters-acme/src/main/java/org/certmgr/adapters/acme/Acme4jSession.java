package org.certmgr.adapters.acme;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.RenewalWindow;
import org.certmgr.domain.RevocationReason;
import org.certmgr.ports.out.AcmeSession;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;
import org.certmgr.ports.out.IssuedChain;
import org.certmgr.ports.out.OrderRequest;
import org.certmgr.ports.out.RenewalInfo;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.OrderBuilder;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.connector.Resource;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeProtocolException;

/**
 * {@link AcmeSession} with acme4j: one order per {@link #issue} call, its authorizations
 * answered by http-01.
 *
 * <p>Thread safe: the {@link Login} is only read, and each call works on its own order.
 * All challenges of an order are deployed and triggered before the first poll, so the CA
 * validates the names of one order in parallel.
 */
final class Acme4jSession implements AcmeSession {
    private static final Set<Status> ORDER_READY = EnumSet.of(Status.READY, Status.VALID, Status.INVALID);
    private static final Set<Status> ORDER_DONE = EnumSet.of(Status.VALID, Status.INVALID);
    /** How long renewal information stays fresh when the CA sends no Retry-After (RFC 9773 §4.3). */
    private static final java.time.Duration DEFAULT_RENEWAL_INFO_AGE = java.time.Duration.ofHours(6);

    private final Login login;
    private final AcmeFailures failures;
    private final Poller poller;
    private final Optional<String> preferredChain;

    /**
     * Creates the session.
     *
     * @param login    the logged-in account
     * @param failures the translator for the CA's errors
     * @param poller   how to wait for authorizations and the order
     * @param preferredChain the issuer name of the chain to install when the CA offers several
     */
    Acme4jSession(Login login, AcmeFailures failures, Poller poller, Optional<String> preferredChain) {
        this.login = login;
        this.failures = failures;
        this.poller = poller;
        this.preferredChain = preferredChain;
    }

    @Override
    public IssuedChain issue(OrderRequest request, ChallengeResponder responder) throws CaException, InterruptedException {
        String names = request.names().stream().map(DnsName::ascii).collect(Collectors.joining(", "));
        return failures.call("ordering a certificate for " + names, () -> {
            OrderBuilder builder = login.newOrder().domains(request.names().stream().map(DnsName::ascii).toList());
            if (request.profile().isPresent()) {
                builder.profile(offeredProfile(request.profile().get()));
            }
            if (request.replaces().isPresent() && offersRenewalInfo()) {
                builder.replaces(request.replaces().get());
            }
            Order order = builder.create();
            authorize(order, request.names(), request.answerChallenges(), responder, names, request.timing());
            awaitOrder(order, ORDER_READY, "the order for " + names + " to become ready", request.timing());
            if (order.getStatus() == Status.READY) {
                order.execute(request.csrDer());
                awaitOrder(order, ORDER_DONE, "the CA to issue the certificate for " + names, request.timing());
            }
            if (order.getStatus() != Status.VALID) {
                throw new CaException("the ACME server did not issue the certificate for " + names + ": the order is "
                        + statusName(order.getStatus())
                        + order.getError().map(p -> " (" + AcmeFailures.describe(p) + ")").orElse(""));
            }
            Certificate certificate = order.getCertificate();
            certificate.download();
            return new IssuedChain(preferredChain.isEmpty()
                    ? certificate.getCertificateChain()
                    : ChainChooser.choose(certificate, preferredChain.get(), names));
        });
    }

    @Override
    public void authorize(List<DnsName> names, ChallengeResponder responder, AcmeTiming timing)
            throws CaException, InterruptedException {
        String list = names.stream().map(DnsName::ascii).collect(Collectors.joining(", "));
        failures.call("authorizing " + list, () -> {
            Order order = login.newOrder().domains(names.stream().map(DnsName::ascii).toList()).create();
            // Never finalized: the order only carries the authorizations, which the CA keeps for
            // later orders of the same account (a follower's, with --no-auth).
            authorize(order, names, true, responder, list, timing);
            return null;
        });
    }

    @Override
    public void revoke(X509Certificate certificate, RevocationReason reason) throws CaException {
        String serial = certificate.getSerialNumber().toString(16);
        try {
            failures.call("revoking certificate " + serial, () -> {
                Certificate.revoke(login, certificate,
                        org.shredzone.acme4j.RevocationReason.code(reason.code()));
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaException("interrupted while revoking certificate " + serial, e);
        }
    }

    @Override
    public void changeAccountKey(java.security.KeyPair newKey) throws CaException {
        try {
            failures.call("changing the account key of " + login.getAccountLocation(), () -> {
                login.getAccount().changeKey(newKey);
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaException("interrupted while changing the account key", e);
        }
    }

    private void authorize(Order order, List<DnsName> ordered, boolean answer, ChallengeResponder responder,
                           String names, AcmeTiming timing) throws AcmeException, CaException, InterruptedException {
        List<String> notValid = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        try {
            for (Authorization authorization : order.getAuthorizations()) {
                Status status = authorization.getStatus();
                if (status == Status.VALID) {
                    continue;
                }
                DnsName domain = domainOf(authorization, ordered);
                if (!answer) {
                    notValid.add(domain.ascii());
                    continue;
                }
                if (status != Status.PENDING) {
                    throw new ChallengeException("the authorization for " + domain + " is " + statusName(status)
                            + " at the CA and cannot be answered");
                }
                Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class)
                        .orElseThrow(() -> new ChallengeException("the CA offers no http-01 challenge for " + domain
                                + " (offered: " + offeredTypes(authorization) + "); certmgr validates by http-01 only"));
                HttpChallenge response = response(domain, challenge);
                // Registered before deploy: remove() also cleans up a deploy that failed halfway.
                Pending item = new Pending(domain, authorization, response);
                pending.add(item);
                item.location = responder.deploy(response);
                if (challenge.getStatus() == Status.PENDING) {
                    challenge.trigger();
                }
            }
            if (!notValid.isEmpty()) {
                throw new ChallengeException("the CA holds no valid authorization for " + String.join(", ", notValid)
                        + " and this run answers no challenge (--no-auth)");
            }
            if (!pending.isEmpty()) {
                awaitAuthorizations(pending, names, timing);
            }
        } finally {
            for (Pending item : pending) {
                removeQuietly(responder, item.response);
            }
        }
        for (Pending item : pending) {
            if (item.status != Status.VALID && item.status != Status.PENDING) {
                throw new ChallengeException("the CA could not validate " + item.domain + " by http-01: "
                        + challengeError(item.authorization)
                        + (item.location == null ? "" : " (the response was placed at " + item.location + ")"));
            }
        }
    }

    private void awaitAuthorizations(List<Pending> pending, String names, AcmeTiming timing)
            throws AcmeException, CaException, InterruptedException {
        poller.await("the CA to validate " + names, timing.authorizationTimeout(), timing.authorizationDelay(), () -> {
            Optional<Instant> retryAfter = Optional.empty();
            List<String> waiting = new ArrayList<>();
            for (Pending item : pending) {
                if (item.status != Status.PENDING) {
                    continue;
                }
                Optional<Instant> itemRetry = item.authorization.fetch();
                item.status = item.authorization.getStatus();
                if (item.status == Status.PENDING) {
                    waiting.add(item.domain.ascii());
                    retryAfter = latest(retryAfter, itemRetry);
                } else if (item.status != Status.VALID) {
                    // One failed name fails the whole order; no need to wait for the others.
                    return Poller.Poll.finished();
                }
            }
            return waiting.isEmpty()
                    ? Poller.Poll.finished()
                    : Poller.Poll.waiting(retryAfter, "pending: " + String.join(", ", waiting));
        });
    }

    private void awaitOrder(Order order, Set<Status> until, String what, AcmeTiming timing)
            throws AcmeException, CaException, InterruptedException {
        if (until.contains(order.getStatus())) {
            return;
        }
        poller.await(what, timing.certificatePollTime(), timing.authorizationDelay(), () -> {
            Optional<Instant> retryAfter = order.fetch();
            return until.contains(order.getStatus())
                    ? Poller.Poll.finished()
                    : Poller.Poll.waiting(retryAfter, "order " + statusName(order.getStatus()));
        });
    }

    @Override
    public Optional<RenewalInfo> renewalInfo(X509Certificate certificate, Instant now) throws CaException {
        String serial = certificate.getSerialNumber().toString(16);
        try {
            return failures.call("asking when to renew certificate " + serial, () -> {
                if (!offersRenewalInfo()) {
                    return Optional.<RenewalInfo>empty();
                }
                org.shredzone.acme4j.RenewalInfo info = login.bindRenewalInfo(certificate);
                Optional<Instant> retryAfter = info.fetch();
                RenewalWindow window;
                try {
                    window = new RenewalWindow(info.getSuggestedWindowStart(), info.getSuggestedWindowEnd());
                } catch (InvalidValueException e) {
                    throw new CaException("the ACME server sent an unusable renewal window for certificate " + serial
                            + ": " + e.getMessage(), e);
                }
                return Optional.of(new RenewalInfo(window, retryAfter.orElse(now.plus(DEFAULT_RENEWAL_INFO_AGE)),
                        info.getExplanation().map(java.net.URL::toString)));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaException("interrupted while asking when to renew certificate " + serial, e);
        }
    }

    private boolean offersRenewalInfo() throws AcmeException {
        return login.getSession().resourceUrlOptional(Resource.RENEWAL_INFO).isPresent();
    }

    /** Checks the profile against the directory, so that a typo is named before any order exists. */
    private String offeredProfile(String profile) throws AcmeException, CaException {
        Set<String> offered = login.getSession().getMetadata().getProfiles();
        if (!offered.contains(profile)) {
            throw new CaException("the CA does not offer the ACME profile \"" + profile + "\"; "
                    + (offered.isEmpty() ? "its directory lists no profiles: remove \"profile\" from the configuration"
                    : "it offers " + String.join(", ", new java.util.TreeSet<>(offered))));
        }
        return profile;
    }

    private static HttpChallenge response(DnsName domain, Http01Challenge challenge) throws ChallengeException {
        try {
            return new HttpChallenge(domain, challenge.getToken(), challenge.getAuthorization());
        } catch (IllegalArgumentException | AcmeProtocolException e) {
            throw new ChallengeException("the CA sent an http-01 challenge for " + domain
                    + " with a token that is not base64url; refusing to use it as a file name", e);
        }
    }

    private static DnsName domainOf(Authorization authorization, List<DnsName> ordered) throws CaException {
        String value = authorization.getIdentifier().getValue();
        return ordered.stream()
                .filter(n -> n.ascii().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new CaException("the ACME server returned an authorization for \"" + value
                        + "\", which was not ordered"));
    }

    private static String challengeError(Authorization authorization) {
        Optional<String> problem = authorization.findChallenge(Http01Challenge.class)
                .flatMap(Challenge::getError)
                .map(AcmeFailures::describe);
        return problem.orElse("the authorization is " + statusName(authorization.getStatus())
                + " and the CA gave no reason");
    }

    private static String offeredTypes(Authorization authorization) {
        List<String> types = authorization.getChallenges().stream().map(Challenge::getType).toList();
        return types.isEmpty() ? "none" : String.join(", ", types);
    }

    private static void removeQuietly(ChallengeResponder responder, HttpChallenge response) {
        try {
            responder.remove(response);
        } catch (RuntimeException e) {
            // remove() must not throw; if one does anyway, the other responses still go,
            // and the order's own outcome is what the caller needs to hear.
        }
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isAfter(b.get()) ? a : b;
    }

    private static String statusName(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** One authorization being answered. Only touched by the thread running its order. */
    private static final class Pending {
        final DnsName domain;
        final Authorization authorization;
        final HttpChallenge response;
        String location;
        Status status = Status.PENDING;

        Pending(DnsName domain, Authorization authorization, HttpChallenge response) {
            this.domain = domain;
            this.authorization = authorization;
            this.response = response;
        }
    }

    @Override
    public String toString() {
        return "Acme4jSession[" + login.getAccountLocation() + "]";
    }
}
