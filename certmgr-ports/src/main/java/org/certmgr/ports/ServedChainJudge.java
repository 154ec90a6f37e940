package org.certmgr.ports;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.certmgr.ports.in.Verdict;
import org.certmgr.ports.out.ProbeResult;
import org.certmgr.ports.out.StapleCheck;

/** Compares what a server served with what certmgr installed: a pure function of both. */
final class ServedChainJudge {
    private static final int DNS_NAME = 2;

    /** A verdict and the words that explain it. */
    record Judgement(Verdict verdict, String detail) {
        static final Judgement OK = new Judgement(Verdict.OK, "");
    }

    private ServedChainJudge() {
    }

    /**
     * Judges one probe.
     *
     * @param installed     the installed leaf and intermediates, leaf first
     * @param result        what the probe saw
     * @param stapleDue     whether a good stapled OCSP response was required
     * @return the verdict
     */
    static Judgement judge(List<X509Certificate> installed, ProbeResult result, boolean stapleDue) {
        if (result.failure().isPresent()) {
            return new Judgement(Verdict.CONNECTION_FAILED, result.failure().get());
        }
        X509Certificate want = installed.get(0);
        X509Certificate got = result.leaf();
        if (!got.equals(want)) {
            return judgeOther(want, got);
        }
        List<X509Certificate> wantedIntermediates = installed.subList(1, installed.size());
        List<X509Certificate> servedIntermediates = result.chain().subList(1, result.chain().size());
        if (!servedIntermediates.containsAll(wantedIntermediates)) {
            long missing = wantedIntermediates.stream().filter(c -> !servedIntermediates.contains(c)).count();
            return new Judgement(Verdict.MISSING_CHAIN, "the installed certificate is served without " + missing
                    + " of its " + wantedIntermediates.size() + " intermediate certificate(s)"
                    + (servedIntermediates.isEmpty() ? "" : " (served instead: " + subjects(servedIntermediates) + ")"));
        }
        if (stapleDue) {
            StapleCheck staple = result.staple();
            if (staple.status() == StapleCheck.Status.ABSENT || staple.status() == StapleCheck.Status.NOT_REQUESTED) {
                return new Judgement(Verdict.NO_STAPLE, "no stapled OCSP response");
            }
            if (staple.status() == StapleCheck.Status.BAD) {
                return new Judgement(Verdict.BAD_STAPLE, staple.detail());
            }
        }
        return Judgement.OK;
    }

    private static Judgement judgeOther(X509Certificate want, X509Certificate got) {
        String served = describe(got);
        String expected = describe(want);
        if (dnsNames(got).equals(dnsNames(want))) {
            String age = got.getNotBefore().before(want.getNotBefore()) ? "an earlier certificate" : "another certificate";
            return new Judgement(Verdict.OLD_CERTIFICATE, "serves " + age + " for the same names (" + served
                    + ") instead of the installed one (" + expected + ")");
        }
        return new Judgement(Verdict.WRONG_CERTIFICATE, "serves a certificate for " + String.join(", ", dnsNames(got))
                + " (" + served + ") instead of one for " + String.join(", ", dnsNames(want)) + " (" + expected + ")");
    }

    private static String describe(X509Certificate certificate) {
        return "serial " + certificate.getSerialNumber().toString(16) + ", valid from "
                + certificate.getNotBefore().toInstant();
    }

    private static String subjects(List<X509Certificate> certificates) {
        return String.join("; ", certificates.stream().map(c -> c.getSubjectX500Principal().getName()).toList());
    }

    /** The DNS names of the subject alternative name extension, sorted and lower case. */
    static Set<String> dnsNames(X509Certificate certificate) {
        Set<String> names = new TreeSet<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(DNS_NAME).equals(san.get(0))) {
                        names.add(String.valueOf(san.get(1)).toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unreadable extension: no names, which makes the certificate a wrong one.
        }
        return names;
    }
}
