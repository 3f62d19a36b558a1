package io.cebgw.cli;

import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.cert.CertificateInfo;
import io.cebgw.crypto.cert.RevocationPackage;
import io.cebgw.crypto.key.KeySourceException;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.key.SigningKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "cert", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
        description = {"证书工具 / certificate tools"},
        subcommands = {CertCommand.Show.class, CertCommand.RevokeRequest.class})
final class CertCommand implements Runnable {
    @ParentCommand
    CebgwCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
            description = {"显示证书：证书编号（KeyName）、主题、颁发者、有效期、算法、适用的签名规则、剩余天数 /",
                    "show a certificate: number (KeyName), subject, issuer, validity, algorithm, which signature rules apply, days left."},
            footer = {"", "Exit codes / 退出码: 0 valid, 1 expired or expiring within 30 days, 2 unreadable."})
    static final class Show implements Callable<Integer> {
        @ParentCommand
        CertCommand cert;

        @Parameters(paramLabel = "CERT", description = "证书文件（PEM 或 DER）/ certificate file, PEM or DER")
        Path file;

        @Option(names = "--json", description = "以 JSON 输出 / print JSON")
        boolean json;

        @Override
        public Integer call() {
            CebgwCommand root = cert.root;
            X509Certificate certificate;
            try {
                certificate = Pem.readCertificate(file);
            } catch (KeySourceException e) {
                root.err.println("cebgw: " + e.describe(root.language().locale()));
                return ExitCode.UNREADABLE;
            }
            CertificateInfo info = CertificateInfo.of(certificate, Instant.now());
            if (json) {
                root.out.println(json(info));
            } else {
                print(root, info);
            }
            return info.expiresSoon() ? ExitCode.FINDINGS : ExitCode.OK;
        }

        private static void print(CebgwCommand root, CertificateInfo info) {
            Language lang = root.language();
            root.out.println(lang.pick("证书编号 (KeyName)", "certNo (KeyName)  ") + "  " + info.certNo());
            root.out.println(lang.pick("主题              ", "subject           ") + "  " + info.subject());
            root.out.println(lang.pick("颁发者            ", "issuer            ") + "  " + info.issuer());
            root.out.println(lang.pick("有效期            ", "validity          ") + "  " + info.notBefore() + " – " + info.notAfter());
            root.out.println(lang.pick("密钥 / 证书签名   ", "key / cert sig    ") + "  " + info.keyAlgorithm() + " " + info.keyBits()
                    + " / " + info.signatureAlgorithm());
            root.out.println(lang.pick("适用签名规则      ", "signature rules   ") + "  " + (info.rules() == CertificateInfo.Rules.SM2_FROM_2022_07
                    ? lang.pick("国密 SM2/SM3（2022-07-01 起签发）", "SM2/SM3 (issued from 2022-07-01)")
                    : lang.pick("通用 RSA/SHA-1（2022-07-01 前签发，用到到期）", "RSA/SHA-1 (issued before 2022-07-01, until expiry)")));
            root.out.println(lang.pick("剩余天数          ", "days to expiry    ") + "  " + info.daysToExpiry());
            if (info.expired()) {
                root.err.println("cebgw: " + lang.pick("警告：证书已过期", "warning: the certificate has expired"));
            } else if (info.expiresSoon()) {
                root.err.println("cebgw: " + lang.pick("警告：证书将在 " + info.daysToExpiry() + " 天内过期，请办理延期（cebgw csr --renew）",
                        "warning: the certificate expires within " + info.daysToExpiry() + " days; renew it (cebgw csr --renew)"));
            }
            if (info.keyDisagreesWithRules()) {
                root.err.println("cebgw: " + lang.pick("警告：密钥类型与签发日期对应的签名规则不符", "warning: the key type does not match the rules of its issue date"));
            }
        }

        private static String json(CertificateInfo info) {
            return "{\"certNo\":" + JsonText.quote(info.certNo()) + ",\"subject\":" + JsonText.quote(info.subject())
                    + ",\"issuer\":" + JsonText.quote(info.issuer()) + ",\"notBefore\":" + JsonText.quote(info.notBefore().toString())
                    + ",\"notAfter\":" + JsonText.quote(info.notAfter().toString()) + ",\"keyAlgorithm\":" + JsonText.quote(info.keyAlgorithm())
                    + ",\"keyBits\":" + info.keyBits() + ",\"signatureAlgorithm\":" + JsonText.quote(info.signatureAlgorithm())
                    + ",\"rules\":" + JsonText.quote(info.rules().name()) + ",\"daysToExpiry\":" + info.daysToExpiry()
                    + ",\"expired\":" + info.expired() + ",\"expiresSoon\":" + info.expiresSoon() + "}";
        }
    }

    @Command(name = "revoke-request", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
            description = {"准备证书注销申请材料（证书、申请说明，可用私钥签名证明持有）/",
                    "prepare a revocation request package (certificate, statement, optionally signed with the key)."},
            footer = {"", "Example / 示例:", "  ./cebgw cert revoke-request cert.pem --reason keyCompromise --key key.p12 -o revoke/"})
    static final class RevokeRequest implements Callable<Integer> {
        @ParentCommand
        CertCommand cert;

        @Parameters(paramLabel = "CERT", description = "要注销的证书 / the certificate to revoke")
        Path file;

        @Option(names = "--reason", required = true, paramLabel = "REASON",
                description = "keyCompromise | affiliationChanged | superseded | cessationOfOperation")
        String reason;

        @ArgGroup(exclusive = false)
        KeyOptions key;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "输出目录 / output directory")
        Path directory;

        @Override
        public Integer call() throws Exception {
            CebgwCommand root = cert.root;
            if (!RevocationPackage.REASONS.contains(reason)) {
                root.error("--reason 应为 " + RevocationPackage.REASONS, "--reason must be one of " + RevocationPackage.REASONS);
                return ExitCode.UNREADABLE;
            }
            try {
                X509Certificate certificate = Pem.readCertificate(file);
                SigningKey signingKey = key == null ? null : key.open();
                try {
                    if (signingKey != null && !signingKey.certificate().getPublicKey().equals(certificate.getPublicKey())) {
                        root.error("--key 的密钥不属于该证书", "the --key does not belong to this certificate");
                        return ExitCode.UNREADABLE;
                    }
                    for (Path written : RevocationPackage.write(certificate, reason, signingKey, directory, Instant.now())) {
                        root.err.println(root.language().pick("已写出 ", "wrote ") + written);
                    }
                } finally {
                    if (signingKey != null) {
                        signingKey.close();
                    }
                }
                return ExitCode.OK;
            } catch (SigningException e) {
                root.err.println("cebgw: " + e.describe(root.language().locale()));
                return ExitCode.UNREADABLE;
            }
        }
    }
}
