package io.cebgw.crypto.cert;

import io.cebgw.crypto.CertNo;
import io.cebgw.crypto.SignatureSuite;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What an operator needs to know about a signing certificate: its number (KeyName), who it names, when it
 * expires, and which signature rules apply to it (certificates issued from 2022-07-01 sign with SM2/SM3, older
 * ones keep RSA/SHA-1 until they expire — GACC notice of 2022-05-17).
 */
public record CertificateInfo(String certNo, String subject, String issuer, Instant notBefore, Instant notAfter,
                              String keyAlgorithm, int keyBits, String signatureAlgorithm,
                              Optional<SignatureSuite> suite, Rules rules, long daysToExpiry) {
    /** The switch date of the 202205 signature rules. */
    public static final LocalDate NEW_RULES_FROM = LocalDate.of(2022, 7, 1);
    /** Warn this many days before a certificate expires. */
    public static final int WARN_DAYS = 30;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Which rule set a certificate falls under, by its issue date. */
    public enum Rules {
        /** Issued from 2022-07-01: 国密 SM2/SM3. */
        SM2_FROM_2022_07,
        /** Issued before 2022-07-01: 通用 RSA/SHA-1 until expiry. */
        RSA_BEFORE_2022_07
    }

    public static CertificateInfo of(X509Certificate certificate, Instant now) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        int bits = certificate.getPublicKey() instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength()
                : certificate.getPublicKey() instanceof ECPublicKey ec ? ec.getParams().getOrder().bitLength() : 0;
        Optional<SignatureSuite> suite = SignatureSuite.forKey(certificate.getPublicKey());
        Rules rules = notBefore.atZone(BEIJING).toLocalDate().isBefore(NEW_RULES_FROM) ? Rules.RSA_BEFORE_2022_07 : Rules.SM2_FROM_2022_07;
        return new CertificateInfo(CertNo.of(certificate), certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), notBefore, notAfter,
                suite.map(SignatureSuite::keyAlgorithm).orElse(certificate.getPublicKey().getAlgorithm()), bits,
                certificate.getSigAlgName(), suite, rules, Math.floorDiv(Duration.between(now, notAfter).toSeconds(), 86_400L));
    }

    public boolean expired() {
        return daysToExpiry < 0;
    }

    public boolean expiresSoon() {
        return daysToExpiry <= WARN_DAYS;
    }

    /** A certificate that names itself as issuer: made for tests ({@code cebgw keygen}, the demo), never one the E-Port CA issued. */
    public boolean selfSigned() {
        return subject.equals(issuer);
    }

    /** True when the key type is not the one the issue date calls for (e.g. an RSA certificate issued in 2023). */
    public boolean keyDisagreesWithRules() {
        return suite.isPresent() && (rules == Rules.SM2_FROM_2022_07) != (suite.get() == SignatureSuite.SM2_SM3);
    }
}
