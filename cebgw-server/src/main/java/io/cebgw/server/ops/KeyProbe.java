package io.cebgw.server.ops;

import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.cert.CertificateInfo;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.server.document.Signers;
import io.cebgw.server.ops.Check.Text;
import io.cebgw.server.store.EnterpriseRow;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Whether an enterprise's key source opens (and, for {@code type=card}, the card client answers), its certificate is
 * valid, how many days it has left, its KeyName, and whether it is a test certificate. Shared by {@code cebgw doctor}
 * and onboarding step 2.
 */
public final class KeyProbe {
    static final Text KEY = new Text("签名密钥", "signing key");
    static final Text CARD = new Text("IC 卡客户端", "card client");
    static final Text MACHINE = new Text("加密机", "encryption machine");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private KeyProbe() {
    }

    /** The check, and whether the certificate is a test one (usable in the sandbox, not with customs). */
    public record Probe(Check check, boolean testCertificate) {
    }

    public static Check of(EnterpriseRow e, Signers signers, Instant now) {
        return probe(e, signers, now).check();
    }

    public static Probe probe(EnterpriseRow e, Signers signers, Instant now) {
        String profile = e.signingProfile();
        String target = e.dxpId();
        if (profile == null || profile.isBlank()) {
            return new Probe(Check.fail(KEY, target, new Text("未配置签名密钥", "no signing profile"),
                    new Text("为企业设置 signingProfile（docs/zh/signing.md）", "set the enterprise's signingProfile (docs/signing.md)")), false);
        }
        String type = type(profile);
        boolean card = "card".equals(type);
        Text area = card ? CARD : "sdf".equals(type) ? MACHINE : KEY;
        CertificateInfo info;
        try {
            info = CertificateInfo.of(signers.certificate(e), now);
        } catch (SigningException ex) {
            return new Probe(Check.fail(area, target, new Text(ex.describe(Locale.CHINA), ex.describe(Locale.ENGLISH)), remedy(area)), false);
        }
        String until = info.notAfter().atZone(BEIJING).toLocalDate().toString();
        Text detail = new Text("证书 " + info.certNo() + "（KeyName），" + info.keyAlgorithm() + "，有效至 " + until + "，剩余 " + info.daysToExpiry() + " 天",
                "certificate " + info.certNo() + " (KeyName), " + info.keyAlgorithm() + ", valid until " + until + ", " + info.daysToExpiry() + " days left");
        if (info.expired()) {
            return new Probe(Check.fail(area, target, detail, renew()), info.selfSigned());
        }
        if (info.selfSigned()) {
            return new Probe(Check.warn(area, target, new Text("测试证书（自签名），只能用于沙箱：" + detail.zh(), "a test certificate (self-signed), for the sandbox only: " + detail.en()),
                    new Text("正式申报需电子口岸签发的证书：用 cebgw csr 生成申请，到数据分中心办理", "declaring for real needs a certificate the E-Port issues: cebgw csr makes the request")), true);
        }
        return new Probe(info.expiresSoon() ? Check.warn(area, target, detail, renew()) : Check.pass(area, target, detail), false);
    }

    private static Text renew() {
        return new Text("到数据分中心办理证书更新（cebgw csr --renew 生成申请）", "renew the certificate at the data center (cebgw csr --renew makes the request)");
    }

    private static Text remedy(Text area) {
        if (area == CARD) {
            return new Text("插入操作员卡、启动中国电子口岸客户端控件，核对 PIN", "insert the operator card, start the E-Port client control, check the PIN");
        }
        if (area == MACHINE) {
            return new Text("核对加密机厂商配置文件中的设备地址、密钥索引（key-index）和访问口令（docs/zh/signing.md）",
                    "check the device address in the vendor's configuration file, the key-index and the access password (docs/signing.md)");
        }
        return new Text("核对签名配置的路径、password.file 或 PIN（docs/zh/signing.md）", "check the path, password.file or PIN of the signing profile (docs/signing.md)");
    }

    private static String type(String profile) {
        try {
            return KeySourceSpec.parse(profile, "profile").type();
        } catch (SigningException | RuntimeException e) {
            return "";
        }
    }
}
