package org.certmgr.adapters.fs.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certmgr.adapters.fs.config.VerifyEntry.Ref;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.VerifyTarget;

/**
 * Reads the {@code certificates} section, in either of the spec's two forms: a list of
 * objects with {@code name}, or an object keyed by name. Each certificate inherits from
 * {@code settings} what it does not set.
 */
final class CertificatesReader {
    /** Keys of a certificate, to explain a certificate key written one level too high. */
    private static final Set<String> CERTIFICATE_KEYS = Set.of("alt_names", "services", "dhparam_size", "dhparam_generate",
            "ecparam_curve", "key_types", "key_size", "key_curve", "key_passphrase", "ocsp_must_staple",
            "ocsp_responder_urls", "ct_submit_logs", "verify", "profile");

    /** The certificates in configuration order and the installation checks of each. */
    record Result(List<CertificateSpec> certificates, Map<CertificateName, List<VerifyTarget>> verify) {
    }

    private final Settings settings;
    private final Map<String, String> services;
    private final Map<String, CtLog> ctLogs;
    private final Context context;
    private final Map<CertificateName, JsonPath> certificatePaths = new HashMap<>();
    private final Map<DnsName, Ref<CertificateName>> nameOwners = new HashMap<>();
    private final List<CertificateSpec> certificates = new ArrayList<>();
    private final Map<CertificateName, List<VerifyTarget>> verify = new LinkedHashMap<>();

    private CertificatesReader(Settings settings, Map<String, String> services, Map<String, CtLog> ctLogs,
                               Context context) {
        this.settings = settings;
        this.services = services;
        this.ctLogs = ctLogs;
        this.context = context;
    }

    static Result read(Optional<Node> node, Settings settings, Map<String, String> services,
                       Map<String, CtLog> ctLogs, Context context) throws ConfigException {
        CertificatesReader reader = new CertificatesReader(settings, services, ctLogs, context);
        JsonPath path = JsonPath.ROOT.key("certificates");
        if (node.isPresent() && node.get().isList()) {
            for (Node item : node.get().list()) {
                Section body = item.object();
                Node name = body.require("name", "the certificate's common name");
                reader.certificate(body, name.nonEmptyString(), name.path());
            }
        } else if (node.isPresent() && !node.get().isNull()) {
            if (!node.get().isObject()) {
                throw node.get().expected("a list of certificates, or an object keyed by certificate name");
            }
            for (Map.Entry<String, Node> entry : node.get().object().entries()) {
                reader.keyedCertificate(entry.getKey(), entry.getValue());
            }
        }
        if (reader.certificates.isEmpty()) {
            context.warn(path, "no certificate is configured, so there is nothing to do");
        }
        return new Result(reader.certificates, reader.verify);
    }

    private void keyedCertificate(String key, Node value) throws ConfigException {
        if (!value.isObject() && CERTIFICATE_KEYS.contains(key)) {
            throw value.error("\"" + key + "\" belongs inside a certificate's object, not directly in"
                    + " \"certificates\"; expected an object with the settings of certificate \"" + key + "\"");
        }
        Section body = value.object();
        Optional<Node> inner = body.get("name");
        if (inner.isPresent() && !sameName(inner.get().string(), key)) {
            throw inner.get().error("the name \"" + inner.get().string() + "\" differs from the certificate's key \""
                    + key + "\"; leave \"name\" out when certificates are keyed by name");
        }
        certificate(body, key, value.path());
    }

    private static boolean sameName(String a, String b) {
        try {
            return CertificateName.of(a).equals(CertificateName.of(b));
        } catch (InvalidValueException e) {
            return a.equals(b);
        }
    }

    private void certificate(Section body, String rawName, JsonPath namePath) throws ConfigException {
        CertificateName name;
        try {
            name = CertificateName.of(rawName.trim());
        } catch (InvalidValueException e) {
            throw context.error(namePath, e.getMessage());
        }
        JsonPath previous = certificatePaths.putIfAbsent(name, body.path());
        if (previous != null) {
            throw context.error(namePath, "certificate " + name + " is configured twice (also at " + previous + ")");
        }
        List<Ref<DnsName>> altNames = AltNamesReader.read(body, name, namePath);
        claimNames(name, altNames);
        List<String> certServices = services(body);
        Inherited values = Inherited.read(body, settings.defaults(), ctLogs);
        Map<KeyType, KeySpec> keys = keys(body, values);
        List<DnsName> names = new ArrayList<>();
        altNames.forEach(ref -> names.add(ref.value()));
        // The specification: a certificate's own empty ocsp_responder_urls turns OCSP off for it (an
        // empty list in settings is the default: no fallback, the certificate's own responder is asked).
        boolean ocspOff = body.get("ocsp_responder_urls").isPresent() && values.ocspResponderUrls().isEmpty();
        // A certificate's own "profile": null asks for the CA's default even when settings name one.
        Optional<String> profile = body.get("profile").isPresent() ? Settings.optionalName(body, "profile")
                : settings.profile();
        List<VerifyTarget> targets = new ArrayList<>();
        for (VerifyEntry entry : values.verify()) {
            targets.add(entry.resolve(name.toString(), names, keys.keySet(), values.verifyInherited(), context));
        }
        body.finish();
        warnAboutCombinations(body.path(), keys, values);
        try {
            certificates.add(new CertificateSpec(name, names, keys, certServices, values.dhparamSize(),
                    values.ecparamCurve(), values.dhparamGenerate(), values.keyPassphrase(), values.ocspMustStaple(),
                    values.ocspResponderUrls(), values.ctSubmitLogs(), settings.renewal(), profile, !ocspOff));
        } catch (InvalidValueException e) {
            throw context.error(body.path(), e.getMessage());
        }
        verify.put(name, targets);
    }

    private void claimNames(CertificateName name, List<Ref<DnsName>> altNames) throws ConfigException {
        for (Ref<DnsName> alt : altNames) {
            Ref<CertificateName> owner = nameOwners.putIfAbsent(alt.value(), new Ref<>(name, alt.path()));
            if (owner != null) {
                throw context.error(alt.path(), alt.value() + " is already a name of certificate " + owner.value()
                        + " (at " + owner.path() + "); each name may belong to one certificate only");
            }
        }
    }

    private List<String> services(Section body) throws ConfigException {
        List<String> names = new ArrayList<>();
        Optional<Node> node = body.get("services");
        if (node.isEmpty()) {
            return names;
        }
        for (Node item : node.get().listOrNull()) {
            String service = item.nonEmptyString();
            if (!services.containsKey(service)) {
                String guess = Suggestions.closest(service, services.keySet());
                throw item.error("unknown service \"" + service + "\"" + (guess == null ? "" : " (did you mean "
                        + guess + "?)") + "; define it in \"services\" with the command that reloads it");
            }
            if (!names.contains(service)) {
                names.add(service);
            }
        }
        return names;
    }

    private Map<KeyType, KeySpec> keys(Section body, Inherited values) throws ConfigException {
        Map<KeyType, KeySpec> keys = new EnumMap<>(KeyType.class);
        Optional<Node> node = body.get("key_types");
        if (node.isEmpty() || node.get().isNull()) {
            values.rsa().ifPresent(rsa -> keys.put(KeyType.RSA, rsa));
            values.ecdsa().ifPresent(ec -> keys.put(KeyType.ECDSA, ec));
            if (keys.isEmpty()) {
                throw context.error(body.path(), "no key type left: RSA keys are off (key_size is 0 or null) and"
                        + " ECDSA keys are off (key_curve is null); turn at least one on");
            }
            return keys;
        }
        for (Node item : node.get().list()) {
            KeyType type;
            try {
                type = KeyType.parse(item.string());
            } catch (InvalidValueException e) {
                throw item.invalid(e);
            }
            Optional<? extends KeySpec> spec = type == KeyType.RSA ? values.rsa() : values.ecdsa();
            if (spec.isEmpty()) {
                throw item.error("key type \"" + type + "\" is listed, but " + (type == KeyType.RSA
                        ? "RSA keys are off for this certificate (key_size is 0 or null)"
                        : "ECDSA keys are off for this certificate (key_curve is null)"));
            }
            keys.put(type, spec.get());
        }
        if (keys.isEmpty()) {
            throw node.get().error("no key type left: the list is empty; list \"rsa\", \"ecdsa\" or both");
        }
        return keys;
    }

    private void warnAboutCombinations(JsonPath path, Map<KeyType, KeySpec> keys, Inherited values) {
        KeySpec rsa = keys.get(KeyType.RSA);
        if (rsa instanceof KeySpec.Rsa && values.dhparamSize() > 0 && values.dhparamSize() < ((KeySpec.Rsa) rsa).bits() / 2) {
            context.warn(path, "dhparam_size " + values.dhparamSize() + " is less than half the RSA key size "
                    + ((KeySpec.Rsa) rsa).bits() + ", which weakens the key exchange");
        }
        if (values.ocspMustStaple() && settings.acmeDirectoryUrl().equals(Configuration.LETS_ENCRYPT)) {
            context.warn(path, "ocsp_must_staple is on, but Let's Encrypt ended OCSP in 2025 and refuses"
                    + " certificates with the Must-Staple extension");
        }
    }
}
