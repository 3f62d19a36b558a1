package io.cebgw.server.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.spec.MessageType;
import io.cebgw.server.store.Archive;
import io.cebgw.server.store.DocumentRow;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.OutboxStore;
import io.cebgw.server.store.ReceiptStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The document list with filters, and one document's page: receipt timeline, findings, its XML at each stage. */
@Controller
class DocumentPages {
    private static final int PAGE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignedIn signedIn;
    private final DocumentStore documents;
    private final ReceiptStore receipts;
    private final OutboxStore outbox;
    private final io.cebgw.server.store.ShipmentStore shipments;

    private final io.cebgw.server.access.Audit audit;
    private final Archive archive;

    DocumentPages(SignedIn signedIn, DocumentStore documents, ReceiptStore receipts, OutboxStore outbox,
                  io.cebgw.server.store.ShipmentStore shipments, io.cebgw.server.access.Audit audit, Archive archive) {
        this.audit = audit;
        this.archive = archive;
        this.signedIn = signedIn;
        this.documents = documents;
        this.receipts = receipts;
        this.outbox = outbox;
        this.shipments = shipments;
    }

    @GetMapping("/documents")
    String list(Authentication auth, @RequestParam(required = false) String enterprise, @RequestParam(required = false) String type,
                @RequestParam(required = false) String status, @RequestParam(name = "from", required = false) String fromText,
                @RequestParam(name = "to", required = false) String toText,
                @RequestParam(required = false) String number, @RequestParam(defaultValue = "0") int page, Model model) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        LocalDate from = date(fromText);
        LocalDate to = date(toText);
        model.addAttribute("badDate", from == null && !orEmpty(fromText).isBlank() || to == null && !orEmpty(toText).isBlank());
        DocumentStore.Filter filter = DocumentStore.Filter.of(type, status, from, to, number);
        int current = Math.max(0, page);
        List<DocumentRow> rows = documents.list(ctx.enterprise().id(), filter, PAGE + 1, current * PAGE);
        model.addAttribute("ctx", ctx);
        List<DocumentRow> shown = rows.subList(0, Math.min(rows.size(), PAGE));
        model.addAttribute("documents", shown);
        model.addAttribute("shipments", shipments.ofDocuments(ctx.enterprise().id(), shown.stream().map(DocumentRow::id).toList()));
        model.addAttribute("hasNext", rows.size() > PAGE);
        model.addAttribute("page", current);
        model.addAttribute("types", Arrays.stream(MessageType.values()).filter(MessageType::isDeclaration).toList());
        model.addAttribute("filter", Map.of("type", orEmpty(type), "status", orEmpty(status), "from", from == null ? orEmpty(fromText) : from.toString(),
                "to", to == null ? orEmpty(toText) : to.toString(), "number", orEmpty(number)));
        return "documents";
    }

    @GetMapping("/documents/{id}")
    String document(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id, Model model)
            throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        DocumentRow d = documents.byId(ctx.enterprise().id(), id).orElseThrow(PageNotFound::new);
        model.addAttribute("ctx", ctx);
        model.addAttribute("d", d);
        model.addAttribute("type", MessageType.byRootName(d.messageType()).orElse(null));
        EntryPages.Mode mode = EntryPages.Mode.of(d);
        model.addAttribute("editMode", mode == null ? "" : mode.name());
        List<ReceiptStore.ReceiptRow> left = receipts.forDocument(ctx.enterprise().id(), id);
        model.addAttribute("receipts", left);
        model.addAttribute("receiptsExported", archive.receiptsExported(d, left));
        model.addAttribute("transitions", receipts.transitions(id));
        model.addAttribute("outbox", outbox.forDocument(ctx.enterprise().id(), id));
        model.addAttribute("findings", findings(d.findings()));
        model.addAttribute("audit", audit.of(ctx.enterprise().id(), id));
        model.addAttribute("signedXml", d.signedXml() == null ? null : new String(d.signedXml(), StandardCharsets.UTF_8));
        return "document";
    }

    /** The document's XML at a stage ({@code xml} as entered, {@code signed}, {@code envelope} as sent), as a download. */
    @GetMapping("/documents/{id}/{stage:xml|signed|envelope}.xml")
    ResponseEntity<byte[]> download(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id,
                                    @PathVariable String stage) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        DocumentRow d = documents.byId(ctx.enterprise().id(), id).orElseThrow(PageNotFound::new);
        byte[] bytes = switch (stage) {
            case "signed" -> d.signedXml();
            case "envelope" -> d.envelope();
            default -> d.unsignedXml();
        };
        if (bytes == null) {
            throw new PageNotFound();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.messageType() + "-" + stage + "-" + id + ".xml")
                        .build().toString())
                .body(bytes);
    }

    private static List<Map<String, String>> findings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A date as people write it here: 2026-12-03, 2026/12/03 or 20261203; null when it is none of them. */
    private static LocalDate date(String text) {
        String digits = orEmpty(text).strip().replace("-", "").replace("/", "");
        if (digits.length() != 8 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return LocalDate.parse(digits, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }


    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
