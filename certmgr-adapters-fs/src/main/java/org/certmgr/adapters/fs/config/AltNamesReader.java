package org.certmgr.adapters.fs.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certmgr.adapters.fs.config.VerifyEntry.Ref;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.InvalidValueException;

/**
 * Reads a certificate's {@code alt_names}: zone → host names relative to the zone, {@code "@"}
 * standing for the zone itself. The result starts with the common name, then the other
 * names in configuration order, each once.
 */
final class AltNamesReader {

    private AltNamesReader() {
    }

    /**
     * Reads the names.
     *
     * @param body     the certificate
     * @param name     its name
     * @param namePath where the name is written, for the common name when {@code alt_names} is absent
     */
    static List<Ref<DnsName>> read(Section body, CertificateName name, JsonPath namePath) throws ConfigException {
        DnsName commonName = name.dnsName();
        Optional<Node> node = body.get("alt_names");
        if (node.isEmpty() || node.get().isNull()) {
            return List.of(new Ref<>(commonName, namePath));
        }
        Section zones = node.get().object();
        List<Ref<DnsName>> names = new ArrayList<>();
        Set<DnsName> seen = new HashSet<>();
        for (Map.Entry<String, Node> zone : zones.entries()) {
            String zoneName = zone.getKey().trim();
            for (Node host : zone.getValue().list()) {
                DnsName alt = name(host, zoneName);
                if (seen.add(alt)) {
                    names.add(new Ref<>(alt, host.path()));
                } else {
                    host.context().warn(host.path(), alt + " is listed twice; the repeat is ignored");
                }
            }
        }
        if (!seen.contains(commonName)) {
            throw node.get().error("the common name " + commonName + " must be one of the alternative names;"
                    + " add \"@\" to the zone \"" + commonName + "\", or its first label to its parent zone");
        }
        List<Ref<DnsName>> ordered = new ArrayList<>();
        names.stream().filter(ref -> ref.value().equals(commonName)).forEach(ordered::add);
        names.stream().filter(ref -> !ref.value().equals(commonName)).forEach(ordered::add);
        return ordered;
    }

    private static DnsName name(Node host, String zone) throws ConfigException {
        String text = host.nonEmptyString().trim();
        String fqdn = text.equals("@") ? zone : text + "." + zone;
        if (!text.equals("@") && (text.equalsIgnoreCase(zone) || text.toLowerCase(Locale.ROOT).endsWith("." + zone.toLowerCase(Locale.ROOT)))) {
            host.context().warn(host.path(), "\"" + text + "\" is relative to the zone, so it stands for " + fqdn
                    + "; write \"@\" or the part before \"." + zone + "\" if that is not meant");
        }
        try {
            return DnsName.of(fqdn);
        } catch (InvalidValueException e) {
            throw host.invalid(e);
        }
    }
}
