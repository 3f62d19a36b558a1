package io.cebgw.server.api;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.server.access.Audit;
import io.cebgw.server.document.DocumentService;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.store.AuditStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The audit trail: one document's (read scope), and the enterprise's as CSV for a period (admin scope). */
@RestController
class AuditController {
    private final Audit audit;
    private final DocumentService documents;
    private final Clock clock;

    AuditController(Audit audit, DocumentService documents, Clock clock) {
        this.audit = audit;
        this.documents = documents;
        this.clock = clock;
    }

    @GetMapping("/api/v1/documents/{id}/audit")
    List<AuditStore.AuditRow> document(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id) throws ValidationFailed {
        documents.row(enterprise, id).orElseThrow(() -> ValidationFailed.of(GatewayProblem.NO_SUCH_DOCUMENT, id));
        return audit.of(enterprise, id);
    }

    /** {@code from} and {@code to} as ISO-8601 instants; the last 30 days unless given. */
    @GetMapping(path = "/api/v1/audit", produces = "text/csv")
    ResponseEntity<byte[]> export(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) throws ValidationFailed {
        Instant end = instant("to", to, clock.instant().plusSeconds(1));
        Instant start = instant("from", from, end.minus(Duration.ofDays(30)));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cebgw-audit.csv\"")
                .body(audit.csv(enterprise, start, end).getBytes(StandardCharsets.UTF_8));
    }

    private static Instant instant(String name, String value, Instant otherwise) throws ValidationFailed {
        try {
            return value == null || value.isBlank() ? otherwise : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationFailed.of(GatewayProblem.BAD_PARAMETER, name, value, new Localized("ISO-8601 时间，如 2026-12-01T00:00:00Z",
                    "an ISO-8601 instant such as 2026-12-01T00:00:00Z"));
        }
    }
}
