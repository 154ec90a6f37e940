package org.certmgr.testkit.tls;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.certmgr.domain.StartTls;

/**
 * The server side of each STARTTLS upgrade, strict about the order its RFC prescribes: a
 * client that skips a step (SMTP STARTTLS before EHLO, for instance) gets an error and no TLS.
 */
final class StartTlsServerSide {
    private static final int MAX_BYTES = 64 * 1024;
    private final InputStream in;
    private final OutputStream out;
    private int budget = MAX_BYTES;

    private StartTlsServerSide(Socket socket) throws IOException {
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Runs the plain-text part; when it returns normally the client may start TLS.
     *
     * @throws IOException when the client deviates from the protocol (after an error reply)
     */
    static void serve(StartTls protocol, Socket socket) throws IOException {
        StartTlsServerSide side = new StartTlsServerSide(socket);
        switch (protocol) {
            case SMTP -> side.smtp();
            case POP3 -> side.pop3();
            case IMAP -> side.imap();
            case SIEVE -> side.sieve();
            case FTP -> side.ftp();
            case XMPP -> side.xmpp();
            case LDAP -> side.ldap();
            default -> throw new IllegalArgumentException(protocol.id());
        }
    }

    /** RFC 3207: greeting, EHLO lists STARTTLS, STARTTLS gets 220. */
    private void smtp() throws IOException {
        line("220 test.invalid ESMTP ready");
        String ehlo = readLine();
        if (!upper(ehlo).startsWith("EHLO ")) {
            refuse("503 5.5.1 EHLO first");
        }
        line("250-test.invalid greets you");
        line("250-PIPELINING");
        line("250 STARTTLS");
        expect("STARTTLS", "501 5.5.4 expected STARTTLS");
        line("220 2.0.0 Ready to start TLS");
    }

    /** RFC 2595 section 4. */
    private void pop3() throws IOException {
        line("+OK test POP3 ready");
        expect("STLS", "-ERR expected STLS");
        line("+OK Begin TLS negotiation");
    }

    /** RFC 2595 section 3: tagged STARTTLS, tagged OK. */
    private void imap() throws IOException {
        line("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] test ready");
        String command = readLine();
        String[] parts = command.split(" ", 2);
        if (parts.length != 2 || !upper(parts[1]).equals("STARTTLS")) {
            refuse((parts.length > 0 ? parts[0] : "*") + " BAD expected STARTTLS");
        }
        line(parts[0] + " OK Begin TLS negotiation now");
    }

    /** RFC 5804: capabilities including "STARTTLS", OK; STARTTLS gets OK. */
    private void sieve() throws IOException {
        line("\"IMPLEMENTATION\" \"certmgr test\"");
        line("\"SASL\" \"\"");
        line("\"SIEVE\" \"fileinto\"");
        line("\"STARTTLS\"");
        line("\"VERSION\" \"1.0\"");
        line("OK");
        expect("STARTTLS", "NO \"expected STARTTLS\"");
        line("OK \"Begin TLS negotiation now\"");
    }

    /** RFC 4217 section 4: AUTH TLS gets 234. */
    private void ftp() throws IOException {
        line("220-test FTP server");
        line("220 ready");
        expect("AUTH TLS", "504 expected AUTH TLS");
        line("234 AUTH TLS successful");
    }

    /** RFC 6120 section 5.4.2: stream header, features with starttls, proceed. */
    private void xmpp() throws IOException {
        String header = readUntil(">");
        if (header.startsWith("<?xml")) {
            header = readUntil(">");
        }
        if (!header.contains("<stream:stream") || !header.contains("http://etherx.jabber.org/streams")) {
            refuse("<stream:error><bad-format xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
        }
        text("<?xml version='1.0'?><stream:stream from='test.invalid' id='t1' version='1.0' xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams'><stream:features><starttls"
                + " xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>");
        String command = readUntil("/>", "</starttls>");
        if (!command.contains("<starttls") || !command.contains("urn:ietf:params:xml:ns:xmpp-tls")) {
            refuse("<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:stream>");
        }
        text("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    }

    /** RFC 4511 section 4.14: ExtendedRequest with the StartTLS OID, ExtendedResponse success. */
    private void ldap() throws IOException {
        int tag = next();
        int length = next();
        if (tag != 0x30 || (length & 0x80) != 0) {
            throw new IOException("not a short LDAP message");
        }
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) next();
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (body.length < 5 || body[3] != 0x77 || !text.contains("1.3.6.1.4.1.1466.20037")) {
            throw new IOException("not a StartTLS extended request");
        }
        byte messageId = body[2];
        // SEQUENCE { messageID, [APPLICATION 24] { resultCode success, matchedDN "", diagnosticMessage "" } }
        write(new byte[] {0x30, 0x0c, 0x02, 0x01, messageId, 0x78, 0x07, 0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00});
    }

    private void expect(String command, String error) throws IOException {
        if (!upper(readLine()).equals(command)) {
            refuse(error);
        }
    }

    private void refuse(String reply) throws IOException {
        line(reply);
        throw new IOException("the client deviated from the protocol: " + reply);
    }

    private void line(String text) throws IOException {
        write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private void text(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = next()) != '\n') {
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        if (!text.endsWith("\r")) {
            throw new IOException("a line without CR LF: " + text);
        }
        return text.substring(0, text.length() - 1);
    }

    private String readUntil(String... markers) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (true) {
            text.write(next());
            String sofar = text.toString(StandardCharsets.UTF_8);
            for (String marker : markers) {
                if (sofar.endsWith(marker)) {
                    return sofar;
                }
            }
        }
    }

    private int next() throws IOException {
        if (budget-- <= 0) {
            throw new IOException("the client sent too much before TLS");
        }
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the client closed the connection");
        }
        return b;
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
