package io.cebgw.server.web;

import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.server.access.Audit;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JointSelfTest;
import io.cebgw.server.ops.Onboarding;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.store.UserRow;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.nio.charset.StandardCharsets;
import io.cebgw.server.store.EnterpriseStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The enterprise's profile, the enterprises it may declare for (added and removed here by its administrators), its audit
 * trail as CSV, and its onboarding checklist: the five access steps with the gateway's live checks.
 */
@Controller
class EnterprisePage {
    private final SignedIn signedIn;
    private final EnterpriseStore enterprises;
    private final Onboarding onboarding;
    private final EnterpriseService service;
    private final Audit audit;
    private final JointSelfTest selfTest;

    EnterprisePage(SignedIn signedIn, EnterpriseStore enterprises, Onboarding onboarding, EnterpriseService service, Audit audit,
                   JointSelfTest selfTest) {
        this.selfTest = selfTest;
        this.service = service;
        this.audit = audit;
        this.signedIn = signedIn;
        this.enterprises = enterprises;
        this.onboarding = onboarding;
    }

    @GetMapping("/enterprise")
    String enterprise(Authentication auth, @RequestParam(required = false) String enterprise, Model model) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        model.addAttribute("ctx", ctx);
        model.addAttribute("steps", onboarding.steps(ctx.enterprise(), enterprises.selfTestPassed(ctx.enterprise().id())));
        model.addAttribute("actsFor", enterprises.actsFor(ctx.enterprise().id()));
        model.addAttribute("alertProfile", enterprises.alertProfile(ctx.enterprise().id()).orElse(""));
        model.addAttribute("admin", UserRow.USER.equals(ctx.user().role()) || UserRow.PLATFORM.equals(ctx.user().role()));
        return "enterprise";
    }

    /**
     * Changes the profile (its administrators only): names, codes, roles, signing and transport profiles. A new profile
     * is checked before it is stored and takes effect without a restart; a refused one leaves everything as it was.
     */
    @PostMapping("/enterprise/profile")
    String profile(Authentication auth, @RequestParam(required = false) String enterprise, @RequestParam String name,
                   @RequestParam String customsCode, @RequestParam(defaultValue = "") String creditCode, @RequestParam String roles,
                   @RequestParam(defaultValue = "") String signingProfile, @RequestParam(defaultValue = "") String transportProfile,
                   @RequestParam(required = false) String alertProfile, RedirectAttributes redirect) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        try {
            if (name.isBlank() || !customsCode.strip().matches("[0-9A-Za-z]{10}|[0-9A-Za-z]{18}")) {
                throw ValidationFailed.of(GatewayProblem.ENTERPRISE_FIELDS);
            }
            service.update(ctx.enterprise(), new EnterpriseService.Changes(name, customsCode, creditCode, roles,
                    signingProfile.isBlank() ? null : signingProfile.replace("\r\n", "\n"), transportProfile.replace("\r\n", "\n"), alertProfile));
            redirect.addFlashAttribute("enterpriseSaved", true);
        } catch (ValidationFailed e) {
            redirect.addFlashAttribute("enterpriseError", EntryPages.describe(e));
        }
        return "redirect:/enterprise?enterprise=" + ctx.enterprise().id();
    }

    /** Registers an enterprise this one may declare for (its administrators only: WebSecurity). */
    @PostMapping("/enterprise/acts-for")
    String actFor(Authentication auth, @RequestParam(required = false) String enterprise, @RequestParam String code,
                  @RequestParam(required = false) String name, @RequestParam(defaultValue = "AGENT") String kind, RedirectAttributes redirect)
            throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        try {
            service.actFor(ctx.enterprise().id(), code.strip(), name == null || name.isBlank() ? null : name.strip(), kind);
        } catch (ValidationFailed e) {
            redirect.addFlashAttribute("enterpriseError", EntryPages.describe(e));
        }
        return "redirect:/enterprise?enterprise=" + ctx.enterprise().id();
    }

    @PostMapping("/enterprise/acts-for/{code}/delete")
    String stopActingFor(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String code) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        service.stopActingFor(ctx.enterprise().id(), code);
        return "redirect:/enterprise?enterprise=" + ctx.enterprise().id();
    }

    /** Onboarding step 4 from a button (its administrators only: WebSecurity): the self-test over the enterprise's own transport. */
    @PostMapping("/enterprise/selftest")
    String selfTest(Authentication auth, @RequestParam(required = false) String enterprise, java.util.Locale locale, RedirectAttributes redirect)
            throws Exception {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        try {
            redirect.addFlashAttribute("selfTestReport", selfTest.run(ctx.enterprise(), locale).report());
        } catch (ValidationFailed e) {
            redirect.addFlashAttribute("enterpriseError", EntryPages.describe(e));
        }
        return "redirect:/enterprise?enterprise=" + ctx.enterprise().id();
    }

    /** The enterprise's audit trail of the last 90 days as CSV (its administrators only). */
    @GetMapping("/enterprise/audit.csv")
    ResponseEntity<byte[]> audit(Authentication auth, @RequestParam(required = false) String enterprise) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        if (!(UserRow.USER.equals(ctx.user().role()) || UserRow.PLATFORM.equals(ctx.user().role()))) {
            throw new PageNotFound();
        }
        java.time.Instant now = java.time.Instant.now();
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cebgw-audit.csv\"")
                .body(audit.csv(ctx.enterprise().id(), now.minus(java.time.Duration.ofDays(90)), now.plusSeconds(1)).getBytes(StandardCharsets.UTF_8));
    }


}
