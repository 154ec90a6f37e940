package org.certmgr.testkit.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A corpus of bad configuration files ({@code certmgr.json}), each with the JSON path and the
 * words that the error message must contain: syntax, types, ranges, names with traversal,
 * shell metacharacters, bad IDN or control characters, duplicates, unknown keys, services and
 * log names, verify hosts that are not names of the certificate, hooks with unknown fields.
 *
 * <p>Used twice: by the configuration loader's test (the exception's file, path and problem)
 * and by the command line's test (the message on standard error, exit code 2, no stack
 * trace, nothing written). A file is expected in a folder of its own, named
 * {@code certmgr.json}; {@code missing.pem} must not exist next to it.
 */
public final class BadConfigurations {
    private static final String CERT = "'certificates': [{'name': 'example.com'}]";

    private BadConfigurations() {
    }

    /**
     * One bad configuration.
     *
     * @param what     a short description, unique in the corpus
     * @param json     the file's whole text
     * @param jsonPath the JSON path of the offending value, e.g. {@code certificates[0].name};
     *                 empty when the file as a whole is wrong (e.g. it is empty)
     * @param problem  words the message must contain after the path
     */
    public record Case(String what, String json, Optional<String> jsonPath, String problem) {
        /**
         * Checks the parts.
         *
         * @param what     a short description, unique in the corpus
         * @param json     the file's whole text
         * @param jsonPath the JSON path of the offending value; empty for the file as a whole
         * @param problem  words the message must contain after the path
         * @throws NullPointerException when a part is null
         */
        public Case {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(jsonPath, "jsonPath");
            Objects.requireNonNull(problem, "problem");
        }

        /**
         * Tells whether an error message describes this case: it is {@code <file>: <path>: ...}
         * (or {@code <file>: ...} without a path) and contains {@link #problem()}.
         *
         * @param file    the configuration file as the message names it
         * @param message one line of the error message, without any prefix before the file
         * @return true when the message names the file, the path and the problem
         */
        public boolean isDescribedBy(String file, String message) {
            String start = file + ": " + jsonPath.map(p -> p + ": ").orElse("");
            return message.startsWith(start) && message.substring(start.length()).contains(problem);
        }

        /**
         * Returns the path and the problem together, which no other case of the corpus shares.
         *
         * @return {@code <path>: <problem>}, or the problem alone when there is no path
         */
        public String identity() {
            return jsonPath.map(p -> p + ": ").orElse("") + problem;
        }

        @Override
        public String toString() {
            return what;
        }
    }

    /**
     * Returns the corpus.
     *
     * @return every case, grouped by kind
     */
    public static List<Case> all() {
        return List.of(
                // syntax
                bad("unterminated object", "{'account': {'email': 'a@example.com'}", null,
                        "malformed JSON at line 1, column 39: the file ends too early"),
                bad("trailing comma", "{'certificates': [\n  {'name': 'example.com'},\n]}", "certificates[1]",
                        "malformed JSON at line 3, column 1: Unexpected character (']'"),
                bad("unquoted word, as in the spec's example", "{'certificates': [{'name': example.com}]}",
                        "certificates[0].name", "text must be in double quotes"),
                bad("duplicate key", "{'settings': {'key_size': 2048,\n 'key_size': 4096}}", "settings.key_size",
                        "the key 'key_size' appears twice"),
                bad("comment", "{ // certmgr\n}", null, "malformed JSON at line 1, column 3: comments are not allowed"),
                bad("content after the object", "{} {}", null,
                        "malformed JSON at line 1, column 4: there is more text after the end"),
                raw("empty file", "", null, "the file is empty"),
                bad("top level is a list", "[]", "(top level)", "expected an object, found a list"),
                // types
                bad("number as string", "{'settings': {'renewal_days': '30'}}", "settings.renewal_days",
                        "expected a whole number, found a string"),
                bad("decimal number", "{'settings': {'authorization_delay': 1.5}}", "settings.authorization_delay",
                        "expected a whole number, found a decimal number"),
                bad("boolean as string", "{'settings': {'color_output': 'yes'}}", "settings.color_output",
                        "expected true or false, found a string"),
                bad("string for a list", "{'services': {'nginx': 'x'}, 'certificates': [{'name': 'example.com',"
                        + " 'services': 'nginx'}]}", "certificates[0].services", "expected a list, found a string"),
                bad("list for an object", "{'settings': []}", "settings", "expected an object, found a list"),
                bad("certificates as a string", "{'certificates': 'example.com'}", "certificates",
                        "expected a list of certificates, or an object keyed by certificate name, found a string"),
                bad("passphrase as number", "{'settings': {'key_passphrase': 1234}}", "settings.key_passphrase",
                        "expected null, false, true or a passphrase string, found a whole number"),
                bad("certificate without name", "{'certificates': [{'alt_names': {}}]}", "certificates[0]",
                        "missing key \"name\""),
                // numbers
                bad("negative days", "{'settings': {'renewal_days': -1}}", "settings.renewal_days",
                        "must be between 1 and 3650, not -1"),
                bad("negative delay", "{'settings': {'min_run_delay': -5}}", "settings.min_run_delay",
                        "must be between 0 and 86400, not -5"),
                bad("huge number", "{'settings': {'cert_poll_time': 99999999999999}}", "settings.cert_poll_time",
                        "must be between 1 and 3600, not 99999999999999"),
                bad("parallelism zero", "{'settings': {'parallelism': 0}}", "settings.parallelism",
                        "must be between 1 and 64, not 0"),
                bad("parallelism too high", "{'settings': {'parallelism': 65}}", "settings.parallelism",
                        "must be between 1 and 64, not 65"),
                bad("parallelism as string", "{'settings': {'parallelism': '8'}}", "settings.parallelism",
                        "expected a whole number, found a string"),
                bad("max_run_delay below min_run_delay", "{'settings': {'min_run_delay': 600, 'max_run_delay': 60}}",
                        "settings.max_run_delay", "must not be less than min_run_delay (600), not 60"),
                bad("RSA 1024", "{'settings': {'key_size': 1024}}", "settings.key_size",
                        "RSA key size 1024 is not supported"),
                bad("DH 1024", "{'settings': {'dhparam_size': 1024}}", "settings.dhparam_size",
                        "Diffie-Hellman parameter size 1024 is not supported"),
                // names
                bad("invalid host name", "{'certificates': [{'name': 'example.com', 'alt_names':"
                        + " {'example.com': ['@', 'bad_host']}}]}", "certificates[0].alt_names[\"example.com\"][1]",
                        "\"bad_host.example.com\" has an invalid label \"bad_host\""),
                bad("name with a slash", "{'certificates': [{'name': '../etc/passwd'}]}", "certificates[0].name",
                        "contains a path separator"),
                bad("name with dot dot", "{'certificates': [{'name': 'a..example.com'}]}", "certificates[0].name",
                        "has an empty label"),
                bad("keyed name with dot dot", "{'certificates': {'..': {}}}", "certificates[\"..\"]",
                        "has an empty label"),
                bad("wildcard", "{'certificates': [{'name': '*.example.com'}]}", "certificates[0].name",
                        "is a wildcard name"),
                bad("name without a dot", "{'http_challenges': {'localhost': '/srv'}}", "http_challenges.localhost",
                        "is not a fully qualified DNS name"),
                bad("common name not among alt names", "{'certificates': [{'name': 'example.com', 'alt_names':"
                        + " {'example.com': ['www']}}]}", "certificates[0].alt_names",
                        "the common name example.com must be one of the alternative names"),
                bad("duplicate certificate", "{'certificates': [{'name': 'example.com'}, {'name': 'example.com'}]}",
                        "certificates[1].name", "certificate example.com is configured twice (also at certificates[0])"),
                bad("duplicate certificate in another case", "{'certificates': {'example.com': {},"
                        + " 'EXAMPLE.com': {}}}", "certificates[\"EXAMPLE.com\"]",
                        "certificate example.com is configured twice"),
                bad("a name in two certificates", "{'certificates': [{'name': 'example.com', 'alt_names':"
                        + " {'example.com': ['@', 'www']}}, {'name': 'www.example.com'}]}", "certificates[1].name",
                        "www.example.com is already a name of certificate example.com (at"
                        + " certificates[0].alt_names[\"example.com\"][1])"),
                bad("keyed name differs from name", "{'certificates': {'example.com': {'name': 'example.org'}}}",
                        "certificates[\"example.com\"].name", "differs from the certificate's key"),
                bad("services directly in keyed certificates, as in the spec's example", "{'certificates':"
                        + " {'example.com': {}, 'services': ['nginx']}}", "certificates.services",
                        "\"services\" belongs inside a certificate's object"),
                bad("invalid email", "{'account': {'email': 'admin'}}", "account.email",
                        "\"admin\" is not an email address"),
                // keys
                bad("unknown key type", "{'certificates': [{'name': 'example.com', 'key_types': ['dsa']}]}",
                        "certificates[0].key_types[0]", "unknown key type \"dsa\""),
                bad("unknown curve", "{'settings': {'key_curve': 'secp192r1'}}", "settings.key_curve",
                        "unsupported curve \"secp192r1\""),
                bad("listed key type turned off", "{'settings': {'key_size': 0}, 'certificates': [{'name':"
                        + " 'example.com', 'key_types': ['ecdsa', 'rsa']}]}", "certificates[0].key_types[1]",
                        "key type \"rsa\" is listed, but RSA keys are off"),
                bad("no key type left", "{'settings': {'key_size': null, 'key_curve': null}, " + CERT + "}",
                        "certificates[0]", "no key type left"),
                bad("empty key type list", "{'certificates': [{'name': 'example.com', 'key_types': []}]}",
                        "certificates[0].key_types", "no key type left: the list is empty"),
                // services
                bad("unknown service", "{'services': {'nginx': 'systemctl reload nginx'}, 'certificates': [{'name':"
                        + " 'example.com', 'services': ['ngnix']}]}", "certificates[0].services[0]",
                        "unknown service \"ngnix\" (did you mean nginx?)"),
                bad("empty service command", "{'services': {'nginx': ''}}", "services.nginx",
                        "expected a non-empty string"),
                // verify
                bad("verify host not a name", "{'certificates': [{'name': 'example.com', 'verify': [{'port': 25,"
                        + " 'hosts': ['example.com', 'mail.example.com']}]}]}", "certificates[0].verify[0].hosts[1]",
                        "mail.example.com is not one of the names of certificate example.com (example.com)"),
                bad("inherited verify host not a name", "{'settings': {'verify': [{'port': 25, 'hosts':"
                        + " 'mail.example.com'}]}, " + CERT + "}", "settings.verify[0].hosts",
                        "settings.verify applies to every certificate"),
                bad("bad starttls", "{'settings': {'verify': [{'port': 465, 'starttls': 'smtps'}]}}",
                        "settings.verify[0].starttls", "unknown STARTTLS protocol \"smtps\""),
                bad("port zero", "{'settings': {'verify': [0]}}", "settings.verify[0]",
                        "must be between 1 and 65535, not 0"),
                bad("port too high", "{'settings': {'verify': [{'port': 70000}]}}", "settings.verify[0].port",
                        "must be between 1 and 65535, not 70000"),
                bad("verify without port", "{'settings': {'verify': [{'starttls': 'smtp'}]}}", "settings.verify[0]",
                        "missing key \"port\""),
                bad("verify key type not maintained", "{'certificates': [{'name': 'example.com', 'key_types':"
                        + " ['rsa'], 'verify': [{'port': 443, 'key_types': 'ecdsa'}]}]}",
                        "certificates[0].verify[0].key_types", "certificate example.com has no ecdsa key to verify"),
                // hooks
                bad("unknown hook", "{'hooks': {'certificate_instaled': 'true'}}", "hooks.certificate_instaled",
                        "unknown hook \"certificate_instaled\" (did you mean certificate_installed?)"),
                bad("unknown hook field", "{'hooks': {'chain_installed': 'cp {cert_file} /srv'}}",
                        "hooks.chain_installed", "unknown field {cert_file} for hook chain_installed"),
                bad("unknown hook field in args", "{'hooks': {'sct_installed': [{'args': ['cp', '{sct_file}',"
                        + " '{domain}']}]}}", "hooks.sct_installed[0].args[2]",
                        "unknown field {domain} for hook sct_installed"),
                bad("passphrase field in a hook", "{'hooks': {'private_key_installed': 'x {passphrase}'}}",
                        "hooks.private_key_installed", "process list"),
                raw("unterminated quote in a hook", "{\"hooks\": {\"chain_installed\": \"cp '{chain_file} /srv\"}}",
                        "hooks.chain_installed", "a single quote is not closed"),
                bad("hook without args", "{'hooks': {'chain_installed': {'args': []}}}", "hooks.chain_installed.args",
                        "the list is empty"),
                bad("hook timeout zero", "{'hooks': {'chain_installed': {'args': ['x'], 'timeout': 0}}}",
                        "hooks.chain_installed.timeout", "must be between 1 and 86400, not 0"),
                bad("unknown field in http_challenge_dir", "{'settings': {'http_challenge_dir': '/var/www/{foo}'}}",
                        "settings.http_challenge_dir", "unknown field {foo}; the only field of http_challenge_dir"
                        + " is {fqdn}"),
                bad("format spec in http_challenge_dir", "{'settings': {'http_challenge_dir': '/var/{fqdn:>9}'}}",
                        "settings.http_challenge_dir", "\"{fqdn:>9}\" is not a field reference"),
                // CT logs
                bad("unknown CT log", "{'settings': {'ct_submit_logs': ['google_pilot']}}",
                        "settings.ct_submit_logs[0]", "unknown Certificate Transparency log \"google_pilot\";"
                        + " no log is defined in \"ct_logs\""),
                bad("CT log id too short", "{'ct_logs': {'x': {'url': 'https://ct.example.net/', 'id': 'AAAA'}}}",
                        "ct_logs.x.id", "a log ID is 32 bytes"),
                bad("CT log name with a slash", "{'ct_logs': {'../x': {'url': 'https://ct.example.net/', 'id':"
                        + " 'pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA='}}}", "ct_logs[\"../x\"]",
                        "cannot be a log name"),
                // other settings
                bad("plain http directory", "{'settings': {'acme_directory_url': 'http://ca.example.net/dir'}}",
                        "settings.acme_directory_url", "is not an https URL"),
                bad("unknown log level", "{'settings': {'log_level': 'info'}}", "settings.log_level",
                        "unknown log level \"info\""),
                bad("missing CA bundle", "{'settings': {'acme_ca_bundle': 'missing.pem'}}", "settings.acme_ca_bundle",
                        "does not exist"),
                bad("EAB key id without HMAC key", "{'account': {'eab_kid': 'kid'}}", "account.eab_hmac_key",
                        "needs both eab_kid and eab_hmac_key"),

                // names: traversal, shell metacharacters, IDN, control characters
                bad("traversal in an alt name", "{'certificates': [{'name': 'example.com', 'alt_names':"
                        + " {'example.com': ['@', '../x']}}]}", "certificates[0].alt_names[\"example.com\"][1]",
                        "\"../x.example.com\" has an empty label"),
                bad("traversal as a keyed name", "{'certificates': {'../x.example.com': {}}}",
                        "certificates[\"../x.example.com\"]", "contains a path separator"),
                bad("semicolon in a name", "{'certificates': [{'name': 'a;reboot.example.com'}]}",
                        "certificates[0].name", "has an invalid label \"a;reboot\""),
                bad("command substitution in a name", "{'certificates': [{'name': '$(reboot).example.com'}]}",
                        "certificates[0].name", "has an invalid label \"$(reboot)\""),
                bad("backquotes in an alt name", "{'certificates': [{'name': 'example.com', 'alt_names':"
                        + " {'example.com': ['@', '`id`']}}]}", "certificates[0].alt_names[\"example.com\"][1]",
                        "has an invalid label \"`id`\""),
                bad("blank in a name", "{'certificates': [{'name': 'a b.example.com'}]}", "certificates[0].name",
                        "has an invalid label \"a b\""),
                raw("NUL in a name", "{\"certificates\": [{\"name\": \"a\\u0000b.example.com\"}]}",
                        "certificates[0].name", "\"a\\0b.example.com\" is not a DNS name: it contains a control character"),
                bad("Punycode that does not decode", "{'certificates': [{'name': 'xn--zz9.example.com'}]}",
                        "certificates[0].name", "invalid label \"xn--zz9\": it is not valid Punycode"),
                bad("Punycode of a control character", "{'certificates': [{'name': 'www.xn--a.example.com'}]}",
                        "certificates[0].name",
                        "invalid label \"xn--a\": it is not the Punycode form of an internationalized label"),
                bad("an IDN and its Punycode as two certificates", "{'certificates': [{'name': 'b\u00fccher.example'},"
                        + " {'name': 'xn--bcher-kva.example'}]}", "certificates[1].name",
                        "certificate xn--bcher-kva.example is configured twice"),
                bad("IDN label too long once converted", "{'certificates': [{'name': '"
                        + "a".repeat(60) + "\u00fc.example.com'}]}", "certificates[0].name",
                        "\"" + "a".repeat(60) + "\u00fc.example.com\" has a label longer than 63 characters"),
                bad("label of 64 letters", "{'certificates': [{'name': '" + "a".repeat(64) + ".example.com'}]}",
                        "certificates[0].name", "\"" + "a".repeat(64) + ".example.com\" has a label longer than 63"),
                // hooks: shell metacharacters never reach a shell, and a field must be a field
                bad("shell metacharacters in a hook field", "{'hooks': {'certificate_installed':"
                        + " 'cp {certificate_file;reboot} /srv'}}", "hooks.certificate_installed",
                        "{certificate_file;reboot}"),
                bad("command substitution as a hook field", "{'hooks': {'chain_installed': 'cp {$(reboot)} /srv'}}",
                        "hooks.chain_installed", "{$(reboot)}"),
                bad("unclosed brace in a hook", "{'hooks': {'chain_installed': 'cp {chain_file /srv'}}",
                        "hooks.chain_installed", "brace"),
                bad("hook as a number", "{'hooks': {'chain_installed': 42}}", "hooks.chain_installed",
                        "found a whole number"));

    }

    /** A case written with single quotes for JSON's double quotes, for readability. */
    private static Case bad(String what, String json, String path, String problem) {
        return new Case(what, json.replace('\'', '"'), Optional.ofNullable(path), problem);
    }

    /** A case whose JSON is given exactly. */
    private static Case raw(String what, String json, String path, String problem) {
        return new Case(what, json, Optional.ofNullable(path), problem);
    }
}
