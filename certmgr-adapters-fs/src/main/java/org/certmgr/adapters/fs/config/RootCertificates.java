package org.certmgr.adapters.fs.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.EnumMap;
import java.util.Map;
import org.certmgr.domain.KeyType;

/**
 * Reads the root certificates placed next to the configuration file as
 * {@code root_cert.rsa.pem} and {@code root_cert.ecdsa.pem}, from which {@code cert+root.pem}
 * is made. A key type without such a file gets no {@code cert+root.pem}.
 */
public final class RootCertificates {

    private RootCertificates() {
    }

    /**
     * Returns the file name of a key type's root certificate.
     *
     * @param type the key type
     * @return e.g. {@code root_cert.rsa.pem}
     */
    public static String fileName(KeyType type) {
        return "root_cert." + type.id() + ".pem";
    }

    /**
     * Reads the root certificates next to a configuration file.
     *
     * @param config the loaded configuration
     * @return key type → PEM text of its root certificate
     * @throws ConfigException when a file exists but is not readable PEM certificates
     */
    public static Map<KeyType, String> read(LoadedConfig config) throws ConfigException {
        Map<KeyType, String> roots = new EnumMap<>(KeyType.class);
        for (KeyType type : KeyType.values()) {
            Path file = config.configDir().resolve(fileName(type));
            String pem;
            try {
                pem = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException e) {
                throw new ConfigException(file, null, "cannot read the root certificate: " + e.getMessage());
            }
            try {
                if (!pem.contains("-----BEGIN CERTIFICATE-----") || CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).isEmpty()) {
                    throw new CertificateException("no certificate found");
                }
            } catch (CertificateException e) {
                throw new ConfigException(file, null, "not a PEM certificate (" + e.getMessage() + "); it should hold the"
                        + " CA's root certificate for " + type + " certificates, used to write cert+root.pem");
            }
            roots.put(type, pem);
        }
        return roots;
    }
}
