package io.cebgw.crypto.cert;

import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.CertNo;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.key.SigningKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A revocation request package (注销申请材料) for the data sub-center. No public format exists, so the package
 * holds what any CA desk needs: the certificate, a statement (certificate number, subject, issuer, reason, time)
 * and, when the key is still available, the statement signed by it (proof of possession). See
 * {@code docs/signing.md}.
 */
public final class RevocationPackage {
    /** RFC 5280 reason codes that apply to an operator or device certificate. */
    public static final List<String> REASONS = List.of("keyCompromise", "affiliationChanged", "superseded", "cessationOfOperation");

    private RevocationPackage() {
    }

    /** Writes {@code certificate.pem}, {@code revocation-request.json}, optionally {@code .sig}, and {@code README.txt}. */
    public static List<Path> write(X509Certificate certificate, String reason, SigningKey key, Path directory, Instant now)
            throws IOException, SigningException {
        if (!REASONS.contains(reason)) {
            throw new IllegalArgumentException("reason must be one of " + REASONS);
        }
        Files.createDirectories(directory);
        String statement = "{\n"
                + "  \"request\": \"revoke\",\n"
                + "  \"certNo\": \"" + CertNo.of(certificate) + "\",\n"
                + "  \"subject\": " + quote(certificate.getSubjectX500Principal().getName()) + ",\n"
                + "  \"issuer\": " + quote(certificate.getIssuerX500Principal().getName()) + ",\n"
                + "  \"reason\": \"" + reason + "\",\n"
                + "  \"requestedAt\": \"" + now + "\"\n"
                + "}\n";
        Path cert = directory.resolve("certificate.pem");
        Path json = directory.resolve("revocation-request.json");
        Path readme = directory.resolve("README.txt");
        Files.writeString(cert, Pem.encode("CERTIFICATE", encoded(certificate)), StandardCharsets.US_ASCII);
        Files.writeString(json, statement, StandardCharsets.UTF_8);
        List<Path> written = new java.util.ArrayList<>(List.of(cert, json));
        if (key != null) {
            Path sig = directory.resolve("revocation-request.json.sig");
            Files.writeString(sig, Base64.getEncoder().encodeToString(key.sign(statement.getBytes(StandardCharsets.UTF_8))) + "\n",
                    StandardCharsets.US_ASCII);
            written.add(sig);
        }
        Files.writeString(readme, readme(certificate, reason, key != null), StandardCharsets.UTF_8);
        written.add(readme);
        return written;
    }

    private static String readme(X509Certificate certificate, String reason, boolean signed) {
        return "证书注销申请材料 / certificate revocation request\n\n"
                + "证书编号 certNo: " + CertNo.of(certificate) + "\n"
                + "原因 reason: " + reason + "\n\n"
                + "请将本目录中的文件连同单位介绍信、经办人身份证明交给当地数据分中心（电子口岸）办理证书注销。\n"
                + "Hand these files, with the company's letter and the operator's ID, to the local data sub-center.\n"
                + (signed ? "revocation-request.json.sig 是用该证书私钥对申请内容的签名（证明持有私钥）。\n"
                        + "revocation-request.json.sig is the statement signed with the certificate's key (proof of possession).\n"
                        : "私钥不可用，申请未签名。The key was not available; the statement is unsigned.\n");
    }

    private static byte[] encoded(X509Certificate certificate) throws IOException {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
