package org.certmgr.adapters.fs.config;

import org.certmgr.domain.ExternalAccountBinding;
import java.util.Base64;
import java.util.Optional;
import org.certmgr.domain.AccountSpec;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.Passphrase;

/** Reads the {@code account} section. */
final class AccountReader {

    /** The account and its External Account Binding credentials. */
    record Account(AccountSpec spec, Optional<ExternalAccountBinding> binding) {
    }

    private AccountReader() {
    }

    static Account read(Section s) throws ConfigException {
        Optional<String> email = Optional.empty();
        Optional<Node> node = s.get("email");
        if (node.isPresent() && !node.get().isNull()) {
            email = Optional.of(node.get().nonEmptyString().trim());
        }
        Passphrase passphrase = Passphrase.NONE;
        node = s.get("passphrase");
        if (node.isPresent()) {
            passphrase = Values.passphrase(node.get());
        }
        boolean agree = false;
        node = s.get("agree_to_terms");
        if (node.isPresent()) {
            agree = node.get().bool();
        }
        Optional<ExternalAccountBinding> binding = binding(s);
        s.finish();
        try {
            return new Account(new AccountSpec(email, passphrase, agree), binding);
        } catch (InvalidValueException e) {
            throw s.context().error(s.path().key("email"), e.getMessage());
        }
    }

    private static Optional<ExternalAccountBinding> binding(Section s) throws ConfigException {
        Optional<Node> kid = s.get("eab_kid");
        s.get("eab_algorithm"); // read below; looked up here so that it is known even without credentials
        Optional<Node> hmac = s.get("eab_hmac_key");
        boolean hasKid = kid.isPresent() && !kid.get().isNull();
        boolean hasHmac = hmac.isPresent() && !hmac.get().isNull();
        if (hasKid != hasHmac) {
            throw s.context().error(s.path().key(hasKid ? "eab_hmac_key" : "eab_kid"),
                    "External Account Binding needs both eab_kid and eab_hmac_key, as given by the CA");
        }
        if (!hasKid) {
            return Optional.empty();
        }
        String keyId = kid.get().nonEmptyString();
        Node hmacNode = hmac.get();
        if (!hmacNode.isText() || hmacNode.string().isBlank()) {
            throw hmacNode.expected("the HMAC key as a base64url string");
        }
        String hmacKey = hmacNode.string().trim();
        try {
            if (Base64.getUrlDecoder().decode(hmacKey).length == 0) {
                throw hmacNode.error("the HMAC key is empty");
            }
        } catch (IllegalArgumentException e) {
            // the decoder's message would quote part of the key
            throw hmacNode.error("the HMAC key is not base64url (letters, digits, \"-\" and \"_\")");
        }
        String algorithm = "HS256";
        Optional<Node> algorithmNode = s.get("eab_algorithm");
        if (algorithmNode.isPresent() && !algorithmNode.get().isNull()) {
            algorithm = algorithmNode.get().nonEmptyString().toUpperCase(java.util.Locale.ROOT);
            if (!ExternalAccountBinding.MAC_ALGORITHMS.contains(algorithm)) {
                throw algorithmNode.get().error("\"" + algorithm + "\" is not an External Account Binding MAC"
                        + " algorithm; expected HS256, HS384 or HS512");
            }
        }
        return Optional.of(new ExternalAccountBinding(keyId, hmacKey, algorithm));
    }
}
