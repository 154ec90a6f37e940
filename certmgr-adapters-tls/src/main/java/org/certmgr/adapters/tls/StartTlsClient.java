package org.certmgr.adapters.tls;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.StartTls;

/**
 * The client side of each STARTTLS upgrade: after {@link #upgrade} returns, the server waits
 * for the TLS ClientHello on the same connection.
 */
final class StartTlsClient {
    /** LDAP ExtendedRequest (message 1) for StartTLS, OID 1.3.6.1.4.1.1466.20037 (RFC 4511 4.14). */
    private static final byte[] LDAP_START_TLS = ldapStartTls();

    private StartTlsClient() {
    }

    /**
     * Speaks the protocol's plain-text part up to the server's go-ahead.
     *
     * @throws IOException when the server refuses, answers something else, or times out
     */
    static void upgrade(StartTls protocol, Socket socket, DnsName host) throws IOException {
        PlainChannel channel = new PlainChannel(socket);
        switch (protocol) {
            case SMTP -> smtp(channel);
            case POP3 -> pop3(channel);
            case IMAP -> imap(channel);
            case SIEVE -> sieve(channel);
            case FTP -> ftp(channel);
            case XMPP -> xmpp(channel, host);
            case LDAP -> ldap(channel);
            default -> throw new IllegalArgumentException(protocol.id());
        }
    }

    /** RFC 5321 greeting and EHLO, then RFC 3207 STARTTLS. */
    private static void smtp(PlainChannel channel) throws IOException {
        expectReply(channel, "220", "greeting");
        channel.writeLine("EHLO certmgr.invalid");
        String ehlo = expectReply(channel, "250", "EHLO");
        if (!ehlo.toUpperCase(java.util.Locale.ROOT).contains("STARTTLS")) {
            throw new IOException("the server does not offer STARTTLS after EHLO");
        }
        channel.writeLine("STARTTLS");
        expectReply(channel, "220", "STARTTLS");
    }

    /** RFC 2595 section 4: STLS. */
    private static void pop3(PlainChannel channel) throws IOException {
        expectPrefix(channel.readLine(), "+OK", "greeting");
        channel.writeLine("STLS");
        expectPrefix(channel.readLine(), "+OK", "STLS");
    }

    /** RFC 2595 section 3 (RFC 9051 6.2.1): tagged STARTTLS, skipping untagged lines. */
    private static void imap(PlainChannel channel) throws IOException {
        expectPrefix(channel.readLine(), "* OK", "greeting");
        channel.writeLine("a1 STARTTLS");
        String line;
        do {
            line = channel.readLine();
        } while (line.startsWith("* "));
        expectPrefix(line, "a1 OK", "STARTTLS");
    }

    /** RFC 5804 section 1.7 and 2.2: capabilities end with OK; STARTTLS is answered with OK. */
    private static void sieve(PlainChannel channel) throws IOException {
        boolean offered = false;
        String line;
        while (!isSieveResponse(line = channel.readLine())) {
            offered |= line.equalsIgnoreCase("\"STARTTLS\"");
        }
        expectPrefix(line, "OK", "greeting");
        if (!offered) {
            throw new IOException("the server does not offer STARTTLS");
        }
        channel.writeLine("STARTTLS");
        expectPrefix(channel.readLine(), "OK", "STARTTLS");
    }

    private static boolean isSieveResponse(String line) {
        String upper = line.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("OK") || upper.startsWith("NO") || upper.startsWith("BYE");
    }

    /** RFC 4217 section 4: AUTH TLS, answered with 234. */
    private static void ftp(PlainChannel channel) throws IOException {
        expectReply(channel, "220", "greeting");
        channel.writeLine("AUTH TLS");
        expectReply(channel, "234", "AUTH TLS");
    }

    /** RFC 6120 section 5.4: stream header, features with starttls, then proceed. */
    private static void xmpp(PlainChannel channel, DnsName host) throws IOException {
        channel.writeText("<?xml version='1.0'?><stream:stream to='" + host.ascii() + "' version='1.0'"
                + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
        String features = channel.readUntil("</stream:features>", "</stream:stream>");
        if (!features.contains("urn:ietf:params:xml:ns:xmpp-tls")) {
            throw new IOException("the server does not offer starttls in its stream features");
        }
        channel.writeText("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        String answer = channel.readUntil("/>", "</failure>", "</stream:stream>");
        if (!answer.contains("<proceed")) {
            throw new IOException("the server answered " + abbreviate(answer.strip()) + " instead of <proceed/>");
        }
    }

    /** RFC 4511 section 4.14: StartTLS extended operation; resultCode 0 is success. */
    private static void ldap(PlainChannel channel) throws IOException {
        channel.write(LDAP_START_TLS);
        byte[] head = channel.readBytes(2);
        if (head[0] != 0x30 || (head[1] & 0x80) != 0) {
            throw new IOException("the server's answer is not a short LDAP message");
        }
        byte[] message = channel.readBytes(head[1]);
        // messageID (02 01 01), ExtendedResponse (78 len), resultCode (0a 01 code)
        if (message.length < 8 || message[0] != 0x02 || message[3] != 0x78 || message[5] != 0x0a
                || message[6] != 0x01) {
            throw new IOException("the server's answer is not an LDAP ExtendedResponse");
        }
        if (message[7] != 0) {
            throw new IOException("the server refused StartTLS (LDAP result code " + message[7] + ")");
        }
    }

    private static byte[] ldapStartTls() {
        byte[] oid = "1.3.6.1.4.1.1466.20037".getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[7 + 2 + oid.length];
        int i = 0;
        message[i++] = 0x30;
        message[i++] = (byte) (3 + 2 + 2 + oid.length);
        message[i++] = 0x02;
        message[i++] = 0x01;
        message[i++] = 0x01;
        message[i++] = 0x77;
        message[i++] = (byte) (2 + oid.length);
        message[i++] = (byte) 0x80;
        message[i++] = (byte) oid.length;
        System.arraycopy(oid, 0, message, i, oid.length);
        return message;
    }

    /**
     * Reads a reply of SMTP or FTP with its continuation lines ({@code 250-...}), which ends
     * with the line that starts with the code and a space; returns all lines.
     */
    private static String expectReply(PlainChannel channel, String code, String step) throws IOException {
        String line = channel.readLine();
        if (!line.startsWith(code)) {
            throw new IOException(step + ": expected " + code + ", the server answered " + abbreviate(line));
        }
        StringBuilder all = new StringBuilder(line).append('\n');
        int lines = 1;
        while (line.startsWith(code + "-")) {
            line = channel.readLine();
            all.append(line).append('\n');
            if (++lines > 1000) {
                throw new IOException(step + ": the reply does not end");
            }
        }
        return all.toString();
    }

    private static void expectPrefix(String line, String prefix, String step) throws IOException {
        if (!line.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new IOException(step + ": expected " + prefix + ", the server answered " + abbreviate(line));
        }
    }

    private static String abbreviate(String text) {
        return '"' + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + '"';
    }
}
