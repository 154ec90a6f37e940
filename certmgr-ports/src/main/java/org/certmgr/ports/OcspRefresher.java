package org.certmgr.ports;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.OcspClient;
import org.certmgr.ports.out.OcspException;
import org.certmgr.ports.out.OcspResponse;
import org.certmgr.ports.out.OcspStatus;

/**
 * Keeps the {@code ocsp.der} of one key type fresh: asks the responder only when there is no
 * good installed response or it passed its refresh point, and offers a new file only when the
 * new response is good and differs from the installed one.
 */
final class OcspRefresher {
    /**
     * What a refresh found.
     *
     * @param fresh    the new good response for {@code ocsp.der}; empty to keep what is installed
     * @param revoked  whether the responder reports the certificate revoked
     * @param warnings problems worth telling, each naming the key type
     */
    record Result(Optional<OcspResponse> fresh, boolean revoked, List<String> warnings) {
        static final Result NOTHING = new Result(Optional.empty(), false, List.of());
    }

    private final OcspClient client;
    private final Clock clock;

    OcspRefresher(OcspClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * Refreshes the response of one key type.
     *
     * @param chain     the installed or new chain, leaf first
     * @param installed the installed {@code ocsp.der} of this very certificate, if any
     */
    Result refresh(CertificateSpec spec, KeyType type, List<X509Certificate> chain, Optional<byte[]> installed)
            throws InterruptedException {
        if (chain.size() < 2 || !spec.ocspEnabled()) {
            return Result.NOTHING;
        }
        X509Certificate leaf = chain.get(0);
        X509Certificate issuer = chain.get(1);
        List<String> urls = client.responderUrls(leaf);
        if (urls.isEmpty()) {
            urls = spec.ocspResponderUrls();
        }
        if (urls.isEmpty()) {
            return Result.NOTHING;
        }
        if (installed.isPresent() && stillGood(installed.get(), leaf, issuer)) {
            return Result.NOTHING;
        }
        String file = CertificateFiles.ocsp(type);
        List<String> failures = new ArrayList<>();
        for (String url : urls) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while asking OCSP responders");
            }
            try {
                return judge(client.fetch(leaf, issuer, url), url, type, file, installed);
            } catch (OcspException e) {
                failures.add(url + ": " + e.getMessage());
            }
        }
        return warning("no valid OCSP response for the " + type + " certificate (" + String.join("; ", failures)
                + ")" + kept(file, installed));
    }

    private boolean stillGood(byte[] installed, X509Certificate leaf, X509Certificate issuer) {
        try {
            OcspResponse response = client.read(installed, leaf, issuer);
            return response.status() == OcspStatus.GOOD && clock.instant().isBefore(response.refreshAt());
        } catch (OcspException e) {
            return false;
        }
    }

    private static Result judge(OcspResponse response, String url, KeyType type, String file,
                                Optional<byte[]> installed) {
        switch (response.status()) {
            case GOOD:
                boolean same = installed.map(old -> Arrays.equals(old, response.der())).orElse(false);
                return same ? Result.NOTHING : new Result(Optional.of(response), false, List.of());
            case REVOKED:
                return new Result(Optional.empty(), true, List.of());
            default:
                return warning("the OCSP responder " + url + " does not know the " + type + " certificate (status "
                        + "unknown)" + kept(file, installed));
        }
    }

    private static String kept(String file, Optional<byte[]> installed) {
        return installed.isPresent() ? "; the installed " + file + " is kept" : "; no " + file + " installed";
    }

    private static Result warning(String text) {
        return new Result(Optional.empty(), false, List.of(text));
    }
}
