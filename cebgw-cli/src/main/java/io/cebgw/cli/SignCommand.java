package io.cebgw.cli;

import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.cert.CertificateInfo;
import io.cebgw.crypto.key.SigningKey;
import io.cebgw.crypto.sign.CebSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "sign", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
        description = {"按 202205 规范加签（SM2/SM3 或 RSA-SHA1，由证书决定）：裸报文或 DxpMsg/DxpMsgSv 内的业务报文 /",
                "sign per the 202205 spec (SM2/SM3 or RSA-SHA1, as the certificate decides): a bare message or the one inside a DxpMsg/DxpMsgSv."},
        footer = {"", "Examples / 示例:",
                "  CEBGW_KEY_PASSWORD=… ./cebgw sign CEB603Message.xml --key key.p12 -o signed.xml",
                "  ./cebgw sign out.dxp.xml --key hsm.properties            PKCS#11 / 加密机 / 电子口岸卡（见 docs/signing.md）"})
final class SignCommand implements Callable<Integer> {
    @ParentCommand
    CebgwCommand root;

    @Parameters(paramLabel = "FILE", description = "待签名报文，- 表示标准输入 / the message to sign, - for standard input")
    String file;

    @Mixin
    KeyOptions keyOptions;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        byte[] input = root.readInput(file);
        if (input == null) {
            return ExitCode.UNREADABLE;
        }
        try (SigningKey key = keyOptions.open()) {
            warnAboutCertificate(CertificateInfo.of(key.certificate(), Instant.now()));
            output.write(new CebSigner(key).signAny(input), root.out);
            return ExitCode.OK;
        } catch (SigningException e) {
            root.err.println("cebgw: " + e.describe(root.language().locale()));
            return ExitCode.UNREADABLE;
        }
    }

    private void warnAboutCertificate(CertificateInfo info) {
        Language lang = root.language();
        if (info.expired()) {
            root.err.println("cebgw: " + lang.pick("警告：证书 " + info.certNo() + " 已过期（" + info.notAfter() + "），海关将拒收",
                    "warning: certificate " + info.certNo() + " expired on " + info.notAfter() + "; customs will reject the signature"));
        } else if (info.expiresSoon()) {
            root.err.println("cebgw: " + lang.pick("警告：证书 " + info.certNo() + " 将在 " + info.daysToExpiry() + " 天后过期，请及时办理延期",
                    "warning: certificate " + info.certNo() + " expires in " + info.daysToExpiry() + " days; renew it"));
        }
        if (info.keyDisagreesWithRules()) {
            root.err.println("cebgw: " + lang.pick("警告：2022-07-01 起签发的证书应使用 SM2，旧证书使用 RSA；该证书的密钥类型与签发日期不符",
                    "warning: certificates issued from 2022-07-01 use SM2, older ones RSA; this certificate's key does not match its issue date"));
        }
    }
}
