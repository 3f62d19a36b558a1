package io.cebgw.server.ops;

import io.cebgw.core.transport.TransportSpec;
import io.cebgw.server.document.Signers;
import io.cebgw.server.store.EnterpriseRow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The five access steps (海关备案, 电子口岸入网/卡, 数据交换 DXPID, 联调测试, 上线运行) with what the gateway can check
 * itself: data present, signing key reachable with a valid certificate the E-Port issued, DXPID well-formed, sandbox
 * self-test passed, production transport connecting — the key and transport checks are {@code cebgw doctor}'s.
 */
public final class Onboarding {
    private final Signers signers;
    private final Clock clock;
    /** The transports' checks, kept as readiness keeps them (a page view does not log in to the broker again). */
    private final TransportsHealth transports;
    /** Whether the in-process sandbox answers the default transport (the demo): then it is no production route. */
    private final boolean inProcessSandbox;

    public Onboarding(Signers signers, Clock clock, TransportsHealth transports, boolean inProcessSandbox) {
        this.signers = signers;
        this.clock = clock;
        this.transports = transports;
        this.inProcessSandbox = inProcessSandbox;
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
                selfTestPassed ? "沙箱自测已通过" : "尚未通过沙箱自测：在“企业与接入”页点“运行联调自测”（或 POST /api/v1/enterprise/selftest）",
                selfTestPassed ? "the sandbox self-test passed" : "the sandbox self-test has not passed yet: run it from the enterprise page"));
        steps.add(goLiveStep(e, selfTestPassed));
        return steps;
    }

    /**
     * The route its documents take — its own profile, else the gateway's default — is a production one (not the
     * sandbox's: {@code sandbox=true}, or the in-process sandbox of the demo) that connects and logs in now (the check
     * {@code cebgw doctor} makes), after a passed self-test.
     */
    private Step goLiveStep(EnterpriseRow e, boolean selfTestPassed) {
        boolean own = e.transportProfile() != null && !e.transportProfile().isBlank();
        Check connects;
        String route;
        if (own) {
            if (!production(e.transportProfile())) {
                return new Step(5, "上线运行", "go-live", false, "本企业的传输配置指向沙箱（sandbox=true）", "the enterprise's transport profile is the sandbox's");
            }
            connects = transports.profile(e);
            route = "本企业的正式传输";
        } else if (inProcessSandbox || "true".equals(transports.defaultSpec().get("sandbox"))) {
            return new Step(5, "上线运行", "go-live", false, "尚未配置正式传输方式：网关的默认传输是沙箱（cebgw.transport.*，或本企业的 transportProfile）",
                    "no production transport: the gateway's default is the sandbox (cebgw.transport.*, or the enterprise's transportProfile)");
        } else {
            connects = transports.defaultTransport();
            route = "网关的默认传输（" + transports.defaultSpec().type() + "）";
        }
        if (connects.failed()) {
            return new Step(5, "上线运行", "go-live", false, route + "连不上：" + connects.detail().zh() + "。" + connects.remedy().zh(),
                    "the production transport does not connect: " + connects.detail().en() + ". " + connects.remedy().en());
        }
        return new Step(5, "上线运行", "go-live", selfTestPassed,
                route + "已连接并登录" + (selfTestPassed ? "" : "，但联调测试尚未通过"),
                "the production transport connects and logs in" + (selfTestPassed ? "" : ", but joint testing has not passed"));
    }

    /** A profile that parses and is not marked as the sandbox's ({@code sandbox=true}). */
    private static boolean production(String profile) {
        try {
            return !"true".equals(TransportSpec.parse(profile, "profile").get("sandbox"));
        } catch (io.cebgw.core.transport.TransportException e) {
            return false;
        }
    }

    /** Done with a key that opens and a certificate the E-Port issued that is still valid; a test certificate is not access. */
    private Step certificateStep(EnterpriseRow e) {
        KeyProbe.Probe probe = KeyProbe.probe(e, signers, clock.instant());
        Check c = probe.check();
        boolean done = !c.failed() && !probe.testCertificate();
        String remedy = c.remedy().zh().isEmpty() ? "" : "。" + c.remedy().zh();
        String remedyEn = c.remedy().en().isEmpty() ? "" : ". " + c.remedy().en();
        return new Step(2, "电子口岸入网（证书/卡）", "E-Port access (certificate / card)", done, c.detail().zh() + remedy, c.detail().en() + remedyEn);
    }
}
