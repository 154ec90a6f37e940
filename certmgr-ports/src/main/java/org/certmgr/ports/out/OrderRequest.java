package org.certmgr.ports.out;

import java.util.List;
import java.util.Objects;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.DnsName;

/**
 * What to order from the CA.
 *
 * @param names  the identifiers, in the order of the CSR
 * @param csrDer the certificate signing request, DER encoded
 * @param timing how long to wait for authorizations and issuance
 */
public record OrderRequest(List<DnsName> names, byte[] csrDer, AcmeTiming timing) {
    /**
     * Copies and checks the values.
     *
     * @param names the identifiers, in the order of the CSR
     * @param csrDer the certificate signing request, DER encoded
     * @param timing how long to wait for authorizations and issuance
     */
    public OrderRequest {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one name");
        }
        csrDer = csrDer.clone();
        Objects.requireNonNull(timing, "timing");
    }

    /**
     * Returns the CSR.
     *
     * @return a copy of the DER bytes, so the request stays unchanged
     */
    @Override
    public byte[] csrDer() {
        return csrDer.clone();
    }
}
