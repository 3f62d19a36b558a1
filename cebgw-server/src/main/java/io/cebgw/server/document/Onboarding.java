package io.cebgw.server.document;

import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.cert.CertificateInfo;
import io.cebgw.server.store.EnterpriseRow;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The five access steps (海关备案, 电子口岸入网/卡, 数据交换 DXPID, 联调测试, 上线运行) with what the gateway can check
 * itself: data present, signing key reachable with a valid certificate, DXPID well-formed, sandbox self-test
 * passed, production transport configured.
 */
public final class Onboarding {
    private final Signers signers;
    private final Clock clock;

    public Onboarding(Signers signers, Clock clock) {
        this.signers = signers;
        this.clock = clock;
    }

    /** One step: done or not, and why (zh and en). */
    public record Step(int number, String name, String nameEn, boolean done, String detail, String detailEn) {
    }

    public List<Step> steps(EnterpriseRow e, boolean selfTestPassed) {
        List<Step> steps = new ArrayList<>();
        boolean registered = e.customsCode() != null && e.customsCode().matches("[0-9A-Z]{10}|[0-9A-Z]{18}") && e.name() != null;
        steps.add(new Step(1, "海关备案", "customs registration", registered,
                registered ? "海关编码 " + e.customsCode() : "缺少 10 位海关编码或 18 位统一社会信用代码",
                registered ? "customs code " + e.customsCode() : "a 10-character customs code or 18-character credit code is missing"));
        steps.add(certificateStep(e));
        boolean dxp = e.dxpId() != null && e.dxpId().matches("DXPENT\\d{10}|DXP[A-Z]{3}\\w{7,10}");
        steps.add(new Step(3, "数据交换（DXPID）", "data exchange (DXPID)", dxp,
                dxp ? "DXPID " + e.dxpId() : "DXPID 缺失或格式不对（如 DXPENT0000012345）",
                dxp ? "DXPID " + e.dxpId() : "DXPID missing or malformed (e.g. DXPENT0000012345)"));
        steps.add(new Step(4, "联调测试", "joint testing", selfTestPassed,
                selfTestPassed ? "沙箱自测已通过" : "尚未通过沙箱自测（POST /api/v1/enterprise/selftest 或 cebgw sandbox selftest）",
                selfTestPassed ? "the sandbox self-test passed" : "the sandbox self-test has not passed yet"));
        boolean production = productionTransport(e.transportProfile());
        steps.add(new Step(5, "上线运行", "go-live", production && selfTestPassed,
                production ? "已配置正式传输方式" : "尚未配置正式传输方式（transportProfile）",
                production ? "a production transport is configured" : "no production transport is configured"));
        return steps;
    }

    /** A profile of its own that parses and is not marked as the sandbox's ({@code sandbox=true}). */
    private static boolean productionTransport(String profile) {
        if (profile == null || profile.isBlank()) {
            return false;
        }
        try {
            return !"true".equals(io.cebgw.core.transport.TransportSpec.parse(profile, "profile").get("sandbox"));
        } catch (io.cebgw.core.transport.TransportException e) {
            return false;
        }
    }

    private Step certificateStep(EnterpriseRow e) {
        try {
            X509Certificate certificate = signers.certificate(e);
            CertificateInfo info = CertificateInfo.of(certificate, clock.instant());
            boolean ok = !info.expired();
            return new Step(2, "电子口岸入网（证书/卡）", "E-Port access (certificate / card)", ok,
                    (ok ? "证书可用 " : "证书已过期 ") + info.certNo() + "，剩余 " + info.daysToExpiry() + " 天",
                    (ok ? "certificate usable " : "certificate expired ") + info.certNo() + ", " + info.daysToExpiry() + " days left");
        } catch (SigningException ex) {
            return new Step(2, "电子口岸入网（证书/卡）", "E-Port access (certificate / card)", false,
                    "签名密钥不可用：" + ex.describe(java.util.Locale.CHINA), "the signing key is not usable: " + ex.describe(java.util.Locale.ENGLISH));
        }
    }
}
