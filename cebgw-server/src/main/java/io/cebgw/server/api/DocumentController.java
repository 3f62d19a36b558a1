package io.cebgw.server.api;

import io.cebgw.core.lifecycle.ReturnStatus;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.server.document.DocumentService;
import io.cebgw.server.document.FindingsJson;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.store.Archive;
import io.cebgw.server.store.DocumentRow;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.OutboxStore;
import io.cebgw.server.store.ReceiptStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents of the calling enterprise: create from JSON or XML (draft or declare at once, idempotent with
 * {@code Idempotency-Key}), declare a draft, list, read with receipts and transitions, download each stage's XML,
 * resend. Another enterprise's document is 404, never data.
 */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentController {
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");
    private final DocumentService service;
    private final DocumentStore documents;
    private final ReceiptStore receipts;
    private final OutboxStore outbox;
    private final Archive archive;
    private final Clock clock;

    DocumentController(DocumentService service, DocumentStore documents, ReceiptStore receipts, OutboxStore outbox, Archive archive, Clock clock) {
        this.service = service;
        this.archive = archive;
        this.documents = documents;
        this.receipts = receipts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<Map<String, Object>> create(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @RequestBody byte[] body,
                                               @RequestHeader(value = "Content-Type") String contentType,
                                               @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                               @RequestParam(defaultValue = "false") boolean declare) throws ValidationFailed {
        DocumentService.Created created = service.create(enterprise, body, contentType.contains("json"), idempotencyKey, declare);
        Map<String, Object> out = summary(created.document());
        out.put("findings", FindingsJson.maps(created.findings()));
        return ResponseEntity.status(created.existing() ? 200 : 201).body(out);
    }

    @PostMapping("/{id}/declare")
    Map<String, Object> declare(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id) throws ValidationFailed {
        return summary(service.declare(enterprise, id));
    }

    @PostMapping("/{id}/resend")
    Map<String, Object> resend(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id) throws ValidationFailed {
        return Map.of("id", id, "requeued", service.resend(enterprise, id));
    }

    /**
     * A page of the enterprise's documents, newest first: by message type, status ({@code draft}, {@code none} or a
     * return status), creation day ({@code from}/{@code to}, Beijing days, both included) and part of the business key
     * ({@code number}).
     */
    @GetMapping
    List<Map<String, Object>> list(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise,
                                   @RequestParam(required = false) String type, @RequestParam(required = false) String status,
                                   @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                                           iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
                                   @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                                           iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate to,
                                   @RequestParam(required = false) String number,
                                   @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return documents.list(enterprise, DocumentStore.Filter.of(type, status, from, to, number), Math.max(1, Math.min(limit, 500)), Math.max(0, offset)).stream()
                .map(DocumentController::summary).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id) throws ValidationFailed {
        DocumentRow d = find(enterprise, id);
        Map<String, Object> out = summary(d);
        List<ReceiptStore.ReceiptRow> left = receipts.forDocument(enterprise, id);
        out.put("receipts", left);
        out.put("receiptsExported", archive.receiptsExported(d, left));
        out.put("transitions", receipts.transitions(id));
        out.put("outbox", outbox.forDocument(enterprise, id).stream().map(DocumentController::sending).toList());
        return out;
    }

    @GetMapping(value = "/{id}/xml", produces = "application/xml")
    ResponseEntity<byte[]> xml(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id) throws ValidationFailed {
        return xml(find(enterprise, id).unsignedXml(), id);
    }

    @GetMapping(value = "/{id}/signed.xml", produces = "application/xml")
    ResponseEntity<byte[]> signed(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id) throws ValidationFailed {
        return xml(find(enterprise, id).signedXml(), id);
    }

    @GetMapping(value = "/{id}/envelope.xml", produces = "application/xml")
    ResponseEntity<byte[]> envelope(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id) throws ValidationFailed {
        return xml(find(enterprise, id).envelope(), id);
    }

    private DocumentRow find(String enterprise, String id) throws ValidationFailed {
        return documents.byId(enterprise, id).orElseThrow(() ->
                ValidationFailed.of(GatewayProblem.NO_SUCH_DOCUMENT, id));
    }

    private static ResponseEntity<byte[]> xml(byte[] bytes, String id) throws ValidationFailed {
        if (bytes == null) {
            throw ValidationFailed.of(GatewayProblem.STAGE_NOT_REACHED);
        }
        return ResponseEntity.ok().contentType(XML).body(bytes);
    }

    /** Where the document's envelope is on its way out: state, attempts, and why the last attempt failed. */
    private static Map<String, Object> sending(io.cebgw.server.store.OutboxRow o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("copMsgId", o.copMsgId());
        m.put("state", o.state());
        m.put("stateName", Map.of("zh", o.state().label(java.util.Locale.CHINESE), "en", o.state().label(java.util.Locale.ENGLISH)));
        m.put("attempts", o.attempts());
        m.put("lastError", o.lastError());
        m.put("nextAttemptAt", o.state() == io.cebgw.core.lifecycle.OutboxState.PENDING && o.attempts() > 0 ? o.nextAttemptAt().toString() : null);
        return m;
    }

    static Map<String, Object> summary(DocumentRow d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("messageType", d.messageType());
        m.put("businessKey", d.businessKey());
        m.put("guid", d.guid());
        m.put("appType", d.appType());
        m.put("appStatus", d.appStatus());
        m.put("status", d.status());
        if (d.status() != null) {
            ReturnStatus status = ReturnStatus.of(d.status());
            m.put("statusName", Map.of("zh", status.zh(), "en", status.en()));
            m.put("statusMeaning", status.meaning().name());
        }
        m.put("statusTime", d.statusTime());
        m.put("final", d.finalState());
        m.put("copMsgId", d.copMsgId());
        m.put("createdAt", d.createdAt().toString());
        return m;
    }
}
