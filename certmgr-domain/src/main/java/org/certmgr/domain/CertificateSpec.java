package org.certmgr.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One certificate as configured, with every setting already resolved against the
 * {@code settings} section.
 *
 * @param name               the certificate name, which is also its common name
 * @param altNames           subject alternative names, the common name first, no duplicates
 * @param keys               the key types to maintain with their parameters; at least one
 * @param services           names of the services to reload when it changes
 * @param dhparamSize        size of custom Diffie-Hellman parameters, 0 for none
 * @param ecparamCurve       curve of custom EC parameters, if any
 * @param dhparamGenerate    whether to generate fresh DH primes instead of using the RFC 7919 group
 * @param keyPassphrase      protection of the private keys
 * @param ocspMustStaple     whether to request the OCSP Must-Staple extension
 * @param ocspResponderUrls  OCSP responders to use when the certificate names none
 * @param ctSubmitLogs       names of Certificate Transparency logs to submit to
 * @param renewal            when to renew
 * @param profile            the ACME profile to order with ({@code profile}), or empty for the CA's default
 * @param ocspEnabled        whether OCSP responses are kept; false when {@code ocsp_responder_urls} is
 *                           explicitly {@code []}, which the specification defines as "OCSP off"
 */
public record CertificateSpec(CertificateName name, List<DnsName> altNames, Map<KeyType, KeySpec> keys,
                              List<String> services, int dhparamSize, Optional<String> ecparamCurve,
                              boolean dhparamGenerate, Passphrase keyPassphrase, boolean ocspMustStaple,
                              List<String> ocspResponderUrls, List<String> ctSubmitLogs, RenewalPolicy renewal,
                              Optional<String> profile, boolean ocspEnabled) {

    /**
     * Validates the combination: the common name is the first alternative name, names are unique, at least
     * one key type is configured and each key matches its type.
     *
     * @param name the certificate name, which is also its common name
     * @param altNames subject alternative names, the common name first, no duplicates
     * @param keys the key types to maintain with their parameters; at least one
     * @param services names of the services to reload when it changes
     * @param dhparamSize size of custom Diffie-Hellman parameters, 0 for none
     * @param ecparamCurve curve of custom EC parameters, if any
     * @param dhparamGenerate whether to generate fresh DH primes instead of using the RFC 7919 group
     * @param keyPassphrase protection of the private keys
     * @param ocspMustStaple whether to request the OCSP Must-Staple extension
     * @param ocspResponderUrls OCSP responders to use when the certificate names none
     * @param ctSubmitLogs names of Certificate Transparency logs to submit to
     * @param renewal when to renew
     * @param profile the ACME profile, or empty
     * @param ocspEnabled whether OCSP responses are kept
     */
    public CertificateSpec {
        Objects.requireNonNull(name, "name");
        altNames = List.copyOf(altNames);
        if (altNames.isEmpty() || !altNames.get(0).equals(name.dnsName())) {
            throw new InvalidValueException("the common name " + name + " must be the first alternative name");
        }
        if (new LinkedHashSet<>(altNames).size() != altNames.size()) {
            throw new InvalidValueException("certificate " + name + " lists an alternative name twice");
        }
        if (keys.isEmpty()) {
            throw new InvalidValueException("certificate " + name + " has no key type left: enable RSA (key_size)"
                    + " or ECDSA (key_curve), or both");
        }
        EnumMap<KeyType, KeySpec> ordered = new EnumMap<>(KeyType.class);
        keys.forEach((type, spec) -> {
            if (spec.type() != type) {
                throw new InvalidValueException("key type " + type + " cannot use " + spec);
            }
            ordered.put(type, spec);
        });
        keys = Collections.unmodifiableMap(ordered);
        services = List.copyOf(services);
        if (dhparamSize < 0) {
            throw new InvalidValueException("dhparam_size cannot be negative");
        }
        Objects.requireNonNull(ecparamCurve, "ecparamCurve");
        Objects.requireNonNull(keyPassphrase, "keyPassphrase");
        ocspResponderUrls = List.copyOf(ocspResponderUrls);
        ctSubmitLogs = List.copyOf(ctSubmitLogs);
        Objects.requireNonNull(renewal, "renewal");
        Objects.requireNonNull(profile, "profile");
        if (profile.isPresent() && profile.get().isBlank()) {
            throw new InvalidValueException("an ACME profile name cannot be empty");
        }
    }

    /**
     * Returns what {@code params.pem} must hold.
     *
     * @return the parameter settings
     */
    public ParamsSpec params() {
        return new ParamsSpec(dhparamSize, dhparamGenerate, ecparamCurve);
    }

    /**
     * Returns the common name.
     *
     * @return the DNS name of {@link #name()}
     */
    public DnsName commonName() {
        return name.dnsName();
    }

    /**
     * Tells whether this certificate answers to a name given on the command line.
     *
     * @param text a common name or alternative name, any case
     * @return true when it is the common name or one of the alternative names
     */
    public boolean answersTo(String text) {
        try {
            DnsName wanted = DnsName.of(text);
            return altNames.contains(wanted);
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /**
     * Starts a builder with the defaults of the specification: RSA 4096 and ECDSA P-384,
     * DH parameters 2048, EC parameters secp384r1, unencrypted keys, renewal 30 days.
     *
     * @param name the common name
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(CertificateName.of(name));
    }

    /** Builds a {@link CertificateSpec}, mainly for tests and embedding code. */
    public static final class Builder {
        private final CertificateName name;
        private final Set<DnsName> altNames = new LinkedHashSet<>();
        private final Map<KeyType, KeySpec> keys = new EnumMap<>(KeyType.class);
        private final List<String> services = new ArrayList<>();
        private int dhparamSize = 2048;
        private Optional<String> ecparamCurve = Optional.of("secp384r1");
        private boolean dhparamGenerate;
        private Passphrase keyPassphrase = Passphrase.NONE;
        private boolean ocspMustStaple;
        private List<String> ocspResponderUrls = List.of();
        private List<String> ctSubmitLogs = List.of();
        private RenewalPolicy renewal = RenewalPolicy.DEFAULT;
        private Optional<String> profile = Optional.empty();
        private boolean ocspEnabled = true;

        private Builder(CertificateName name) {
            this.name = name;
            altNames.add(name.dnsName());
            keys.put(KeyType.RSA, new KeySpec.Rsa(4096));
            keys.put(KeyType.ECDSA, new KeySpec.Ec(EcCurve.SECP384R1));
        }

        /**
         * Adds alternative names after the common name.
         *
         * @param names DNS names
         * @return this builder
         */
        public Builder altNames(String... names) {
            for (String n : names) {
                altNames.add(DnsName.of(n));
            }
            return this;
        }

        /**
         * Replaces the key types with exactly these.
         *
         * @param specs key parameters, one per type
         * @return this builder
         */
        public Builder keys(KeySpec... specs) {
            keys.clear();
            for (KeySpec s : specs) {
                keys.put(s.type(), s);
            }
            return this;
        }

        /**
         * Adds services to reload.
         *
         * @param names service names
         * @return this builder
         */
        public Builder services(String... names) {
            services.addAll(List.of(names));
            return this;
        }

        /**
         * Sets the DH parameter size.
         *
         * @param bits 0 for none
         * @return this builder
         */
        public Builder dhparamSize(int bits) {
            this.dhparamSize = bits;
            return this;
        }

        /**
         * Sets the EC parameter curve.
         *
         * @param curve the curve, or empty for none
         * @return this builder
         */
        public Builder ecparamCurve(Optional<String> curve) {
            this.ecparamCurve = curve;
            return this;
        }

        /**
         * Sets whether fresh DH primes are generated instead of using the RFC 7919 group.
         *
         * @param generate true to generate
         * @return this builder
         */
        public Builder dhparamGenerate(boolean generate) {
            this.dhparamGenerate = generate;
            return this;
        }

        /**
         * Sets the key protection.
         *
         * @param passphrase the protection
         * @return this builder
         */
        public Builder keyPassphrase(Passphrase passphrase) {
            this.keyPassphrase = passphrase;
            return this;
        }

        /**
         * Sets whether Must-Staple is requested.
         *
         * @param mustStaple true to request it
         * @return this builder
         */
        public Builder ocspMustStaple(boolean mustStaple) {
            this.ocspMustStaple = mustStaple;
            return this;
        }

        /**
         * Sets the fallback OCSP responders.
         *
         * @param urls responder URLs
         * @return this builder
         */
        public Builder ocspResponderUrls(List<String> urls) {
            this.ocspResponderUrls = urls;
            return this;
        }

        /**
         * Sets the CT logs to submit to.
         *
         * @param logs log names
         * @return this builder
         */
        public Builder ctSubmitLogs(List<String> logs) {
            this.ctSubmitLogs = logs;
            return this;
        }

        /**
         * Sets the renewal policy.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder renewal(RenewalPolicy policy) {
            this.renewal = policy;
            return this;
        }

        /**
         * Turns OCSP responses on or off for this certificate.
         *
         * @param enabled false for no {@code ocsp.der} at all
         * @return this builder
         */
        public Builder ocspEnabled(boolean enabled) {
            this.ocspEnabled = enabled;
            return this;
        }

        /**
         * Sets the ACME profile.
         *
         * @param profile the profile name, or empty for the CA's default
         * @return this builder
         */
        public Builder profile(Optional<String> profile) {
            this.profile = profile;
            return this;
        }

        /**
         * Builds the specification, validating it.
         *
         * @return the specification
         */
        public CertificateSpec build() {
            return new CertificateSpec(name, new ArrayList<>(altNames), keys, services, dhparamSize, ecparamCurve,
                    dhparamGenerate, keyPassphrase, ocspMustStaple, ocspResponderUrls, ctSubmitLogs, renewal, profile,
                    ocspEnabled);
        }
    }
}
