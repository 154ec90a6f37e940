package org.certmgr.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a certificate's {@code params.pem} holds: Diffie-Hellman parameters and EC
 * parameters, each optional. Servers such as nginx and Apache read both from the end of
 * {@code cert.pem}.
 *
 * @param dhBits     size of the DH parameters, 0 for none
 * @param generateDh whether to generate fresh primes (slow) instead of using the RFC 7919
 *                   group of that size (instant, and what Mozilla's TLS guide recommends)
 * @param ecCurve    the OpenSSL name of the curve of the EC parameters, or empty for none
 */
public record ParamsSpec(int dhBits, boolean generateDh, Optional<String> ecCurve) {
    /** No parameters at all: no {@code params.pem}. */
    public static final ParamsSpec NONE = new ParamsSpec(0, false, Optional.empty());

    /**
     * Validates the values.
     *
     * @param dhBits size of the DH parameters, 0 for none
     * @param generateDh whether to generate fresh primes instead of using the RFC 7919 group
     * @param ecCurve the curve of the EC parameters, or empty for none
     */
    public ParamsSpec {
        if (dhBits < 0) {
            throw new InvalidValueException("dhparam_size cannot be negative");
        }
        Objects.requireNonNull(ecCurve, "ecCurve");
    }

    /**
     * Tells whether there are no parameters to write.
     *
     * @return true when neither DH nor EC parameters are configured
     */
    public boolean isEmpty() {
        return dhBits == 0 && ecCurve.isEmpty();
    }
}
