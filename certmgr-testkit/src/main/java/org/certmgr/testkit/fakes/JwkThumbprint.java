package org.certmgr.testkit.fakes;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The RFC 7638 JWK thumbprint of an account key, which makes the http-01 key authorization
 * {@code token + "." + thumbprint} (RFC 8555 §8.1).
 */
final class JwkThumbprint {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private JwkThumbprint() {
    }

    /**
     * Computes the thumbprint.
     *
     * @param key an RSA or EC (P-256/384/521) public key
     * @return the base64url SHA-256 thumbprint
     */
    static String of(PublicKey key) {
        String jwk;
        if (key instanceof RSAPublicKey) {
            RSAPublicKey rsa = (RSAPublicKey) key;
            // Members in lexicographic order, no whitespace: the RFC 7638 canonical form.
            jwk = "{\"e\":\"" + unsigned(rsa.getPublicExponent(), 0) + "\",\"kty\":\"RSA\",\"n\":\""
                    + unsigned(rsa.getModulus(), 0) + "\"}";
        } else if (key instanceof ECPublicKey) {
            ECPublicKey ec = (ECPublicKey) key;
            int fieldSize = ec.getParams().getCurve().getField().getFieldSize();
            int length = (fieldSize + 7) / 8;
            jwk = "{\"crv\":\"P-" + fieldSize + "\",\"kty\":\"EC\",\"x\":\""
                    + unsigned(ec.getW().getAffineX(), length) + "\",\"y\":\""
                    + unsigned(ec.getW().getAffineY(), length) + "\"}";
        } else {
            throw new IllegalArgumentException("unsupported account key algorithm " + key.getAlgorithm());
        }
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(jwk.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Base64url of the big-endian bytes without sign byte, left-padded to {@code length} if given. */
    private static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length < length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return BASE64URL.encodeToString(bytes);
    }
}
