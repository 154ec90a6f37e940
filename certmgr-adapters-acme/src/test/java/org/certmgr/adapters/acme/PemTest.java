package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PemTest {
    private static final byte[] ONE = "one".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TWO = "second block".getBytes(StandardCharsets.US_ASCII);

    @Test
    void givenBlocksWithCommentsBetweenAndHeaders_thenEachBlockReadsBackInOrder() throws IOException {
        String text = "# a CA bundle\nSubject: CN=one\n" + Pem.encode("CERTIFICATE", ONE)
                + "\n  comment between blocks\n" + Pem.encode("EC PARAMETERS", TWO).replace("-----\n",
                "-----\nProc-Type: 4,ENCRYPTED\n").replaceFirst("\n", "\r\n");

        Pem.Reader reader = new Pem.Reader(text);
        Pem.Block first = reader.next();
        Pem.Block second = reader.next();

        assertThat(first.type()).isEqualTo("CERTIFICATE");
        assertThat(first.content()).isEqualTo(ONE);
        assertThat(second.type()).isEqualTo("EC PARAMETERS");
        assertThat(second.content()).isEqualTo(TWO);
        assertThat(reader.next()).isNull();
    }

    @Test
    void givenNoBlock_thenNothingIsRead() throws IOException {
        assertThat(new Pem.Reader("nothing here\n").next()).isNull();
    }

    @Test
    void givenABlockWithoutItsEndLine_thenAnErrorNamingTheMissingLine() {
        String text = Pem.encode("CERTIFICATE", ONE).replace("-----END CERTIFICATE-----\n", "");

        assertThatThrownBy(() -> new Pem.Reader(text).next()).isInstanceOf(IOException.class)
                .hasMessage("-----END CERTIFICATE----- not found");
    }

    @Test
    void givenContentThatIsNotBase64_thenAnErrorNamingTheBlock() {
        String text = "-----BEGIN CERTIFICATE-----\nno*base64!\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> new Pem.Reader(text).next()).isInstanceOf(IOException.class)
                .hasMessageStartingWith("the content of the CERTIFICATE block is not base64");
    }
}
