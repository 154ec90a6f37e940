package org.certmgr.adapters.acme;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.domain.ExternalAccountBinding;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.AcmeSession;
import org.certmgr.ports.out.CaDirectory;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.CaUnreachableException;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Metadata;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;

/**
 * {@link AcmeGateway} with acme4j.
 *
 * <p>Creating it contacts nobody: the acme4j {@link Session} (and with it the trust setup)
 * is made on the first call and then shared by every thread and every login, so the
 * directory is read once.
 */
final class Acme4jGateway implements AcmeGateway {
    private final URI directoryUrl;
    private final List<X509Certificate> extraAnchors;
    private final Optional<ExternalAccountBinding> binding;
    private final Optional<String> preferredChain;
    private final Poller poller;
    private final AcmeFailures failures;
    private Session session;

    /**
     * Creates the gateway; contacts nothing.
     *
     * @param directoryUrl the CA's directory URL, http or https
     * @param extraAnchors CAs trusted besides the JVM's default trust store
     * @param binding      External Account Binding credentials for new accounts, if any
     * @param preferredChain issuer name of the chain to prefer among alternates, if any
     * @param poller       how sessions wait for the CA
     * @throws IllegalArgumentException when the URL is neither http nor https
     */
    Acme4jGateway(URI directoryUrl, List<X509Certificate> extraAnchors, Optional<ExternalAccountBinding> binding,
                  Optional<String> preferredChain, Poller poller) {
        this.directoryUrl = Objects.requireNonNull(directoryUrl, "directoryUrl");
        String scheme = directoryUrl.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the ACME directory URL must start with https:// (or http://): "
                    + directoryUrl);
        }
        this.extraAnchors = List.copyOf(extraAnchors);
        this.binding = Objects.requireNonNull(binding, "binding");
        this.preferredChain = Objects.requireNonNull(preferredChain, "preferredChain");
        this.poller = Objects.requireNonNull(poller, "poller");
        this.failures = new AcmeFailures(directoryUrl, poller.sleeper());
    }

    private synchronized Session session() throws CaException {
        if (session == null) {
            BouncyCastle.ensureRegistered();
            try {
                session = new Session(directoryUrl, TrustingAcmeProvider.trusting(extraAnchors));
            } catch (GeneralSecurityException e) {
                throw new CaUnreachableException("cannot set up TLS trust for the ACME server at " + directoryUrl
                        + ": " + e.getMessage(), e);
            }
        }
        return session;
    }

    @Override
    public CaDirectory directory() throws CaException {
        return uninterruptibly("reading the directory", () -> {
            Metadata metadata = session().getMetadata();
            return new CaDirectory(metadata.getTermsOfService().map(URI::toString),
                    metadata.getWebsite().map(URL::toString));
        });
    }

    @Override
    public AccountRegistration register(KeyPair accountKey, Optional<String> email, boolean agreeToTerms)
            throws CaException {
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(email, "email");
        AccountBuilder builder = new AccountBuilder().useKeyPair(accountKey);
        if (email.isPresent()) {
            try {
                builder.addEmail(email.get());
            } catch (IllegalArgumentException e) {
                throw new CaException("the contact address \"" + email.get() + "\" is not a valid email address", e);
            }
        }
        if (agreeToTerms) {
            builder.agreeToTermsOfService();
        }
        if (binding.isPresent()) {
            try {
                builder.withKeyIdentifier(binding.get().keyId(), binding.get().hmacKey())
                        .withMacAlgorithm(binding.get().macAlgorithm());
            } catch (IllegalArgumentException e) {
                // Never the key itself in the message.
                throw new CaException("the External Account Binding key (account.eab_hmac_key) is not base64url", e);
            }
        }
        return uninterruptibly("registering an account", () -> {
            if (binding.isEmpty() && session().getMetadata().isExternalAccountRequired()) {
                throw new CaException("the CA at " + directoryUrl + " requires External Account Binding for new"
                        + " accounts: set \"eab_kid\" and \"eab_hmac_key\" in the \"account\" section to the"
                        + " credentials the CA gave you");
            }
            Login login = builder.createLogin(session());
            return new AccountRegistration(login.getAccountLocation().toString(), directoryUrl.toString(), email);
        });
    }

    @Override
    public AcmeSession login(KeyPair accountKey, AccountRegistration registration) throws CaException {
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(registration, "registration");
        URL accountUrl;
        try {
            accountUrl = new URL(registration.accountUrl());
        } catch (MalformedURLException e) {
            throw new CaException("the stored account URL \"" + registration.accountUrl() + "\" is not a URL", e);
        }
        return uninterruptibly("logging in to account " + accountUrl, () -> {
            Login login = session().login(accountUrl, accountKey);
            // Fetch the account once, so that an unknown account or key fails here, not mid-order.
            login.getAccount().fetch();
            Status status = login.getAccount().getStatus();
            if (status != Status.VALID) {
                throw new CaException("the account " + accountUrl + " at " + directoryUrl + " is "
                        + status.name().toLowerCase(java.util.Locale.ROOT) + "; register a new one");
            }
            return new Acme4jSession(login, failures, poller, preferredChain);
        });
    }

    // The gateway's calls make one or two requests and never wait in between, so an
    // interruption can only come from inside an HTTP request; it is kept as the thread's
    // interrupt status and reported as the aborted request it is.
    private <T> T uninterruptibly(String action, AcmeFailures.AcmeCall<T> call) throws CaException {
        try {
            return failures.call(action, call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaUnreachableException("interrupted while " + action + " at " + directoryUrl, e);
        }
    }

    @Override
    public String toString() {
        return "Acme4jGateway[" + directoryUrl + "]";
    }
}
