package org.certmgr.testkit.fakes;

import org.certmgr.ports.out.RenewalInfo;
import org.certmgr.domain.RenewalWindow;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.RevocationReason;
import java.io.IOException;
import java.net.ConnectException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.AcmeSession;
import org.certmgr.ports.out.CaDirectory;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.CaUnreachableException;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;
import org.certmgr.ports.out.IssuedChain;
import org.certmgr.ports.out.OrderRequest;

/**
 * An {@link AcmeGateway} backed by a CA in memory, for unit tests of the core: it keeps
 * accounts, authorizations and issued certificates like an ACME CA, issues real certificates
 * (leaf signed by an intermediate under a root, both ECDSA), and lets a test inject faults.
 *
 * <p>What it does as a CA would:
 * <ul>
 *   <li>{@link #register} refuses an account that did not agree to the terms (when the CA has
 *       terms), and returns the existing account for a key already registered.</li>
 *   <li>{@link #login} refuses an account URL it does not know or a key that is not the
 *       account's.</li>
 *   <li>{@code issue} checks the CSR (signature valid, its names equal to the order's, its
 *       key not the account key), answers an http-01 challenge through the responder for each
 *       name the account has no valid authorization for (deploy all, "validate", then remove
 *       all, also on failure), and issues a leaf with the CSR's key and names, CN = the CSR's
 *       CN (the first name), valid from the clock's current second for {@link #validity}, with
 *       the Must-Staple extension copied when the CSR asks for it. The chain returned is leaf
 *       + intermediate.</li>
 *   <li>The key authorization is {@code token + "." + JWK thumbprint of the account key}
 *       (RFC 8555 §8.1), so a responder's output can be checked as a real CA would.</li>
 * </ul>
 *
 * <p>Knobs: {@link #failNextIssue}, {@link #failValidation}, {@link #unreachable},
 * {@link #validity}, {@link #authorizationReuse}, {@link #termsOfService}. Records:
 * {@link #requestCount()}, {@link #issuedCount()}, {@link #issued()},
 * {@link #registrations()}, {@link #challengeCalls()}.
 *
 * <p>Thread safe; no lock is held while the responder runs, so parallel orders overlap as
 * they would against a real CA.
 */
public final class FakeAcmeGateway implements AcmeGateway {
    /** The directory URL the fake pretends to be at. */
    public static final String DIRECTORY_URL = "https://ca.test/directory";
    /** The terms-of-service URL of its directory, unless changed by {@link #termsOfService}. */
    public static final String TERMS_URL = "https://ca.test/terms";
    /** The website of its directory. */
    public static final String WEBSITE_URL = "https://ca.test/";
    /** The default certificate lifetime, as Let's Encrypt's classic profile. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /**
     * One call to the challenge responder.
     *
     * @param action    deploy or remove
     * @param challenge the challenge passed
     */
    public record ChallengeCall(Action action, HttpChallenge challenge) {
        /** Which responder method was called. */
        public enum Action {
            /** {@link ChallengeResponder#deploy}. */
            DEPLOY,
            /** {@link ChallengeResponder#remove}. */
            REMOVE
        }
    }

    /**
     * One call to {@link #register}.
     *
     * @param accountUrl    the URL returned (or empty when refused)
     * @param email         the contact given
     * @param agreedToTerms whether the caller said the terms were accepted
     */
    public record Registration(Optional<String> accountUrl, Optional<String> email, boolean agreedToTerms) {
    }

    private final Clock clock;
    private final InMemoryCa ca = new InMemoryCa("Fake ACME");
    private final Map<String, Account> accountsByKey = new HashMap<>();
    private final Map<String, Account> accountsByUrl = new HashMap<>();
    private final Set<DnsName> failingValidation = ConcurrentHashMap.newKeySet();
    private final List<ChallengeCall> challengeCalls = new CopyOnWriteArrayList<>();
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final List<X509Certificate> issued = new CopyOnWriteArrayList<>();
    private final Map<java.math.BigInteger, RevocationReason> revoked = new java.util.HashMap<>();
    private final Map<java.math.BigInteger, String> orderedProfiles = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Set<String> profiles = Set.of();
    private java.util.function.BiFunction<Instant, Instant, RenewalWindow> renewalWindows;
    private Duration renewalInfoAge = Duration.ofHours(6);
    private int renewalInfoRequests;
    private final List<X509Certificate> replacedCertificates = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private CaException nextIssueFailure;
    private volatile boolean unreachable;
    private volatile Duration validity = DEFAULT_VALIDITY;
    private volatile boolean authorizationReuse = true;
    private volatile Optional<String> termsOfService = Optional.of(TERMS_URL);

    /**
     * Creates a CA with a fresh root and intermediate.
     *
     * @param clock the time certificates are issued at
     */
    public FakeAcmeGateway(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- knobs -------------------------------------------------------------------------

    /**
     * Makes the next {@code issue} call (of any session) throw {@code failure} after counting
     * the request, before any challenge.
     *
     * @param failure the exception to throw, e.g. a {@code CaRateLimitedException}
     * @return this
     */
    public synchronized FakeAcmeGateway failNextIssue(CaException failure) {
        this.nextIssueFailure = Objects.requireNonNull(failure, "failure");
        return this;
    }

    /**
     * Makes validation of a name fail (the CA "saw" a wrong response) until
     * {@link #clearValidationFailures()}.
     *
     * @param name the name whose challenges fail
     * @return this
     */
    public FakeAcmeGateway failValidation(DnsName name) {
        failingValidation.add(Objects.requireNonNull(name, "name"));
        return this;
    }

    /**
     * Lets every validation succeed again.
     *
     * @return this
     */
    public FakeAcmeGateway clearValidationFailures() {
        failingValidation.clear();
        return this;
    }

    /**
     * Makes every call fail as if the CA were down, or lets calls through again.
     *
     * @param down true to throw {@link CaUnreachableException} from every call
     * @return this
     */
    public FakeAcmeGateway unreachable(boolean down) {
        this.unreachable = down;
        return this;
    }

    /**
     * Sets the lifetime of certificates issued from now on.
     *
     * @param lifetime notAfter − notBefore
     * @return this
     */
    public FakeAcmeGateway validity(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        this.validity = lifetime;
        return this;
    }

    /**
     * Sets whether a name validated once for an account needs no new challenge (as Let's
     * Encrypt does for 30 days), or every order validates every name again (Pebble with
     * {@code PEBBLE_AUTHZREUSE=0}). Default: reuse.
     *
     * @param reuse true to remember authorizations
     * @return this
     */
    public FakeAcmeGateway authorizationReuse(boolean reuse) {
        this.authorizationReuse = reuse;
        return this;
    }

    /**
     * Sets the terms of service the directory announces; without terms, registration needs
     * no agreement.
     *
     * @param url the terms URL, or empty for none
     * @return this
     */
    public FakeAcmeGateway termsOfService(Optional<String> url) {
        this.termsOfService = Objects.requireNonNull(url, "url");
        return this;
    }

    // ---- records -----------------------------------------------------------------------

    /**
     * Returns the number of calls to {@link #directory}, {@link #register}, {@link #login}
     * and {@code issue}, including refused and failed ones.
     *
     * @return the count; zero means the CA was never contacted
     */
    public int requestCount() {
        return requests.get();
    }

    /**
     * Returns the number of certificates issued.
     *
     * @return the count
     */
    public int issuedCount() {
        return issued.size();
    }

    /**
     * Returns the certificates issued, in order.
     *
     * @return the leaves
     */
    public List<X509Certificate> issued() {
        return List.copyOf(issued);
    }

    /**
     * Returns every registration attempt, in order.
     *
     * @return the calls to {@link #register}
     */
    public List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    /**
     * Returns every call made to challenge responders, in order.
     *
     * @return deploys and removes
     */
    public List<ChallengeCall> challengeCalls() {
        return List.copyOf(challengeCalls);
    }

    /**
     * Returns the root the fake CA issues under.
     *
     * @return the self-signed root
     */
    public X509Certificate root() {
        return ca.root();
    }

    /**
     * Returns the intermediate that signs the leaves.
     *
     * @return the intermediate certificate
     */
    public X509Certificate intermediate() {
        return ca.intermediate();
    }

    /**
     * Returns the key authorization the CA expects for a token and account key.
     *
     * @param token      the challenge token
     * @param accountKey the account's public key
     * @return {@code token + "." + thumbprint}
     */
    public static String keyAuthorization(String token, PublicKey accountKey) {
        return token + "." + JwkThumbprint.of(accountKey);
    }

    // ---- AcmeGateway -------------------------------------------------------------------

    @Override
    public CaDirectory directory() throws CaException {
        request();
        return new CaDirectory(termsOfService, Optional.of(WEBSITE_URL));
    }

    @Override
    public AccountRegistration register(KeyPair accountKey, Optional<String> email, boolean agreeToTerms)
            throws CaException {
        request();
        Objects.requireNonNull(email, "email");
        String keyId = keyId(accountKey.getPublic());
        synchronized (this) {
            Account existing = accountsByKey.get(keyId);
            if (existing != null) {
                registrations.add(new Registration(Optional.of(existing.url), email, agreeToTerms));
                return existing.registration();
            }
            if (termsOfService.isPresent() && !agreeToTerms) {
                registrations.add(new Registration(Optional.empty(), email, false));
                throw new CaException("the CA refused the new account: must agree to the terms of service at "
                        + termsOfService.get() + " (urn:ietf:params:acme:error:userActionRequired)");
            }
            Account account = new Account(DIRECTORY_URL.replace("/directory", "/account/") + (accountsByUrl.size() + 1),
                    accountKey.getPublic(), email);
            accountsByKey.put(keyId, account);
            accountsByUrl.put(account.url, account);
            registrations.add(new Registration(Optional.of(account.url), email, agreeToTerms));
            return account.registration();
        }
    }

    @Override
    public AcmeSession login(KeyPair accountKey, AccountRegistration registration) throws CaException {
        request();
        Account account;
        synchronized (this) {
            account = accountsByUrl.get(registration.accountUrl());
        }
        if (account == null || !keyId(account.key).equals(keyId(accountKey.getPublic()))) {
            throw new CaException("the CA has no account " + registration.accountUrl()
                    + " for this key (urn:ietf:params:acme:error:accountDoesNotExist)");
        }
        return new AcmeSession() {
            @Override
            public IssuedChain issue(OrderRequest request, ChallengeResponder responder)
                    throws CaException, InterruptedException {
                return FakeAcmeGateway.this.issue(account, request, responder);
            }

            @Override
            public void authorize(List<DnsName> names, ChallengeResponder responder, AcmeTiming timing)
                    throws CaException, InterruptedException {
                request();
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted before authorizing " + names);
                }
                FakeAcmeGateway.this.authorize(account, names, responder, true);
            }

            @Override
            public void revoke(X509Certificate certificate, RevocationReason reason) throws CaException {
                request();
                FakeAcmeGateway.this.revoke(certificate, reason);
            }

            @Override
            public Optional<RenewalInfo> renewalInfo(X509Certificate certificate, Instant now) throws CaException {
                request();
                return FakeAcmeGateway.this.renewalInfo(certificate, now);
            }

            @Override
            public void changeAccountKey(KeyPair newKey) throws CaException {
                request();
                FakeAcmeGateway.this.changeKey(account, newKey);
            }
        };
    }

    private synchronized Optional<RenewalInfo> renewalInfo(X509Certificate certificate, Instant now)
            throws CaException {
        if (renewalWindows == null) {
            return Optional.empty();
        }
        if (!issued.contains(certificate)) {
            throw new CaException("the CA did not issue certificate " + certificate.getSerialNumber().toString(16));
        }
        renewalInfoRequests++;
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        RenewalWindow window = renewalWindows.apply(notBefore, notAfter);
        return Optional.of(new RenewalInfo(window, now.plus(renewalInfoAge), Optional.empty()));
    }

    /**
     * Makes the CA offer renewal information (RFC 9773): each certificate's suggested window is
     * computed from its validity by {@code windows}, fresh for {@code age}. Orders then record
     * which certificate they replace ({@link #replaced()}).
     *
     * @param windows notBefore, notAfter → the suggested window
     * @param age     how long an answer stays fresh (the Retry-After)
     * @return this gateway
     */
    public synchronized FakeAcmeGateway renewalInfo(
            java.util.function.BiFunction<Instant, Instant, RenewalWindow> windows, Duration age) {
        this.renewalWindows = windows;
        this.renewalInfoAge = age;
        return this;
    }

    /**
     * Returns how often renewal information was asked for.
     *
     * @return the count
     */
    public synchronized int renewalInfoRequests() {
        return renewalInfoRequests;
    }

    /**
     * Returns the certificates that orders said they replace, in order.
     *
     * @return the replaced certificates
     */
    public List<X509Certificate> replaced() {
        return List.copyOf(replacedCertificates);
    }

    private synchronized void changeKey(Account account, KeyPair newKey) throws CaException {
        String newId = keyId(newKey.getPublic());
        if (accountsByKey.containsKey(newId)) {
            throw new CaException("the new account key is already in use (urn:ietf:params:acme:error:badPublicKey)");
        }
        accountsByKey.remove(keyId(account.key));
        account.key = newKey.getPublic();
        accountsByKey.put(newId, account);
    }

    private synchronized void revoke(X509Certificate certificate, RevocationReason reason) throws CaException {
        if (!issued.contains(certificate)) {
            throw new CaException("the CA did not issue certificate " + certificate.getSerialNumber().toString(16)
                    + " (urn:ietf:params:acme:error:malformed)");
        }
        if (revoked.putIfAbsent(certificate.getSerialNumber(), reason) != null) {
            throw new CaException("certificate " + certificate.getSerialNumber().toString(16)
                    + " is already revoked (urn:ietf:params:acme:error:alreadyRevoked)");
        }
    }

    /**
     * Makes the CA offer ACME profiles; orders naming another profile are refused.
     *
     * @param offered the profile names
     * @return this gateway
     */
    public FakeAcmeGateway profiles(Set<String> offered) {
        this.profiles = Set.copyOf(offered);
        return this;
    }

    /**
     * Returns the profile a certificate was ordered with.
     *
     * @param certificate a certificate this CA issued
     * @return the profile, or empty for the default
     */
    public Optional<String> orderedProfile(X509Certificate certificate) {
        return Optional.ofNullable(orderedProfiles.get(certificate.getSerialNumber()));
    }

    /**
     * Returns why a certificate was revoked.
     *
     * @param certificate a certificate this CA issued
     * @return the reason, or empty when it is not revoked
     */
    public synchronized Optional<RevocationReason> revocation(X509Certificate certificate) {
        return Optional.ofNullable(revoked.get(certificate.getSerialNumber()));
    }

    // ---- issuance ----------------------------------------------------------------------

    private IssuedChain issue(Account account, OrderRequest request, ChallengeResponder responder)
            throws CaException, InterruptedException {
        request();
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before ordering " + request.names());
        }
        CaException failure;
        synchronized (this) {
            failure = nextIssueFailure;
            nextIssueFailure = null;
        }
        if (failure != null) {
            throw failure;
        }
        if (request.replaces().isPresent() && renewalWindows != null) {
            replacedCertificates.add(request.replaces().get());
        }
        if (request.profile().isPresent() && !profiles.contains(request.profile().get())) {
            throw new CaException("the CA does not offer the ACME profile \"" + request.profile().get() + "\"");
        }
        Csr csr = Csr.parse(request.csrDer());
        Set<String> ordered = request.names().stream().map(DnsName::ascii).collect(Collectors.toSet());
        if (!new HashSet<>(csr.names).equals(ordered)) {
            throw new CaException("the CA refused the CSR: its names " + csr.names + " differ from the order's "
                    + request.names() + " (urn:ietf:params:acme:error:badCSR)");
        }
        if (keyId(csr.publicKey).equals(keyId(account.key))) {
            throw new CaException("the CA refused the CSR: its key is the account key"
                    + " (urn:ietf:params:acme:error:badCSR)");
        }
        authorize(account, request.names(), responder, request.answerChallenges());

        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String commonName = csr.commonName.filter(csr.names::contains).orElse(csr.names.get(0));
        X509Certificate leaf = ca.issue(csr.publicKey, commonName, csr.names, notBefore, notBefore.plus(validity),
                csr.tlsFeature);
        issued.add(leaf);
        request.profile().ifPresent(p -> orderedProfiles.put(leaf.getSerialNumber(), p));
        return new IssuedChain(List.of(leaf, ca.intermediate()));
    }

    private void authorize(Account account, List<DnsName> names, ChallengeResponder responder, boolean answer)
            throws CaException {
        List<HttpChallenge> pending = new ArrayList<>();
        for (DnsName name : names) {
            if (!authorizationReuse || !account.authorized.contains(name)) {
                String token = BASE64URL.encodeToString(randomBytes(32));
                pending.add(new HttpChallenge(name, token, keyAuthorization(token, account.key)));
            }
        }
        if (!answer && !pending.isEmpty()) {
            throw new ChallengeException("the CA holds no valid authorization for "
                    + pending.stream().map(c -> c.domain().ascii()).collect(Collectors.joining(", "))
                    + " and this run answers no challenge (--no-auth)");
        }
        List<HttpChallenge> attempted = new ArrayList<>();
        try {
            for (HttpChallenge challenge : pending) {
                // Counted before the call: a deploy that fails half-way still gets its remove.
                attempted.add(challenge);
                challengeCalls.add(new ChallengeCall(ChallengeCall.Action.DEPLOY, challenge));
                responder.deploy(challenge);
            }
            for (HttpChallenge challenge : pending) {
                if (failingValidation.contains(challenge.domain())) {
                    throw new ChallengeException("the CA could not validate " + challenge.domain()
                            + ": the response at http://" + challenge.domain() + "/.well-known/acme-challenge/"
                            + challenge.token() + " was wrong (urn:ietf:params:acme:error:unauthorized)");
                }
                account.authorized.add(challenge.domain());
            }
        } finally {
            for (HttpChallenge challenge : attempted) {
                challengeCalls.add(new ChallengeCall(ChallengeCall.Action.REMOVE, challenge));
                responder.remove(challenge);
            }
        }
    }

    private void request() throws CaUnreachableException {
        requests.incrementAndGet();
        if (unreachable) {
            throw new CaUnreachableException("cannot reach the CA at " + DIRECTORY_URL + ": connection refused",
                    new ConnectException("Connection refused"));
        }
    }

    private static String keyId(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "FakeAcmeGateway[" + DIRECTORY_URL + ", issued " + issued.size() + "]";
    }

    /** An account at the fake CA. */
    private static final class Account {
        final String url;
        volatile PublicKey key;
        final Optional<String> email;
        final Set<DnsName> authorized = ConcurrentHashMap.newKeySet();

        Account(String url, PublicKey key, Optional<String> email) {
            this.url = url;
            this.key = key;
            this.email = email;
        }

        AccountRegistration registration() {
            return new AccountRegistration(url, DIRECTORY_URL, email);
        }
    }

    /** What the CA reads from a CSR. */
    private static final class Csr {
        final PublicKey publicKey;
        final Optional<String> commonName;
        final List<String> names;
        final Optional<byte[]> tlsFeature;

        private Csr(PublicKey publicKey, Optional<String> commonName, List<String> names, Optional<byte[]> tlsFeature) {
            this.publicKey = publicKey;
            this.commonName = commonName;
            this.names = names;
            this.tlsFeature = tlsFeature;
        }

        static Csr parse(byte[] der) throws CaException {
            try {
                JcaPKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(der);
                PublicKey key = csr.getPublicKey();
                if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                    throw badCsr("its signature is invalid", null);
                }
                Optional<String> commonName = java.util.Arrays.stream(csr.getSubject().getRDNs(BCStyle.CN))
                        .map(RDN::getFirst).map(cn -> IETFUtils.valueToString(cn.getValue()).toLowerCase(Locale.ROOT))
                        .findFirst();
                Set<String> names = new LinkedHashSet<>();
                Optional<byte[]> tlsFeature = Optional.empty();
                var attributes = csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
                if (attributes.length > 0) {
                    Extensions extensions = Extensions.getInstance(attributes[0].getAttrValues().getObjectAt(0));
                    GeneralNames sans = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
                    if (sans != null) {
                        for (GeneralName name : sans.getNames()) {
                            if (name.getTagNo() == GeneralName.dNSName) {
                                names.add(name.getName().toString().toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                    Extension feature = extensions.getExtension(new ASN1ObjectIdentifier(FakeKeyMaterial.TLS_FEATURE_OID));
                    if (feature != null) {
                        tlsFeature = Optional.of(feature.getExtnValue().getOctets());
                    }
                }
                commonName.ifPresent(names::add);
                if (names.isEmpty()) {
                    throw badCsr("it names no domain", null);
                }
                return new Csr(key, commonName, List.copyOf(names), tlsFeature);
            } catch (IOException | IllegalArgumentException | java.security.GeneralSecurityException
                     | OperatorCreationException | PKCSException e) {
                throw badCsr("it cannot be parsed", e);
            }
        }

        private static CaException badCsr(String reason, Throwable cause) {
            return new CaException("the CA refused the CSR: " + reason + " (urn:ietf:params:acme:error:badCSR)", cause);
        }
    }
}
