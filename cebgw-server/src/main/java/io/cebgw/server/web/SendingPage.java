package io.cebgw.server.web;

import io.cebgw.server.access.Audit;
import io.cebgw.server.store.DocumentRow;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.OutboxStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;

/**
 * Sending trouble a person can act on: the documents the gateway gave up sending (dead letters) and those it is
 * retrying, each with its attempts, last error in words and next attempt; a dead one is sent again with one click.
 */
@Controller
class SendingPage {
    private final SignedIn signedIn;
    private final OutboxStore outbox;
    private final DocumentStore documents;
    private final Audit audit;
    private final Clock clock;

    SendingPage(SignedIn signedIn, OutboxStore outbox, DocumentStore documents, Audit audit, Clock clock) {
        this.signedIn = signedIn;
        this.outbox = outbox;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
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
        DocumentRow d = documents.byId(ctx.enterprise().id(), id).orElseThrow(PageNotFound::new);
        int requeued = outbox.resend(ctx.enterprise().id(), id, clock.instant());
        if (requeued > 0) {
            audit.record(ctx.enterprise().id(), "document.resend", id, d.messageType() + " " + d.businessKey());
        }
        redirect.addFlashAttribute("resent", requeued);
        return "sending".equals(back) ? "redirect:/sending?enterprise=" + ctx.enterprise().id()
                : "redirect:/documents/" + id + "?enterprise=" + ctx.enterprise().id();
    }
}
