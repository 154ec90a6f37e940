package org.certmgr.domain;

import java.util.List;
import java.util.Locale;

/** The elliptic curves certmgr generates ECDSA keys on: those public CAs accept. */
public enum EcCurve {
    /** NIST P-256. */
    SECP256R1("secp256r1", "P-256", "prime256v1"),
    /** NIST P-384, the default. */
    SECP384R1("secp384r1", "P-384"),
    /** NIST P-521; not every CA accepts it (Let's Encrypt does not). */
    SECP521R1("secp521r1", "P-521");

    private final String id;
    private final List<String> aliases;

    EcCurve(String id, String... aliases) {
        this.id = id;
        this.aliases = List.of(aliases);
    }

    /**
     * Returns the SEC 2 name used in the configuration.
     *
     * @return e.g. {@code secp384r1}
     */
    public String id() {
        return id;
    }

    /**
     * Parses a curve name: the SEC 2 name, the NIST name or OpenSSL's alias.
     *
     * @param text e.g. {@code "secp384r1"} or {@code "P-384"}
     * @return the curve
     * @throws InvalidValueException for an unsupported curve
     */
    public static EcCurve parse(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        for (EcCurve curve : values()) {
            if (curve.id.equals(wanted) || curve.aliases.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(wanted))) {
                return curve;
            }
        }
        throw new InvalidValueException("unsupported curve \"" + text
                + "\"; expected \"secp256r1\", \"secp384r1\" or \"secp521r1\"");
    }

    @Override
    public String toString() {
        return id;
    }
}
