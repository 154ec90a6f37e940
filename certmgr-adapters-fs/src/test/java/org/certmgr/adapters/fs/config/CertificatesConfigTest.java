package org.certmgr.adapters.fs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.Passphrase;
import org.certmgr.domain.RenewalPolicy;
import org.certmgr.domain.StartTls;
import org.certmgr.domain.VerifyTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificatesConfigTest {
    @TempDir
    Path dir;

    @Test
    void givenTheQuickStartExample_thenOneCertificateWithTwoNamesAndTheDefaults() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {
                    "account": {
                        "email": "admin@example.com"
                    },
                    "certificates": [
                        {
                            "name": "example.com",
                            "alt_names": {
                                "example.com": ["@", "www"]
                            }
                        }
                    ]
                }
                """);

        assertThat(loaded.configuration().certificates())
                .containsExactly(CertificateSpec.builder("example.com").altNames("www.example.com").build());
        assertThat(loaded.configuration().account().email()).contains("admin@example.com");
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void givenAnExplicitEmptyResponderList_thenOcspIsOffForThatCertificateOnly() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"settings": {"ocsp_responder_urls": []},
                 "certificates": [
                    {"name": "default.example"},
                    {"name": "off.example", "ocsp_responder_urls": []},
                    {"name": "fallback.example", "ocsp_responder_urls": ["http://ocsp.example/"]}
                 ]}
                """);

        assertThat(loaded.configuration().certificates()).extracting(c -> c.ocspEnabled())
                .containsExactly(true, false, true);
    }

    @Test
    void givenProfiles_thenACertificateInheritsTheSettingsOneOverridesItOrAsksForTheDefaultWithNull() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"settings": {"profile": "tlsserver"},
                 "certificates": [
                    {"name": "inherits.example"},
                    {"name": "short.example", "profile": "shortlived"},
                    {"name": "default.example", "profile": null}
                 ]}
                """);

        assertThat(loaded.configuration().certificates()).extracting(c -> c.profile().orElse("(default)"))
                .containsExactly("tlsserver", "shortlived", "(default)");
        assertThat(ConfigFiles.failure(dir, """
                {"certificates": [ {"name": "bad.example", "profile": "two words"} ]}
                """).getMessage()).contains("certificates[0].profile").contains("not a profile name");
    }

    @Test
    void givenCertificatesAsAListOrKeyedByName_thenTheSameConfiguration() throws Exception {
        LoadedConfig asList = ConfigFiles.load(dir, """
                {"services": {"nginx": "systemctl reload nginx"},
                 "certificates": [
                    {"name": "example.com", "alt_names": {"example.com": ["@", "www"]}, "services": ["nginx"]},
                    {"name": "example.org", "key_types": ["ecdsa"]}
                 ]}
                """);
        LoadedConfig keyed = ConfigFiles.load(dir, """
                {"services": {"nginx": "systemctl reload nginx"},
                 "certificates": {
                    "example.com": {"alt_names": {"example.com": ["@", "www"]}, "services": ["nginx"]},
                    "example.org": {"key_types": ["ecdsa"]}
                 }}
                """);

        assertThat(keyed.configuration()).isEqualTo(asList.configuration());
        assertThat(keyed.local()).isEqualTo(asList.local());
        assertThat(asList.configuration().certificates()).extracting(c -> c.name().toString())
                .containsExactly("example.com", "example.org");
    }

    @Test
    void givenAltNamesInSeveralZones_thenTheCommonNameComesFirstAndTheOrderIsKept() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"certificates": [{
                    "name": "www.example.com",
                    "alt_names": {
                        "example.com": ["@", "www", "mail"],
                        "example.net": ["@", "www"],
                        "Example.COM": ["WWW"]
                    }
                }]}
                """);

        assertThat(loaded.configuration().certificates().get(0).altNames()).extracting(DnsName::ascii)
                .containsExactly("www.example.com", "example.com", "mail.example.com", "example.net",
                        "www.example.net");
        assertThat(loaded.warnings()).singleElement().asString()
                .contains("certificates[0].alt_names[\"Example.COM\"][0]", "www.example.com is listed twice");
    }

    @Test
    void givenAnInternationalizedName_thenItIsUsedInPunycode() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"certificates": {"bücher.example": {"alt_names": {"bücher.example": ["@", "www"]}}}}
                """);

        CertificateSpec spec = loaded.configuration().certificates().get(0);
        assertThat(spec.name().folderName()).isEqualTo("xn--bcher-kva.example");
        assertThat(spec.altNames()).extracting(DnsName::ascii)
                .containsExactly("xn--bcher-kva.example", "www.xn--bcher-kva.example");
    }

    @Test
    void givenEveryCertificateKeyInSettings_thenACertificateWithoutThemInheritsThem() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {
                  "settings": {
                    "key_size": 2048, "key_curve": "secp256r1", "key_passphrase": "settings-secret",
                    "dhparam_size": 3072, "ecparam_curve": "prime256v1", "ocsp_must_staple": true,
                    "acme_directory_url": "https://ca.example.net/acme/directory",
                    "ocsp_responder_urls": ["http://ocsp.example.net"], "ct_submit_logs": ["log_a"],
                    "verify": [443], "renewal_days": 20
                  },
                  "ct_logs": {
                    "log_a": {"url": "https://ct.example.net/a/", "id": "pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA="},
                    "log_b": {"url": "https://ct.example.net/b/", "id": "KTxRllTIOWW6qlD8WAfUt2+/WHopctykwwz05UVH9Hg="}
                  },
                  "certificates": [
                    {"name": "inherits.example.com"},
                    {"name": "overrides.example.com",
                     "key_size": 3072, "key_curve": "secp521r1", "key_passphrase": true,
                     "dhparam_size": 0, "ecparam_curve": null, "ocsp_must_staple": false,
                     "ocsp_responder_urls": [], "ct_submit_logs": ["log_b"], "verify": [{"port": 993}],
                     "key_types": ["rsa"]}
                  ]
                }
                """);

        CertificateSpec inherits = loaded.configuration().certificates().get(0);
        assertThat(inherits).isEqualTo(CertificateSpec.builder("inherits.example.com")
                .keys(new KeySpec.Rsa(2048), new KeySpec.Ec(EcCurve.SECP256R1))
                .keyPassphrase(new Passphrase.Fixed("settings-secret")).dhparamSize(3072)
                .ecparamCurve(Optional.of("prime256v1")).ocspMustStaple(true)
                .ocspResponderUrls(List.of("http://ocsp.example.net")).ctSubmitLogs(List.of("log_a"))
                .renewal(new RenewalPolicy(20)).build());
        CertificateSpec overrides = loaded.configuration().certificates().get(1);
        assertThat(overrides).isEqualTo(CertificateSpec.builder("overrides.example.com")
                .keys(new KeySpec.Rsa(3072)).keyPassphrase(new Passphrase.AskAtRunTime()).dhparamSize(0)
                .ecparamCurve(Optional.empty()).ocspMustStaple(false).ocspResponderUrls(List.of()).ocspEnabled(false)
                .ctSubmitLogs(List.of("log_b")).renewal(new RenewalPolicy(20)).build());
        assertThat(loaded.local().verifyTargets(inherits.name())).containsExactly(new VerifyTarget(443,
                Optional.empty(), List.of(DnsName.of("inherits.example.com")), inherits.keys().keySet()));
        assertThat(loaded.local().verifyTargets(overrides.name())).containsExactly(new VerifyTarget(993,
                Optional.empty(), List.of(DnsName.of("overrides.example.com")), java.util.Set.of(KeyType.RSA)));
    }

    @Test
    void givenRsaTurnedOffInSettings_thenCertificatesDefaultToEcdsaOnly() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"settings": {"key_size": 0}, "certificates": [{"name": "example.com"},
                 {"name": "example.org", "key_size": 4096, "key_types": ["ecdsa", "rsa"]}]}
                """);

        assertThat(loaded.configuration().certificates().get(0).keys())
                .containsOnlyKeys(KeyType.ECDSA);
        assertThat(loaded.configuration().certificates().get(1).keys())
                .containsOnlyKeys(KeyType.RSA, KeyType.ECDSA);
    }

    @Test
    void givenVerifyEntriesOfEveryForm_thenTheyAreResolvedAgainstTheCertificate() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"certificates": [{
                    "name": "example.com",
                    "alt_names": {"example.com": ["@", "smtp", "www"]},
                    "verify": [
                        {"port": 443},
                        {"port": 25, "starttls": "smtp", "hosts": "smtp.example.com", "key_types": "rsa"},
                        {"port": 389, "starttls": "ldap", "hosts": ["www.example.com", "example.com"],
                         "key_types": ["ecdsa", "rsa"]},
                        993
                    ]
                }]}
                """);

        CertificateSpec spec = loaded.configuration().certificates().get(0);
        List<DnsName> all = spec.altNames();
        assertThat(loaded.local().verifyTargets(spec.name())).containsExactly(
                new VerifyTarget(443, Optional.empty(), all, spec.keys().keySet()),
                new VerifyTarget(25, Optional.of(StartTls.SMTP), List.of(DnsName.of("smtp.example.com")),
                        java.util.Set.of(KeyType.RSA)),
                new VerifyTarget(389, Optional.of(StartTls.LDAP),
                        List.of(DnsName.of("www.example.com"), DnsName.of("example.com")), spec.keys().keySet()),
                new VerifyTarget(993, Optional.empty(), all, spec.keys().keySet()));
    }

    @Test
    void givenNoCertificates_thenItLoadsWithAWarning() throws Exception {
        LoadedConfig absent = ConfigFiles.load(dir, "{}");
        LoadedConfig empty = ConfigFiles.load(dir, "{\"certificates\": []}");

        assertThat(absent.configuration().certificates()).isEmpty();
        assertThat(absent.warnings()).singleElement().asString().contains("certificates", "no certificate");
        assertThat(empty.warnings()).singleElement().asString().contains("certificates", "no certificate");
    }

    @Test
    void givenANameWrittenAsFullNameInsideItsZone_thenAWarningExplainsHostsAreRelative() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"certificates": [{"name": "example.com",
                  "alt_names": {"example.com": ["@", "www.example.com"]}}]}
                """);

        assertThat(loaded.configuration().certificates().get(0).altNames()).extracting(DnsName::ascii)
                .containsExactly("example.com", "www.example.com.example.com");
        assertThat(loaded.warnings()).singleElement().asString()
                .contains("certificates[0].alt_names[\"example.com\"][1]", "relative to the zone");
    }

    @Test
    void givenMustStapleWithLetsEncrypt_thenAWarning() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, """
                {"settings": {"ocsp_must_staple": true}, "certificates": [{"name": "example.com"}]}
                """);

        assertThat(loaded.warnings()).singleElement().asString().contains("certificates[0]", "Must-Staple");
    }
}
