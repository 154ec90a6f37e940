package org.certmgr.domain;

import java.util.Objects;

/**
 * The parameters of a key to generate or found installed: RSA with a size, or ECDSA on a
 * curve.
 */
public sealed interface KeySpec permits KeySpec.Rsa, KeySpec.Ec {

    /**
     * Returns the key type these parameters belong to.
     *
     * @return RSA or ECDSA
     */
    KeyType type();

    /**
     * An RSA key.
     *
     * @param bits modulus size, 2048 to 8192 in steps of 1024
     */
    record Rsa(int bits) implements KeySpec {
        /** Minimum size accepted by public CAs. */
        public static final int MIN_BITS = 2048;
        /** Largest size certmgr generates. */
        public static final int MAX_BITS = 8192;

        /**
         * Validates the size.
         *
         * @param bits modulus size
         */
        public Rsa {
            if (bits < MIN_BITS || bits > MAX_BITS || bits % 1024 != 0) {
                throw new InvalidValueException("RSA key size " + bits + " is not supported; use 2048, 3072, 4096"
                        + " (the default) or another multiple of 1024 up to 8192");
            }
        }

        @Override
        public KeyType type() {
            return KeyType.RSA;
        }

        @Override
        public String toString() {
            return "RSA " + bits;
        }
    }

    /**
     * An ECDSA key.
     *
     * @param curve the curve
     */
    record Ec(EcCurve curve) implements KeySpec {
        /**
         * Checks the curve is present.
         *
         * @param curve the curve
         */
        public Ec {
            Objects.requireNonNull(curve, "curve");
        }

        @Override
        public KeyType type() {
            return KeyType.ECDSA;
        }

        @Override
        public String toString() {
            return "ECDSA " + curve.id();
        }
    }
}
