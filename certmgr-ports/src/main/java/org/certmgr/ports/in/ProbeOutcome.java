package org.certmgr.ports.in;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.StartTls;

/**
 * The outcome of one probe: certificate × host × address × port × key type.
 *
 * @param certificate the certificate verified
 * @param host        the host name connected to (and sent as SNI)
 * @param address     the address connected to; empty when there was none to connect to
 * @param port        the TCP port
 * @param startTls    the STARTTLS protocol spoken first, if any
 * @param keyType     the key type asked for
 * @param verdict     what was found
 * @param detail      what differed or failed, in words; empty for {@link Verdict#OK}
 */
public record ProbeOutcome(CertificateName certificate, DnsName host, Optional<InetAddress> address, int port,
                           Optional<StartTls> startTls, KeyType keyType, Verdict verdict, String detail) {

    /**
     * Validates the values.
     *
     * @param certificate not null
     * @param host        not null
     * @param address     not null
     * @param port        the port
     * @param startTls    not null
     * @param keyType     not null
     * @param verdict     not null
     * @param detail      not null
     */
    public ProbeOutcome {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(startTls, "startTls");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Tells whether the probe found everything right.
     *
     * @return true for {@link Verdict#OK}
     */
    public boolean ok() {
        return verdict == Verdict.OK;
    }

    /**
     * Describes where the probe went, for reports.
     *
     * @return e.g. {@code mail.example.com [2001:db8::1]:25 (smtp) ecdsa}
     */
    public String where() {
        String at = address.map(a -> a instanceof Inet6Address ? "[" + compressed(a) + "]" : a.getHostAddress())
                .orElse("-");
        return host.ascii() + " " + at + ":" + port + startTls.map(s -> " (" + s.id() + ")").orElse("") + " " + keyType;
    }

    /** The RFC 5952 text of an IPv6 address: the longest run of two or more zero groups becomes {@code ::}. */
    private static String compressed(InetAddress address) {
        String[] groups = address.getHostAddress().replaceFirst("%.*$", "").split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
