package io.cebgw.server.web;

import io.cebgw.server.document.Onboarding;
import io.cebgw.server.store.EnterpriseStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The enterprise's profile and its onboarding checklist: the five access steps with the gateway's live checks. */
@Controller
class EnterprisePage {
    private final SignedIn signedIn;
    private final EnterpriseStore enterprises;
    private final Onboarding onboarding;

    EnterprisePage(SignedIn signedIn, EnterpriseStore enterprises, Onboarding onboarding) {
        this.signedIn = signedIn;
        this.enterprises = enterprises;
        this.onboarding = onboarding;
    }

    @GetMapping("/enterprise")
    String enterprise(Authentication auth, @RequestParam(required = false) String enterprise, Model model) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        model.addAttribute("ctx", ctx);
        model.addAttribute("steps", onboarding.steps(ctx.enterprise(), enterprises.selfTestPassed(ctx.enterprise().id())));
        return "enterprise";
    }
}
