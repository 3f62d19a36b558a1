package io.cebgw.cli;

import io.cebgw.core.settings.SecretRef;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.key.KeySourceException;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "keygen", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
        description = {"生成 SM2 或 RSA-2048 密钥对和自签名证书，存为 PKCS#12（用于沙箱联调演练；正式证书用 csr 向数据分中心申请）/",
                "generate an SM2 or RSA-2048 key pair with a self-signed certificate in PKCS#12 (for sandbox rehearsal; apply for the real one with csr)."},
        footer = {"", "Example / 示例:",
                "  CEBGW_KEY_PASSWORD=… ./cebgw keygen --alg sm2 --subject \"CN=杭州示例,O=杭州示例,C=CN\" -o key.p12 --cert-out cert.pem"})
final class KeygenCommand implements Callable<Integer> {
    @ParentCommand
    CebgwCommand root;

    @Option(names = "--alg", required = true, paramLabel = "sm2|rsa", description = "密钥算法 / key algorithm")
    String algorithm;

    @Option(names = "--subject", required = true, paramLabel = "DN", description = "证书主题，如 CN=…,O=…,C=CN / certificate subject")
    String subject;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "PKCS#12 输出文件 / the PKCS#12 file to write")
    Path output;

    @Option(names = "--cert-out", paramLabel = "FILE", description = "同时写出证书 PEM（验签时 --trust 用）/ also write the certificate as PEM (for --trust)")
    Path certOut;

    @Option(names = "--days", defaultValue = "365", paramLabel = "N", description = "有效天数（默认 ${DEFAULT-VALUE}）/ validity in days")
    int days;

    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = KeyOptions.DEFAULT_PASSWORD_ENV,
            description = "保存密码的环境变量（默认 ${DEFAULT-VALUE}）/ environment variable holding the password")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "从文件读取密码 / read the password from a file")
    Path passwordFile;

    @Option(names = "--force", description = "覆盖已存在的文件 / overwrite an existing file")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Language lang = root.language();
        SignatureSuite suite = SignatureSuite.byName(algorithm).orElse(null);
        if (suite == null) {
            root.error("--alg 只能是 sm2 或 rsa：" + algorithm, "--alg must be sm2 or rsa: " + algorithm);
            return ExitCode.UNREADABLE;
        }
        if (days < 1 || days > 3650 * 2) {
            root.error("--days 应为 1 到 7300", "--days must be 1..7300");
            return ExitCode.UNREADABLE;
        }
        if (Files.exists(output) && !force) {
            root.error(output + " 已存在（用 --force 覆盖）", output + " exists (use --force to overwrite)");
            return ExitCode.UNREADABLE;
        }
        char[] password;
        try {
            password = KeySourceSpec.forFile(output, passwordFile != null ? new SecretRef(SecretRef.Kind.FILE, passwordFile.toString())
                    : new SecretRef(SecretRef.Kind.ENV, passwordEnv)).secret("password", System::getenv);
        } catch (KeySourceException e) {
            root.err.println("cebgw: " + e.describe(lang.locale()));
            return ExitCode.UNREADABLE;
        }
        if (password.length < 6) {
            root.error("密码至少 6 个字符", "the password needs at least 6 characters");
            return ExitCode.UNREADABLE;
        }
        GeneratedKey key;
        try {
            key = KeyPairs.selfSigned(suite, subject, Duration.ofDays(days));
        } catch (IllegalArgumentException e) {
            root.error("证书主题格式错误：" + subject, "malformed subject DN: " + subject);
            return ExitCode.UNREADABLE;
        }
        KeyPairs.writePkcs12(key, output, password, "cebgw");
        Arrays.fill(password, '\0');
        if (certOut != null) {
            Files.writeString(certOut, Pem.encode("CERTIFICATE", key.certificate().getEncoded()), StandardCharsets.US_ASCII);
        }
        root.err.println(lang.pick("已生成 ", "generated ") + suite.keyAlgorithm() + " " + output
                + "  certNo=" + io.cebgw.crypto.CertNo.of(key.certificate()) + "  " + key.certificate().getSubjectX500Principal().getName()
                + lang.pick("  有效期至 ", "  valid until ") + key.certificate().getNotAfter().toInstant());
        return ExitCode.OK;
    }
}
