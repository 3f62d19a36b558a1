package io.cebgw.server.api;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.signing.SigningException;
import io.cebgw.sandbox.SelfTest;
import io.cebgw.server.document.Onboarding;
import io.cebgw.server.document.Signers;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The calling enterprise: its profile, its onboarding steps, and the sandbox self-test run with its own key. */
@RestController
@RequestMapping("/api/v1/enterprise")
class EnterpriseController {
    private final EnterpriseStore enterprises;
    private final Signers signers;
    private final Onboarding onboarding;

    EnterpriseController(EnterpriseStore enterprises, Signers signers, Onboarding onboarding) {
        this.enterprises = enterprises;
        this.signers = signers;
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

    /** Runs one 9710 and one 9810 flow with the enterprise's own key through a private sandbox; returns the report. */
    @PostMapping("/selftest")
    Map<String, Object> selfTest(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String id) throws Exception {
        EnterpriseRow e = enterprises.byId(id).orElseThrow();
        SelfTest.Report report;
        java.nio.file.Path folder = Files.createTempDirectory("cebgw-selftest");
        try {
            report = new SelfTest(e.dxpId(), e.customsCode(), signers.signer(e), signers.certificate(e), SelfTest.folder(folder),
                    Duration.ofSeconds(60)).run();
        } catch (SigningException ex) {
            throw ValidationFailed.of(GatewayProblem.CANNOT_SIGN, new Localized(ex.describe(Locale.CHINA), ex.describe(Locale.ENGLISH)));
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(folder); // nothing of the run is left behind
        }
        enterprises.recordSelfTest(id, report.passed(), java.time.Instant.now());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        report.print(new PrintStream(text, true, StandardCharsets.UTF_8), Locale.CHINA);
        return Map.of("passed", report.passed(), "report", text.toString(StandardCharsets.UTF_8));
    }
}
