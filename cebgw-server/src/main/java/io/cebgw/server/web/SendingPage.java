package io.cebgw.server.web;

import io.cebgw.server.document.DocumentService;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.store.OutboxStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;


/**
 * Sending trouble a person can act on: the documents the gateway gave up sending (dead letters) and those it is
 * retrying, each with its attempts, last error in words and next attempt; a dead one is sent again with one click.
 */
@Controller
class SendingPage {
    private final SignedIn signedIn;
    private final OutboxStore outbox;
    private final DocumentService documents;

    SendingPage(SignedIn signedIn, OutboxStore outbox, DocumentService documents) {
        this.signedIn = signedIn;
        this.outbox = outbox;
        this.documents = documents;
    }

    @GetMapping("/sending")
    String sending(Authentication auth, @RequestParam(required = false) String enterprise, Model model) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        model.addAttribute("ctx", ctx);
        model.addAttribute("dead", outbox.troubles(ctx.enterprise().id(), true, 200));
        model.addAttribute("retrying", outbox.troubles(ctx.enterprise().id(), false, 200));
        return "sending";
    }

    /** Sends a dead-lettered (or sent) document again with its CopMsgId; back to where the button was. */
    @PostMapping("/documents/{id}/resend")
    String resend(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id,
                  @RequestParam(defaultValue = "document") String back, RedirectAttributes redirect) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        try {
            redirect.addFlashAttribute("resent", documents.resend(ctx.enterprise().id(), id));
        } catch (ValidationFailed e) {
            throw new PageNotFound();
        }
        return "sending".equals(back) ? "redirect:/sending?enterprise=" + ctx.enterprise().id()
                : "redirect:/documents/" + id + "?enterprise=" + ctx.enterprise().id();
    }
}
