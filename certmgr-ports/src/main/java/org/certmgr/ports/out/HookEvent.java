package org.certmgr.ports.out;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The moments at which configured hooks run, with the fields each offers to its command.
 *
 * <p>The spec also lists a {@code passphrase} field for {@link #PRIVATE_KEY_INSTALLED}; it is
 * not offered as a field because a command-line argument is visible to every user of the
 * machine in the process list. Hooks get it in their environment instead.
 */
public enum HookEvent {
    /** An http-01 challenge file was written. */
    SET_HTTP_CHALLENGE("domain", "challenge_file"),
    /** An http-01 challenge file was removed. */
    CLEAR_HTTP_CHALLENGE("domain", "challenge_file"),
    /** A private key file was installed. */
    PRIVATE_KEY_INSTALLED("key_name", "key_type", "private_key_file"),
    /** A certificate file ({@code cert.pem}) was installed. */
    CERTIFICATE_INSTALLED("key_name", "key_type", "certificate_name", "certificate_file"),
    /** A certificate file with the root ({@code cert+root.pem}) was installed. */
    FULL_CERTIFICATE_INSTALLED("key_name", "key_type", "certificate_name", "full_certificate_file"),
    /** An intermediate chain file ({@code chain.pem}) was installed. */
    CHAIN_INSTALLED("key_name", "key_type", "certificate_name", "chain_file"),
    /** A key-with-certificate file ({@code keys/key+cert.pem}) was installed. */
    FULL_KEY_INSTALLED("key_name", "key_type", "certificate_name", "full_key_file"),
    /** A Diffie-Hellman/EC parameters file ({@code params.pem}) was installed. */
    PARAMS_INSTALLED("key_name", "certificate_name", "params_file"),
    /** An SCT file was installed. */
    SCT_INSTALLED("key_name", "key_type", "certificate_name", "ct_log_name", "sct_file"),
    /** An OCSP response file was installed. */
    OCSP_INSTALLED("key_name", "key_type", "certificate_name", "ocsp_file"),
    /**
     * Once per run, after the files of every changed certificate are installed: certmgr's
     * addition. {@code certificate_names} is the changed certificates' names separated by
     * single spaces.
     */
    CERTIFICATES_UPDATED("certificate_names", "data_dir");

    private final List<String> fields;

    HookEvent(String... fields) {
        this.fields = List.of(fields);
    }

    /**
     * Returns the key of this hook in the {@code hooks} section.
     *
     * @return e.g. {@code certificate_installed}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the fields a command of this hook may use as {@code {field}}.
     *
     * @return field names in the order the spec lists them
     */
    public List<String> fields() {
        return fields;
    }

    /**
     * Finds the hook with a configuration key.
     *
     * @param id e.g. {@code "certificate_installed"}
     * @return the hook, or empty for an unknown key
     */
    public static Optional<HookEvent> byId(String id) {
        for (HookEvent event : values()) {
            if (event.id().equals(id)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
