package org.certmgr.ports.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.StartTls;
import org.junit.jupiter.api.Test;

class ProbeOutcomeTest {

    private static String where(String address, Optional<StartTls> startTls) throws Exception {
        return new ProbeOutcome(CertificateName.of("example.test"), DnsName.of("mail.example.test"),
                Optional.of(InetAddress.getByName(address)), 25, startTls, KeyType.ECDSA, Verdict.OK, "").where();
    }

    @Test
    void givenIpv6Addresses_thenTheyAreWrittenAsRfc5952InBrackets() throws Exception {
        assertThat(where("::1", Optional.empty())).isEqualTo("mail.example.test [::1]:25 ecdsa");
        assertThat(where("2001:db8:0:0:1:0:0:1", Optional.empty())).isEqualTo("mail.example.test [2001:db8::1:0:0:1]:25 ecdsa");
        assertThat(where("2001:db8:0:1:0:0:0:1", Optional.empty())).isEqualTo("mail.example.test [2001:db8:0:1::1]:25 ecdsa");
        assertThat(where("2001:db8:1:2:3:4:5:6", Optional.empty())).isEqualTo("mail.example.test [2001:db8:1:2:3:4:5:6]:25 ecdsa");
    }

    @Test
    void givenIpv4AndStartTls_thenTheProtocolFollowsThePort() throws Exception {
        assertThat(where("192.0.2.7", Optional.of(StartTls.SMTP))).isEqualTo("mail.example.test 192.0.2.7:25 (smtp) ecdsa");
    }

    @Test
    void givenNoAddress_thenADash() {
        ProbeOutcome outcome = new ProbeOutcome(CertificateName.of("example.test"), DnsName.of("example.test"),
                Optional.empty(), 443, Optional.empty(), KeyType.RSA, Verdict.NOT_RESOLVED, "example.test has no address");

        assertThat(outcome.where()).isEqualTo("example.test -:443 rsa");
        assertThat(outcome.ok()).isFalse();
    }
}
