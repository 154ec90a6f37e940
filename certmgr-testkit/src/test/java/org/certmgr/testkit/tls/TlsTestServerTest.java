package org.certmgr.testkit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.StartTls;
import org.junit.jupiter.api.Test;

/** The STARTTLS test server keeps to its RFC: a client that skips a step gets an error, not TLS. */
class TlsTestServerTest {
    private static final ServedChain CHAIN = TestPki.create("server").issue(KeyType.ECDSA, "server.example.test");

    private static String exchange(StartTls protocol, String... lines) throws Exception {
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.ECDSA, CHAIN), Optional.of(protocol));
             Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.port())) {
            socket.setSoTimeout(5_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("220 ") || line.startsWith("+OK") || line.startsWith("* OK")) {
                    break;
                }
            }
            for (String command : lines) {
                out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            while ((line = in.readLine()) != null) {
                seen.append(line).append('\n');
            }
            return seen.toString();
        }
    }

    @Test
    void givenSmtpStartTlsBeforeEhlo_thenTheServerRefusesWith503() throws Exception {
        assertThat(exchange(StartTls.SMTP, "STARTTLS")).contains("503 5.5.1 EHLO first");
    }

    @Test
    void givenPop3CommandOtherThanStls_thenTheServerAnswersErr() throws Exception {
        assertThat(exchange(StartTls.POP3, "USER admin")).contains("-ERR expected STLS");
    }

    @Test
    void givenImapCommandOtherThanStartTls_thenTheServerAnswersBadWithTheTag() throws Exception {
        assertThat(exchange(StartTls.IMAP, "a7 LOGIN admin secret")).contains("a7 BAD expected STARTTLS");
    }
}
