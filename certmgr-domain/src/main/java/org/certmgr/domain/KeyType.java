package org.certmgr.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of certificate key certmgr maintains side by side. */
public enum KeyType {
    /** RSA keys, folder {@code rsa}. */
    RSA("rsa"),
    /** ECDSA keys, folder {@code ecdsa}. */
    ECDSA("ecdsa");

    private final String id;

    KeyType(String id) {
        this.id = id;
    }

    /**
     * Returns the name used in the configuration and as folder name.
     *
     * @return {@code rsa} or {@code ecdsa}
     */
    public String id() {
        return id;
    }

    /**
     * Parses a key type name from the configuration.
     *
     * @param text {@code "rsa"} or {@code "ecdsa"}, any case
     * @return the key type
     * @throws InvalidValueException for any other text
     */
    public static KeyType parse(String text) {
        for (KeyType type : values()) {
            if (type.id.equals(text.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new InvalidValueException("unknown key type \"" + text + "\"; expected one of "
                + Arrays.stream(values()).map(t -> '"' + t.id + '"').collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
