package org.certmgr.adapters.fs.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.StartTls;
import org.certmgr.domain.VerifyTarget;

/**
 * One {@code verify} entry as written, before it is applied to a certificate: hosts and key
 * types keep their paths so that a host that is not one of the certificate's names can be
 * reported where it was written.
 */
record VerifyEntry(JsonPath path, int port, Optional<StartTls> startTls, List<Ref<DnsName>> hosts,
                   List<Ref<KeyType>> keyTypes) {

    /** A value with the place it was written. */
    record Ref<T>(T value, JsonPath path) {
    }

    /** Reads a {@code verify} list; null is the empty list. */
    static List<VerifyEntry> readList(Node node) throws ConfigException {
        List<VerifyEntry> entries = new ArrayList<>();
        for (Node item : node.listOrNull()) {
            entries.add(read(item));
        }
        return List.copyOf(entries);
    }

    private static VerifyEntry read(Node item) throws ConfigException {
        if (item.isNumber()) {
            return new VerifyEntry(item.path(), item.integer(1, 65535), Optional.empty(), List.of(), List.of());
        }
        if (!item.isObject()) {
            throw item.expected("a port number or an object with \"port\"");
        }
        Section entry = item.object();
        int port = entry.require("port", "the port to connect to").integer(1, 65535);
        Optional<StartTls> startTls = Optional.empty();
        Optional<Node> protocol = entry.get("starttls");
        if (protocol.isPresent() && !protocol.get().isNull()) {
            startTls = Optional.of(startTls(protocol.get()));
        }
        List<Ref<DnsName>> hosts = new ArrayList<>();
        for (Node host : entry.stringOrList("hosts")) {
            try {
                hosts.add(new Ref<>(DnsName.of(host.nonEmptyString()), host.path()));
            } catch (InvalidValueException e) {
                throw host.invalid(e);
            }
        }
        List<Ref<KeyType>> keyTypes = new ArrayList<>();
        for (Node type : entry.stringOrList("key_types")) {
            try {
                keyTypes.add(new Ref<>(KeyType.parse(type.nonEmptyString()), type.path()));
            } catch (InvalidValueException e) {
                throw type.invalid(e);
            }
        }
        entry.finish();
        return new VerifyEntry(item.path(), port, startTls, List.copyOf(hosts), List.copyOf(keyTypes));
    }

    private static StartTls startTls(Node node) throws ConfigException {
        String text = node.string();
        for (StartTls protocol : StartTls.values()) {
            if (protocol.id().equals(text.toLowerCase(Locale.ROOT))) {
                return protocol;
            }
        }
        List<String> ids = new ArrayList<>();
        for (StartTls protocol : StartTls.values()) {
            ids.add(protocol.id());
        }
        throw node.error("unknown STARTTLS protocol \"" + text + "\"; expected null or one of " + String.join(", ", ids));
    }

    /**
     * Applies the entry to one certificate.
     *
     * @param certificate the certificate's name, for messages
     * @param names       the certificate's names
     * @param types       the certificate's key types
     * @param inherited   whether the entry comes from {@code settings.verify}
     */
    VerifyTarget resolve(String certificate, List<DnsName> names, Set<KeyType> types, boolean inherited,
                         Context context) throws ConfigException {
        String origin = inherited ? "; settings.verify applies to every certificate without its own \"verify\"" : "";
        List<DnsName> chosenHosts = new ArrayList<>();
        for (Ref<DnsName> host : hosts) {
            if (!names.contains(host.value())) {
                throw context.error(host.path(), host.value() + " is not one of the names of certificate "
                        + certificate + " (" + join(names) + ")" + origin);
            }
            if (!chosenHosts.contains(host.value())) {
                chosenHosts.add(host.value());
            }
        }
        Set<KeyType> chosenTypes = new LinkedHashSet<>();
        for (Ref<KeyType> type : keyTypes) {
            if (!types.contains(type.value())) {
                throw context.error(type.path(), "certificate " + certificate + " has no " + type.value()
                        + " key to verify" + origin);
            }
            chosenTypes.add(type.value());
        }
        return new VerifyTarget(port, startTls, chosenHosts.isEmpty() ? names : chosenHosts,
                chosenTypes.isEmpty() ? types : chosenTypes);
    }

    private static String join(List<DnsName> names) {
        List<String> text = new ArrayList<>();
        names.forEach(n -> text.add(n.ascii()));
        return String.join(", ", text);
    }
}
