package org.certmgr.domain;

import java.util.Objects;

/**
 * The name of a managed certificate: its common name, also the name of its folder in
 * {@code data_dir}.
 *
 * <p>It is a {@link DnsName}, so it can never contain {@code /}, {@code ..} or NUL and can
 * never name a path outside {@code data_dir}; the constructor checks this again so that the
 * guarantee does not rest on another class alone.
 */
public final class CertificateName implements Comparable<CertificateName> {
    /** Folders of {@code data_dir} that certmgr keeps for itself. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("account", "archives");

    private final DnsName dnsName;

    private CertificateName(DnsName dnsName) {
        String folder = dnsName.ascii();
        if (folder.contains("/") || folder.contains("..") || folder.indexOf('\0') >= 0 || folder.startsWith(".")) {
            throw new InvalidValueException("\"" + folder + "\" cannot be used as a folder name");
        }
        if (RESERVED.contains(folder)) {
            throw new InvalidValueException("\"" + folder + "\" is the name of one of certmgr's own folders in data_dir;"
                    + " it cannot be a certificate name");
        }
        this.dnsName = dnsName;
    }

    /**
     * Validates a certificate name.
     *
     * @param name the name from the configuration
     * @return the certificate name
     * @throws InvalidValueException when it is not a valid DNS name
     */
    public static CertificateName of(String name) {
        Objects.requireNonNull(name, "name");
        if (name.contains("/") || name.contains("\\")) {
            throw new InvalidValueException("certificate name \"" + name + "\" contains a path separator;"
                    + " it must be a DNS name such as \"example.com\"");
        }
        return new CertificateName(DnsName.of(name));
    }

    /**
     * Returns the certificate name for a DNS name.
     *
     * @param name a validated DNS name
     * @return the certificate name
     */
    public static CertificateName of(DnsName name) {
        return new CertificateName(name);
    }

    /**
     * Returns the DNS name, which is the certificate's common name.
     *
     * @return the DNS name
     */
    public DnsName dnsName() {
        return dnsName;
    }

    /**
     * Returns the single path component used for the certificate's folder.
     *
     * @return the folder name, never containing a separator
     */
    public String folderName() {
        return dnsName.ascii();
    }

    @Override
    public int compareTo(CertificateName other) {
        return dnsName.compareTo(other.dnsName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateName && ((CertificateName) o).dnsName.equals(dnsName);
    }

    @Override
    public int hashCode() {
        return dnsName.hashCode();
    }

    @Override
    public String toString() {
        return dnsName.ascii();
    }
}
