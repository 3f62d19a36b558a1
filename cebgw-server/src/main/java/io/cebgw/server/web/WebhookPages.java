package io.cebgw.server.web;

import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.events.WebhookService;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Set;

/**
 * Webhooks on the pages: the enterprise's subscriptions, a new one (its secret shown once), and each one's deliveries
 * with their attempts — a dead one sent again with one click, all dead ones at once, or a test event.
 */
@Controller
class WebhookPages {
    private static final Set<String> STATES = Set.of("PENDING", "DELIVERED", "DEAD");

    private final SignedIn signedIn;
    private final WebhookService webhooks;

    WebhookPages(SignedIn signedIn, WebhookService webhooks) {
        this.signedIn = signedIn;
        this.webhooks = webhooks;
    }

    @GetMapping("/webhooks")
    String list(Authentication auth, @RequestParam(required = false) String enterprise, Model model) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        model.addAttribute("ctx", ctx);
        model.addAttribute("webhooks", webhooks.list(ctx.enterprise().id()));
        model.addAttribute("eventTypes", WebhookService.eventTypes(LocaleContextHolder.getLocale()));
        return "webhooks";
    }

    @PostMapping("/webhooks")
    String create(Authentication auth, @RequestParam(required = false) String enterprise, @RequestParam(defaultValue = "") String url,
                  @RequestParam(required = false) List<String> events, @RequestParam(required = false) String description,
                  RedirectAttributes redirect) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        try {
            var created = webhooks.create(ctx.enterprise().id(), new WebhookService.Request(url.strip(), events == null ? List.of() : events,
                    description, true, null, false));
            redirect.addFlashAttribute("secret", created.get("secret"));
            return "redirect:/webhooks/" + created.get("id") + "?enterprise=" + ctx.enterprise().id();
        } catch (ValidationFailed e) {
            redirect.addFlashAttribute("webhookError", EntryPages.describe(e));
            redirect.addFlashAttribute("url", url);
            return "redirect:/webhooks?enterprise=" + ctx.enterprise().id();
        }
    }

    @GetMapping("/webhooks/{id}")
    String show(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id,
                @RequestParam(required = false) String state, Model model) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        String shownState = state != null && STATES.contains(state) ? state : null;
        try {
            model.addAttribute("ctx", ctx);
            model.addAttribute("webhook", webhooks.get(ctx.enterprise().id(), id));
            model.addAttribute("deliveries", webhooks.deliveries(ctx.enterprise().id(), id, shownState, 100));
            model.addAttribute("state", shownState);
            return "webhook";
        } catch (ValidationFailed e) {
            throw new PageNotFound();
        }
    }

    @GetMapping("/webhooks/{id}/deliveries/{deliveryId}")
    String delivery(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id,
                    @PathVariable long deliveryId, Model model) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        try {
            model.addAttribute("ctx", ctx);
            model.addAttribute("webhook", webhooks.get(ctx.enterprise().id(), id));
            model.addAttribute("delivery", webhooks.delivery(ctx.enterprise().id(), id, deliveryId));
            return "webhook-delivery";
        } catch (ValidationFailed e) {
            throw new PageNotFound();
        }
    }

    /** The buttons of a subscription's page: ping, replay (one or all dead), pause/resume, delete. */
    @PostMapping("/webhooks/{id}/{action}")
    String act(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id, @PathVariable String action,
               @RequestParam(required = false) Long delivery, RedirectAttributes redirect) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        String e = ctx.enterprise().id();
        try {
            switch (action) {
                case "ping" -> webhooks.ping(e, id);
                case "replay" -> {
                    if (delivery != null) {
                        webhooks.replay(e, id, delivery);
                    } else {
                        redirect.addFlashAttribute("replayed", webhooks.replayDead(e, id));
                    }
                }
                case "pause", "resume" -> webhooks.update(e, id, new WebhookService.Request(null, null, null, action.equals("resume"), null, false));
                case "rotate" -> redirect.addFlashAttribute("secret", webhooks.update(e, id, new WebhookService.Request(null, null, null, null, null, true))
                        .get("secret"));
                case "delete" -> {
                    webhooks.delete(e, id);
                    return "redirect:/webhooks?enterprise=" + e;
                }
                default -> throw new PageNotFound();
            }
        } catch (ValidationFailed failed) {
            if (failed.status() == 404) {
                throw new PageNotFound();
            }
            redirect.addFlashAttribute("webhookError", EntryPages.describe(failed));
        }
        return "redirect:/webhooks/" + id + "?enterprise=" + e;
    }

}
