package io.cebgw.server.web;

import io.cebgw.core.spec.MessageType;
import io.cebgw.server.document.DocumentService;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.store.EnterpriseRow;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Manual entry (方式一): pick a declaration type, fill in its form, save it as a draft (暂存) or declare it (申报). The
 * same validation as the API runs on submit; its findings are shown at the top and beside each field, with every
 * value kept. A repeated submit of the same form (its idempotency key) creates nothing twice.
 */
@Controller
class EntryPages {
    private final SignedIn signedIn;
    private final DocumentService documents;

    EntryPages(SignedIn signedIn, DocumentService documents) {
        this.signedIn = signedIn;
        this.documents = documents;
    }

    @GetMapping("/documents/new")
    String types(Authentication auth, @RequestParam(required = false) String enterprise, Model model) throws PageNotFound {
        model.addAttribute("ctx", signedIn.context(auth, enterprise));
        model.addAttribute("types", Arrays.stream(MessageType.values()).filter(MessageType::isDeclaration).toList());
        return "entry-types";
    }

    @GetMapping("/documents/new/{type}")
    String blank(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String type, Model model)
            throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        MessageType messageType = declaration(type);
        return show(model, ctx, EntryForm.blank(messageType, (group, field) -> initial(ctx.enterprise(), group, field)), List.of(),
                UUID.randomUUID().toString());
    }

    @PostMapping("/documents/new/{type}")
    String submit(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String type,
                  @RequestParam Map<String, String> params, Model model, HttpServletResponse response) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        MessageType messageType = declaration(type);
        String action = params.getOrDefault("action", "");
        EntryForm form = EntryForm.blank(messageType, (g, f) -> "").withValues(params,
                action.startsWith("add:") ? action.substring(4) : null, action.startsWith("remove:") ? action.substring(7) : null);
        String key = params.getOrDefault("idempotencyKey", UUID.randomUUID().toString());
        if (!action.equals("draft") && !action.equals("declare")) {
            return show(model, ctx, form, List.of(), key);
        }
        try {
            DocumentService.Created created = documents.create(ctx.enterprise().id(), form.json(), true, key, action.equals("declare"));
            return "redirect:/documents/" + created.document().id() + "?enterprise=" + ctx.enterprise().id();
        } catch (ValidationFailed e) {
            response.setStatus(422);
            model.addAttribute("problem", e);
            return show(model, ctx, form, io.cebgw.server.document.FindingsJson.maps(e.findings()), key);
        }
    }

    /** Declares a stored draft. */
    @PostMapping("/documents/{id}/declare")
    String declare(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id,
                   org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        try {
            documents.declare(ctx.enterprise().id(), id);
        } catch (ValidationFailed e) {
            if (e.status() == 404) {
                throw new PageNotFound();
            }
            redirect.addFlashAttribute("declareError", e.code() + " " + (english() ? e.getMessage() : e.zh()));
            redirect.addFlashAttribute("declareFindings", io.cebgw.server.document.FindingsJson.maps(e.findings()));
        }
        return "redirect:/documents/" + id + "?enterprise=" + ctx.enterprise().id();
    }

    private String show(Model model, SignedIn.Context ctx, EntryForm form, List<Map<String, String>> findings, String key) {
        Map<String, String> errors = new HashMap<>();
        for (Map<String, String> f : findings) {
            String param = form.paramOf(f.get("path"));
            if (param != null && "ERROR".equals(f.get("severity"))) {
                errors.merge(param, message(f), (a, b) -> a + "；" + b);
            }
        }
        model.addAttribute("ctx", ctx);
        model.addAttribute("form", form);
        model.addAttribute("findings", findings);
        model.addAttribute("errors", errors);
        model.addAttribute("idempotencyKey", key);
        return "entry";
    }

    private static String message(Map<String, String> finding) {
        return english() ? finding.get("messageEn") : finding.get("message");
    }

    private static MessageType declaration(String type) throws PageNotFound {
        return MessageType.lookup(type).filter(MessageType::isDeclaration).orElseThrow(PageNotFound::new);
    }

    /** What a new form starts with: the enterprise's own codes in the transfer block, a new declaration (appType 1). */
    private static String initial(EnterpriseRow e, String group, String field) {
        if (group.equals("BaseTransfer")) {
            return switch (field) {
                case "copCode" -> e.customsCode();
                case "copName" -> e.name();
                case "dxpId" -> e.dxpId();
                case "dxpMode" -> "DXP";
                default -> "";
            };
        }
        return field.equals("appType") ? "1" : "";
    }

    private static boolean english() {
        return "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
    }
}
