package org.certmgr.adapters.fs.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.Passphrase;

/** Readers for the kinds of value that appear in several places of the configuration. */
final class Values {
    /** The sizes of the RFC 7919 finite-field groups, the parameters certmgr installs by default. */
    static final Set<Integer> DH_SIZES = Set.of(2048, 3072, 4096, 6144, 8192);

    private static final Pattern CURVE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]{0,63}\\$?");

    private Values() {
    }

    /** Reads a passphrase: null or false for none, true to ask at run time, or the passphrase itself. */
    static Passphrase passphrase(Node node) throws ConfigException {
        if (node.isNull()) {
            return Passphrase.NONE;
        }
        if (node.isBoolean()) {
            return node.bool() ? new Passphrase.AskAtRunTime() : Passphrase.NONE;
        }
        if (!node.isText()) {
            throw node.expected("null, false, true or a passphrase string");
        }
        String text = node.string();
        if (text.isEmpty()) {
            throw node.error("a passphrase cannot be empty; use null for unencrypted keys");
        }
        return new Passphrase.Fixed(text);
    }

    /** Reads {@code key_size}: 0 or null turn RSA off. */
    static Optional<KeySpec.Rsa> rsa(Node node) throws ConfigException {
        if (node.isNull()) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            throw node.expected("a whole number of bits (e.g. 4096), or 0 or null to turn RSA keys off");
        }
        int bits = node.integer(0, KeySpec.Rsa.MAX_BITS);
        if (bits == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KeySpec.Rsa(bits));
        } catch (InvalidValueException e) {
            throw node.invalid(e);
        }
    }

    /** Reads {@code key_curve}: null turns ECDSA off. */
    static Optional<KeySpec.Ec> ecdsa(Node node) throws ConfigException {
        if (node.isNull()) {
            return Optional.empty();
        }
        if (!node.isText()) {
            throw node.expected("a curve name such as \"secp384r1\", or null to turn ECDSA keys off");
        }
        try {
            return Optional.of(new KeySpec.Ec(EcCurve.parse(node.string())));
        } catch (InvalidValueException e) {
            throw node.invalid(e);
        }
    }

    /** Reads {@code dhparam_size}: 0 or null for no Diffie-Hellman parameters. */
    static int dhparamSize(Node node) throws ConfigException {
        if (node.isNull()) {
            return 0;
        }
        int bits = node.integer(0, 16384);
        if (bits != 0 && !DH_SIZES.contains(bits)) {
            throw node.error("Diffie-Hellman parameter size " + bits + " is not supported; use 2048, 3072, 4096,"
                    + " 6144 or 8192 (the RFC 7919 groups), or 0 or null for none");
        }
        return bits;
    }

    /** Reads {@code ecparam_curve}: an OpenSSL curve name, or null for no EC parameters. */
    static Optional<String> ecparamCurve(Node node) throws ConfigException {
        if (node.isNull()) {
            return Optional.empty();
        }
        String name = node.nonEmptyString();
        if (!CURVE_NAME.matcher(name).matches()) {
            throw node.error("\"" + name + "\" is not a curve name (e.g. \"secp384r1\" or \"prime256v1\")");
        }
        return Optional.of(name);
    }

    /** Reads an absolute http or https URL. */
    static URI url(Node node, boolean httpsOnly) throws ConfigException {
        String text = node.nonEmptyString();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw node.error("\"" + text + "\" is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeOk = httpsOnly ? scheme.equals("https") : scheme.equals("https") || scheme.equals("http");
        if (!schemeOk || uri.getHost() == null) {
            throw node.error("\"" + text + "\" is not " + (httpsOnly ? "an https" : "an http or https")
                    + " URL with a host");
        }
        return uri;
    }

    /** Reads a list of http or https URLs; null is the empty list. */
    static List<String> urls(Node node) throws ConfigException {
        Set<String> urls = new LinkedHashSet<>();
        for (Node item : node.listOrNull()) {
            urls.add(url(item, false).toString());
        }
        return List.copyOf(urls);
    }

    /** Reads a path; a relative one is taken relative to the configuration file's folder. */
    static Path path(Node node) throws ConfigException {
        String text = node.nonEmptyString();
        try {
            return node.context().resolve(text);
        } catch (InvalidPathException e) {
            throw node.error("\"" + text + "\" is not a valid path: " + e.getReason());
        }
    }

    /** Reads a user or group name (or number) for file ownership. */
    static Optional<String> accountName(Node node) throws ConfigException {
        if (node.isNull()) {
            return Optional.empty();
        }
        String name = node.nonEmptyString();
        if (!ACCOUNT_NAME.matcher(name).matches()) {
            throw node.error("\"" + name + "\" is not a user or group name");
        }
        return Optional.of(name);
    }
}
