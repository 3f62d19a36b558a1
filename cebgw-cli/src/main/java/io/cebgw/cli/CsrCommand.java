package io.cebgw.cli;

import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.cert.CertificateRequests;
import io.cebgw.crypto.key.JcaSigningKey;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.key.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;

@Command(name = "csr", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
        description = {"生成 PKCS#10 证书请求（新办或延期；SM2 按 GM/T 0092-2020 用 SM3withSM2）交数据分中心 /",
                "write a PKCS#10 certificate request (new or renewal; SM2 per GM/T 0092-2020, SM3withSM2) for the data sub-center."},
        footer = {"", "Examples / 示例:",
                "  ./cebgw csr --key key.p12 --subject \"CN=杭州示例,O=杭州示例,C=CN\" -o new.csr",
                "  ./cebgw csr --key key.p12 --renew current.pem -o renew.csr     延期：沿用现有证书主题 / renewal keeps the subject"})
final class CsrCommand implements Callable<Integer> {
    @ParentCommand
    CebgwCommand root;

    @Mixin
    KeyOptions keyOptions;

    @Option(names = "--subject", paramLabel = "DN", description = "新证书主题（默认沿用密钥文件中的证书主题）/ subject (default: that of the key's certificate)")
    String subject;

    @Option(names = "--renew", paramLabel = "CERT", description = "延期：现有证书（沿用其主题）/ renewal: the current certificate, whose subject is kept")
    Path renew;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        if (subject != null && renew != null) {
            root.error("--subject 和 --renew 只能选一个", "use --subject or --renew, not both");
            return ExitCode.UNREADABLE;
        }
        try (SigningKey key = keyOptions.openForRequest()) {
            if (subject == null && renew == null && key.certificate() == null) {
                root.error("该密钥还没有证书：请用 --subject 写明新证书的主题", "this key has no certificate yet: give the new certificate's subject with --subject");
                return ExitCode.UNREADABLE;
            }
            String dn = subject != null ? subject : renew != null ? null : key.certificate().getSubjectX500Principal().getName();
            CertificateRequests.Request request;
            try {
                request = CertificateRequests.create(dn, renew == null ? null : Pem.readCertificate(renew), key);
            } catch (IllegalStateException e) {
                root.error("无法签署证书请求：" + e.getMessage(), "cannot sign the certificate request: " + e.getMessage());
                return ExitCode.UNREADABLE;
            }
            output.write(request.pem().getBytes(StandardCharsets.US_ASCII), root.out);
            root.err.println(root.language().pick(renew != null ? "延期请求 " : "证书请求 ", renew != null ? "renewal request " : "request ")
                    + request.subject() + "  " + request.signatureAlgorithm());
            return ExitCode.OK;
        } catch (SigningException e) {
            root.err.println("cebgw: " + e.describe(root.language().locale()));
            return ExitCode.UNREADABLE;
        } catch (IllegalArgumentException e) {
            root.error("证书主题格式错误：" + subject, "malformed subject DN: " + subject);
            return ExitCode.UNREADABLE;
        }
    }
}
