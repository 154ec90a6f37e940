package org.certmgr.adapters.fs.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.Passphrase;

/**
 * The keys a certificate inherits from {@code settings} when it does not set them itself.
 * The same reader serves both levels: {@code settings} over the built-in defaults, and each
 * certificate over {@code settings}.
 */
record Inherited(Optional<KeySpec.Rsa> rsa, Optional<KeySpec.Ec> ecdsa, Passphrase keyPassphrase, int dhparamSize,
                 boolean dhparamGenerate, Optional<String> ecparamCurve, boolean ocspMustStaple, List<String> ocspResponderUrls,
                 List<String> ctSubmitLogs, List<VerifyEntry> verify, boolean verifyInherited) {

    /** The defaults of the spec, changed where DESIGN.md says: no OCSP responders, no CT logs. */
    static final Inherited BUILT_IN = new Inherited(Optional.of(new KeySpec.Rsa(4096)),
            Optional.of(new KeySpec.Ec(EcCurve.SECP384R1)), Passphrase.NONE, 2048, false, Optional.of("secp384r1"),
            false,
            List.of(), List.of(), List.of(), false);

    /**
     * Reads the inheritable keys of a section; a key that is absent keeps the parent's value.
     *
     * @param section the {@code settings} section or one certificate
     * @param parent  the values inherited
     * @param ctLogs  the configured CT logs, which {@code ct_submit_logs} must name
     */
    static Inherited read(Section section, Inherited parent, Map<String, CtLog> ctLogs) throws ConfigException {
        Optional<KeySpec.Rsa> rsa = parent.rsa;
        Optional<Node> node = section.get("key_size");
        if (node.isPresent()) {
            rsa = Values.rsa(node.get());
        }
        Optional<KeySpec.Ec> ecdsa = parent.ecdsa;
        node = section.get("key_curve");
        if (node.isPresent()) {
            ecdsa = Values.ecdsa(node.get());
        }
        Passphrase passphrase = parent.keyPassphrase;
        node = section.get("key_passphrase");
        if (node.isPresent()) {
            passphrase = Values.passphrase(node.get());
        }
        int dhparamSize = parent.dhparamSize;
        node = section.get("dhparam_size");
        if (node.isPresent()) {
            dhparamSize = Values.dhparamSize(node.get());
        }
        boolean dhparamGenerate = parent.dhparamGenerate;
        node = section.get("dhparam_generate");
        if (node.isPresent()) {
            dhparamGenerate = node.get().bool();
        }
        Optional<String> ecparamCurve = parent.ecparamCurve;
        node = section.get("ecparam_curve");
        if (node.isPresent()) {
            ecparamCurve = Values.ecparamCurve(node.get());
        }
        boolean mustStaple = parent.ocspMustStaple;
        node = section.get("ocsp_must_staple");
        if (node.isPresent()) {
            mustStaple = node.get().bool();
        }
        List<String> responders = parent.ocspResponderUrls;
        node = section.get("ocsp_responder_urls");
        if (node.isPresent()) {
            responders = Values.urls(node.get());
        }
        List<String> ctSubmitLogs = parent.ctSubmitLogs;
        node = section.get("ct_submit_logs");
        if (node.isPresent()) {
            ctSubmitLogs = ctSubmitLogs(node.get(), ctLogs);
        }
        List<VerifyEntry> verify = parent.verify;
        boolean verifyInherited = true;
        node = section.get("verify");
        if (node.isPresent()) {
            verify = VerifyEntry.readList(node.get());
            verifyInherited = false;
        }
        return new Inherited(rsa, ecdsa, passphrase, dhparamSize, dhparamGenerate, ecparamCurve, mustStaple, responders,
                ctSubmitLogs, verify, verifyInherited);
    }

    private static List<String> ctSubmitLogs(Node node, Map<String, CtLog> ctLogs) throws ConfigException {
        Set<String> names = new LinkedHashSet<>();
        for (Node item : node.listOrNull()) {
            String name = item.nonEmptyString();
            if (!ctLogs.containsKey(name)) {
                String suggestion = Suggestions.closest(name, ctLogs.keySet());
                throw item.error("unknown Certificate Transparency log \"" + name + "\"; "
                        + (ctLogs.isEmpty() ? "no log is defined in \"ct_logs\" (certmgr has no built-in logs)"
                        : "\"ct_logs\" defines " + String.join(", ", ctLogs.keySet()))
                        + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"));
            }
            names.add(name);
        }
        return new ArrayList<>(names);
    }
}
