package io.cebgw.server.web;

import io.cebgw.server.store.DocumentStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;

/**
 * The start page: how many documents are in each status, how many could not be sent (dead letters) or are being retried,
 * and which have waited too long for a receipt.
 */
@Controller
class DashboardPage {
    /** A declared document without any change for this long is shown as waiting. */
    static final Duration TOO_LONG = Duration.ofMinutes(30);

    private final SignedIn signedIn;
    private final DocumentStore documents;
    private final Clock clock;
    private final io.cebgw.server.store.OutboxStore outbox;

    DashboardPage(SignedIn signedIn, DocumentStore documents, Clock clock, io.cebgw.server.store.OutboxStore outbox) {
        this.outbox = outbox;
        this.signedIn = signedIn;
        this.documents = documents;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(Authentication auth, @RequestParam(required = false) String enterprise, Model model) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        model.addAttribute("ctx", ctx);
        model.addAttribute("counts", documents.countsByStatus(ctx.enterprise().id()));
        model.addAttribute("waiting", documents.waiting(ctx.enterprise().id(), clock.instant().minus(TOO_LONG), 20));
        model.addAttribute("waitingMinutes", TOO_LONG.toMinutes());
        model.addAttribute("trouble", outbox.troubleCounts(ctx.enterprise().id()));
        return "dashboard";
    }
}
