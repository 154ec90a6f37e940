package org.certmgr.ports;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.in.AuthorizeNames;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.RevokeCertificates;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;
import org.certmgr.ports.out.Maintenance;
import org.certmgr.ports.out.StoreException;

/**
 * The {@code auth} and {@code revoke} use cases: what a certificate's owner asks of the CA
 * besides issuing. Certificates are handled one after the other: these actions are rare and
 * their order in the output should be the configuration's.
 */
final class AuthorityService implements AuthorizeNames, RevokeCertificates {
    private final Configuration configuration;
    private final AccountSessions accounts;
    private final ChallengeResponder responder;
    private final CertificateStore store;
    private final KeyMaterial keys;
    private final AcmeTiming timing;

    AuthorityService(Configuration configuration, AccountSessions accounts, ChallengeResponder responder,
                     CertificateStore store, KeyMaterial keys) {
        this.configuration = configuration;
        this.accounts = accounts;
        this.responder = responder;
        this.store = store;
        this.keys = keys;
        this.timing = configuration.timing();
    }

    @Override
    public RunReport authorize(List<String> names) throws InterruptedException {
        List<CertificateOutcome> outcomes = new ArrayList<>();
        for (CertificateSpec spec : select(names)) {
            try {
                accounts.session().authorize(spec.altNames(), responder, timing);
                outcomes.add(outcome(spec, List.of("authorized " + String.join(", ",
                        spec.altNames().stream().map(DnsName::ascii).toList())), Optional.empty()));
            } catch (CertmgrException | CaException e) {
                outcomes.add(outcome(spec, List.of(), Optional.of(e.getMessage())));
            }
        }
        return new RunReport(outcomes);
    }

    @Override
    public RunReport revoke(RevokeCommand command) throws InterruptedException {
        List<CertificateOutcome> outcomes = new ArrayList<>();
        for (CertificateSpec spec : select(command.names())) {
            List<String> actions = new ArrayList<>();
            try {
                FileSet files = store.current(spec.name()).orElseThrow(() -> new CertmgrException(
                        "no certificate is installed for " + spec.name() + ", so there is nothing to revoke"));
                for (KeyType type : KeyType.values()) {
                    Optional<String> pem = files.text(CertificateFiles.cert(type));
                    if (pem.isEmpty()) {
                        continue;
                    }
                    X509Certificate leaf = leaf(pem.get(), type);
                    accounts.session().revoke(leaf, command.reason());
                    actions.add("revoked the " + type + " certificate (serial " + leaf.getSerialNumber().toString(16)
                            + ", reason " + command.reason() + ")");
                }
                Set<DnsName> aliases = new HashSet<>(spec.altNames());
                aliases.remove(spec.commonName());
                Maintenance retired = store.retire(spec.name(), aliases);
                actions.addAll(retired.actions());
                outcomes.add(outcome(spec, actions, Optional.empty()));
            } catch (CertmgrException | CaException | StoreException e) {
                outcomes.add(outcome(spec, actions, Optional.of(e.getMessage()
                        + (actions.isEmpty() ? "" : "; the files stay installed: revoke again once this is fixed"))));
            }
        }
        return new RunReport(outcomes);
    }

    private X509Certificate leaf(String pem, KeyType type) throws CertmgrException {
        try {
            List<X509Certificate> chain = keys.decodeCertificates(pem);
            if (chain.isEmpty()) {
                throw new CertmgrException(CertificateFiles.cert(type) + " holds no certificate");
            }
            return chain.get(0);
        } catch (KeyMaterialException e) {
            throw new CertmgrException("cannot read " + CertificateFiles.cert(type) + ": " + e.getMessage(), e);
        }
    }

    private List<CertificateSpec> select(List<String> names) {
        try {
            return configuration.select(names);
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static CertificateOutcome outcome(CertificateSpec spec, List<String> actions, Optional<String> error) {
        return new CertificateOutcome(spec.name(), List.of(), List.of(), List.of(), List.of(), error, actions,
                List.of());
    }
}
