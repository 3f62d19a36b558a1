package io.cebgw.server.api;

import io.cebgw.server.document.JointSelfTest;
import io.cebgw.server.ops.Onboarding;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The calling enterprise: its profile, its onboarding steps, and the sandbox self-test run with its own key. */
@RestController
@RequestMapping("/api/v1/enterprise")
class EnterpriseController {
    private final EnterpriseStore enterprises;
    private final JointSelfTest selfTest;
    private final Onboarding onboarding;

    EnterpriseController(EnterpriseStore enterprises, JointSelfTest selfTest, Onboarding onboarding) {
        this.enterprises = enterprises;
        this.selfTest = selfTest;
        this.onboarding = onboarding;
    }

    @GetMapping
    Map<String, Object> profile(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String id) {
        EnterpriseRow e = enterprises.byId(id).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("name", e.name());
        m.put("customsCode", e.customsCode());
        m.put("dxpId", e.dxpId());
        m.put("roles", List.of(e.roles().split(",")));
        m.put("onboarding", onboarding.steps(e, enterprises.selfTestPassed(id)));
        return m;
    }

    /**
     * Runs one 9710 and one 9810 flow with the enterprise's own key against a sandbox, over the enterprise's own AMQP
     * connection where it has one; returns the report, whose first line names the transport.
     */
    @PostMapping("/selftest")
    Map<String, Object> selfTest(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String id) throws Exception {
        JointSelfTest.Result result = selfTest.run(enterprises.byId(id).orElseThrow(), Locale.CHINA);
        return Map.of("passed", result.passed(), "report", result.report());
    }
}
