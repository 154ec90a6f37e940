package org.certmgr.ports.out;

import java.util.Objects;
import java.util.regex.Pattern;
import org.certmgr.domain.DnsName;

/**
 * One http-01 challenge: the CA will fetch
 * {@code http://<domain>/.well-known/acme-challenge/<token>} and expect {@code content}.
 *
 * @param domain  the name being validated
 * @param token   the token sent by the CA; checked to be base64url so it is a safe file name
 * @param content the key authorization to serve
 */
public record HttpChallenge(DnsName domain, String token, String content) {
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    /**
     * Validates the token: RFC 8555 §8.3 tokens are base64url, which also makes them a single path component
     * that cannot start with a dot.
     *
     * @param domain the name being validated
     * @param token the token sent by the CA; checked to be base64url so it is a safe file name
     * @param content the key authorization to serve
     */
    public HttpChallenge {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(content, "content");
        if (!BASE64URL.matcher(token).matches()) {
            throw new IllegalArgumentException("the CA sent a challenge token for " + domain
                    + " that is not base64url; refusing to use it as a file name");
        }
    }
}
