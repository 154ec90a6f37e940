package org.certmgr.adapters.acme;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.exception.AcmeException;
import org.slf4j.LoggerFactory;

/**
 * Picks the chain to install among those the CA offers ({@code preferred_chain}): the first
 * chain, default first, in which any certificate was issued by a CA with that common name.
 * Without a match the default chain is installed and a warning logged, as Certbot and lego do.
 */
final class ChainChooser {

    private ChainChooser() {
    }

    static List<X509Certificate> choose(Certificate certificate, String preferredIssuer, String names)
            throws AcmeException {
        List<List<X509Certificate>> chains = new ArrayList<>();
        chains.add(certificate.getCertificateChain());
        for (Certificate alternate : certificate.getAlternateCertificates()) {
            chains.add(alternate.getCertificateChain());
        }
        for (List<X509Certificate> chain : chains) {
            if (chain.stream().anyMatch(c -> preferredIssuer.equalsIgnoreCase(issuerCommonName(c)))) {
                return chain;
            }
        }
        LoggerFactory.getLogger(ChainChooser.class).warn("none of the {} chains offered for {} has an issuer named"
                + " \"{}\" (preferred_chain); installing the default chain", chains.size(), names, preferredIssuer);
        return chains.get(0);
    }

    /** The common name of a certificate's issuer, or "" when it has none. */
    static String issuerCommonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getIssuerX500Principal().getName()).getRdns()) {
                if (rdn.getType().toUpperCase(Locale.ROOT).equals("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            // An issuer name the JDK itself produced is always parseable; treat the impossible as no match.
        }
        return "";
    }
}
