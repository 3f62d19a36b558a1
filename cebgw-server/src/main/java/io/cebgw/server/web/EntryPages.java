package io.cebgw.server.web;

import io.cebgw.core.lifecycle.Lifecycle;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.server.document.DocumentService;
import io.cebgw.server.document.FindingsJson;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.store.DocumentRow;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Manual entry (方式一): pick a declaration type, fill in its form, save it as a draft (暂存) or declare it (申报). The
 * same validation as the API runs on submit; its findings are shown at the top and beside each field, with every
 * value kept. A repeated submit of the same form (its idempotency key) creates nothing twice.
 */
@Controller
class EntryPages {
    private final SignedIn signedIn;
    private final DocumentService documents;
    private final EntryDefaults defaults;

    EntryPages(SignedIn signedIn, DocumentService documents, EntryDefaults defaults) {
        this.signedIn = signedIn;
        this.documents = documents;
        this.defaults = defaults;
    }

    @GetMapping("/documents/new")
    String types(Authentication auth, @RequestParam(required = false) String enterprise, Model model) throws PageNotFound {
        model.addAttribute("ctx", signedIn.context(auth, enterprise));
        model.addAttribute("types", Arrays.stream(MessageType.values()).filter(MessageType::isDeclaration).toList());
        return "entry-types";
    }

    @GetMapping("/documents/new/{type}")
    String blank(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String type,
                 @RequestParam(required = false) List<String> from, @RequestParam(required = false) List<String> ids, Model model)
            throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        MessageType messageType = declaration(type);
        if (from == null || from.isEmpty()) {
            from = ids;   // the documents ticked in the list
        }
        EntryForm form = from == null || from.isEmpty() ? EntryForm.blank(messageType, initial(ctx, messageType))
                : EntryPrefill.from(messageType, sources(ctx, from), initial(ctx, messageType));
        return show(model, ctx, form, List.of(), UUID.randomUUID().toString(), Mode.NEW);
    }

    /** A new document like this one: every value and line, the gateway's fields new. */
    @GetMapping("/documents/{id}/copy")
    String copy(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id, Model model) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        EntryForm form = EntryPrefill.of(stored(ctx, id), initial(ctx, null)).asNew();
        return show(model, ctx, form, List.of(), UUID.randomUUID().toString(), Mode.NEW);
    }

    /**
     * The form of a stored document to work on: a draft is edited in place; a rejected or failed one is corrected and
     * declared anew (appType 1, its key is free again); one customs still lets change is declared as a change (appType 2).
     */
    @GetMapping("/documents/{id}/edit")
    String edit(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id, Model model) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        DocumentRow row = documents.row(ctx.enterprise().id(), id).orElseThrow(PageNotFound::new);
        Mode mode = Mode.of(row);
        if (mode == null) {
            throw new PageNotFound();
        }
        EntryForm form = EntryPrefill.of(stored(ctx, id), initial(ctx, null));
        form = mode == Mode.DRAFT ? form : form.asNew();
        model.addAttribute("editing", row);
        return show(model, ctx, form, List.of(), UUID.randomUUID().toString(), mode);
    }

    @PostMapping("/documents/new/{type}")
    String submit(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String type,
                  @RequestParam Map<String, String> params, Model model, HttpServletResponse response) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        MessageType messageType = declaration(type);
        String action = params.getOrDefault("action", "");
        Mode mode = Mode.CHANGE.name().equals(params.get("mode")) ? Mode.CHANGE : Mode.NEW;
        EntryForm form = EntryForm.blank(messageType, (g, f) -> "").withValues(params, action);
        String key = params.getOrDefault("idempotencyKey", UUID.randomUUID().toString());
        if (!action.equals("draft") && !action.equals("declare")) {
            return show(model, ctx, form, List.of(), key, mode);
        }
        form = form.stamped(mode.appType, now());
        try {
            DocumentService.Created created = documents.create(ctx.enterprise().id(), form.json(), true, key, action.equals("declare"));
            return "redirect:/documents/" + created.document().id() + "?enterprise=" + ctx.enterprise().id();
        } catch (ValidationFailed e) {
            response.setStatus(e.status() == 404 ? 422 : e.status());
            model.addAttribute("problem", e);
            return show(model, ctx, form, FindingsJson.maps(e.findings()), key, mode);
        }
    }

    /** The edit form of a draft sent back: the draft replaced, and declared when asked. */
    @PostMapping("/documents/{id}/edit")
    String saveDraft(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id,
                     @RequestParam Map<String, String> params, Model model, HttpServletResponse response) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        DocumentRow row = documents.row(ctx.enterprise().id(), id).orElseThrow(PageNotFound::new);
        MessageType messageType = MessageType.byRootName(row.messageType()).orElseThrow(PageNotFound::new);
        String action = params.getOrDefault("action", "");
        EntryForm form = EntryForm.blank(messageType, (g, f) -> "").withValues(params, action);
        model.addAttribute("editing", row);
        if (!action.equals("draft") && !action.equals("declare")) {
            return show(model, ctx, form, List.of(), "", Mode.DRAFT);
        }
        form = form.stamped(row.appType(), now());
        try {
            documents.updateDraft(ctx.enterprise().id(), id, form.json(), true, action.equals("declare"));
            return "redirect:/documents/" + id + "?enterprise=" + ctx.enterprise().id();
        } catch (ValidationFailed e) {
            response.setStatus(e.status() == 404 ? 422 : e.status());
            model.addAttribute("problem", e);
            return show(model, ctx, form, FindingsJson.maps(e.findings()), "", Mode.DRAFT);
        }
    }

    /** Deletes a draft. */
    @PostMapping("/documents/{id}/delete")
    String delete(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id,
                  RedirectAttributes redirect) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        try {
            documents.deleteDraft(ctx.enterprise().id(), id);
            redirect.addFlashAttribute("notice", english() ? "The draft was deleted." : "草稿已删除。");
            return "redirect:/documents?enterprise=" + ctx.enterprise().id();
        } catch (ValidationFailed e) {
            if (e.status() == 404) {
                throw new PageNotFound();
            }
            redirect.addFlashAttribute("declareError", describe(e));
            return "redirect:/documents/" + id + "?enterprise=" + ctx.enterprise().id();
        }
    }

    /** Declares the drafts ticked in the list, each on its own: one result line per document. */
    @PostMapping("/documents/declare")
    String declareMany(Authentication auth, @RequestParam(required = false) String enterprise, @RequestParam(required = false) List<String> ids,
                       RedirectAttributes redirect) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        List<Map<String, String>> results = new java.util.ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            Map<String, String> result = new java.util.LinkedHashMap<>();
            result.put("id", id);
            try {
                DocumentRow declared = documents.declare(ctx.enterprise().id(), id);
                result.put("key", declared.businessKey());
                result.put("type", declared.messageType());
                result.put("ok", "true");
                result.put("message", english() ? "declared" : "已申报");
            } catch (ValidationFailed e) {
                result.put("ok", "false");
                result.put("message", describe(e)
                        + e.findings().stream().filter(f -> f.isError()).limit(3).map(f -> "；" + f.message(english() ? java.util.Locale.ENGLISH
                        : java.util.Locale.CHINA)).collect(java.util.stream.Collectors.joining()));
            }
            results.add(result);
        }
        redirect.addFlashAttribute("batchResults", results);
        return "redirect:/documents?enterprise=" + ctx.enterprise().id();
    }

    /** Declares a stored draft. */
    @PostMapping("/documents/{id}/declare")
    String declare(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id,
                   RedirectAttributes redirect) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        try {
            documents.declare(ctx.enterprise().id(), id);
        } catch (ValidationFailed e) {
            if (e.status() == 404) {
                throw new PageNotFound();
            }
            redirect.addFlashAttribute("declareError", describe(e));
            redirect.addFlashAttribute("declareFindings", FindingsJson.maps(e.findings()));
        }
        return "redirect:/documents/" + id + "?enterprise=" + ctx.enterprise().id();
    }

    /** What a form is for: a new document, a draft edited in place, a change of a declared one (appType 2). */
    enum Mode {
        NEW("1"), DRAFT("1"), CHANGE("2");

        final String appType;

        Mode(String appType) {
            this.appType = appType;
        }

        /** How a stored document can be worked on, or null when it cannot (accepted and past change). */
        static Mode of(DocumentRow row) {
            if (row.copMsgId() == null) {
                return DRAFT;
            }
            if (Lifecycle.failed(row.status())) {
                return NEW;
            }
            MessageType type = MessageType.byRootName(row.messageType()).orElse(null);
            return type != null && !row.finalState() && Lifecycle.of(type).allowsChange(row.status()) ? CHANGE : null;
        }
    }

    private String show(Model model, SignedIn.Context ctx, EntryForm form, List<Map<String, String>> findings, String key, Mode mode) {
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
        model.addAttribute("mode", mode.name());
        return "entry";
    }

    private static String message(Map<String, String> finding) {
        return english() ? finding.get("messageEn") : finding.get("message");
    }

    private static MessageType declaration(String type) throws PageNotFound {
        return MessageType.lookup(type).filter(MessageType::isDeclaration).orElseThrow(PageNotFound::new);
    }

    /** What a new form starts with: the enterprise's transfer block, its own codes and usual values (EntryDefaults). */
    private BiFunction<String, String, String> initial(SignedIn.Context ctx, MessageType type) {
        Map<String, String> transfer = EntryDefaults.transfer(ctx.enterprise());
        Map<String, String> head = type == null ? Map.of() : defaults.of(ctx.enterprise(), type);
        return (group, field) -> group.equals(EntryForm.TRANSFER) ? transfer.getOrDefault(field, "") : head.getOrDefault(field, "");
    }

    private List<CebMessage> sources(SignedIn.Context ctx, List<String> ids) throws PageNotFound {
        List<CebMessage> sources = new java.util.ArrayList<>();
        for (String id : ids) {
            sources.add(stored(ctx, id));
        }
        return sources;
    }

    private CebMessage stored(SignedIn.Context ctx, String id) throws PageNotFound {
        try {
            return documents.message(ctx.enterprise().id(), id);
        } catch (ValidationFailed e) {
            throw new PageNotFound();
        }
    }

    /** A refusal on one line in the page's language: its code and text. */
    /** A refusal as a page shows it: its code and text in the page's language. */
    static String describe(ValidationFailed e) {
        return e.code() + " " + (english() ? e.getMessage() : e.zh());
    }

    private static String now() {
        return java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }

    private static boolean english() {
        return "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
    }
}
