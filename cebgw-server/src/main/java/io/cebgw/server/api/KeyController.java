package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.server.access.Audit;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.store.ApiKeyStore;
import io.cebgw.server.store.EnterpriseStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calling enterprise's API keys (admin scope): list them (never their values), make one with a name, scopes and an
 * expiry (its value shown once), rotate one (a new key with the same name and scopes; the old one stays valid for the
 * overlap, 24 hours unless told), revoke one. Every change is in the audit trail.
 */
@RestController
@RequestMapping("/api/v1/keys")
class KeyController {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiKeyStore keys;
    private final Audit audit;
    private final Clock clock;

    KeyController(EnterpriseStore enterprises, Audit audit, Clock clock) {
        this.keys = enterprises.keys();
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    Map<String, Object> list(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @RequestAttribute(ApiKeyFilter.KEY) ApiKeyStore.KeyRow caller) {
        Instant now = clock.instant();
        return Map.of("keys", keys.list(enterprise).stream().map(k -> view(k, now, caller)).toList());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise,
                                               @RequestAttribute(ApiKeyFilter.KEY) ApiKeyStore.KeyRow caller,
                                               @RequestBody(required = false) byte[] body) throws ValidationFailed {
        JsonNode root = read(body);
        String name = root.path("name").asText("").strip();
        Set<String> scopes = new HashSet<>();
        root.path("scopes").forEach(s -> scopes.add(s.asText()));
        Instant expires = instant(root.path("expiresAt").asText(null));
        Instant now = clock.instant();
        if (name.isEmpty() || name.length() > 100 || scopes.isEmpty() || !ApiKeyStore.ALL_SCOPES.containsAll(scopes)
                || (expires != null && !expires.isAfter(now))) {
            throw ValidationFailed.of(GatewayProblem.API_KEY_FIELDS);
        }
        String value = io.cebgw.server.document.EnterpriseService.newApiKey();
        ApiKeyStore.KeyRow k = keys.add(enterprise, value, name, scopes, expires, now);
        audit.record(enterprise, "key.create", k.id(), name + " " + String.join(",", scopes));
        Map<String, Object> out = view(k, now, caller);
        out.put("key", value);
        return ResponseEntity.status(201).body(out);
    }

    /** A new key like this one; this one stays valid for {@code overlapHours} (body, default 24) and then expires. */
    @PostMapping("/{id}/rotate")
    ResponseEntity<Map<String, Object>> rotate(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise,
                                               @RequestAttribute(ApiKeyFilter.KEY) ApiKeyStore.KeyRow caller, @PathVariable String id,
                                               @RequestBody(required = false) byte[] body) throws ValidationFailed {
        ApiKeyStore.KeyRow old = keys.byId(enterprise, id).filter(k -> k.validAt(clock.instant()))
                .orElseThrow(() -> ValidationFailed.of(GatewayProblem.NO_SUCH_KEY, id));
        long hours = body == null || body.length == 0 ? 24 : read(body).path("overlapHours").asLong(24);
        if (hours < 0 || hours > 24 * 30) {
            throw ValidationFailed.of(GatewayProblem.BAD_PARAMETER, "overlapHours", hours, new io.cebgw.core.finding.Localized("0 到 720", "0 to 720"));
        }
        Instant now = clock.instant();
        String value = io.cebgw.server.document.EnterpriseService.newApiKey();
        ApiKeyStore.KeyRow k = keys.add(enterprise, value, old.name(), old.scopes(), old.expiresAt(), now);
        keys.expireBy(enterprise, old.id(), now.plus(Duration.ofHours(hours)));
        audit.record(enterprise, "key.rotate", old.id(), old.name() + " -> " + k.id() + ", old valid " + hours + " h more");
        Map<String, Object> out = view(k, now, caller);
        out.put("key", value);
        out.put("previousValidUntil", now.plus(Duration.ofHours(hours)).toString());
        return ResponseEntity.status(201).body(out);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id) throws ValidationFailed {
        if (!keys.revoke(enterprise, id, clock.instant())) {
            throw ValidationFailed.of(GatewayProblem.NO_SUCH_KEY, id);
        }
        audit.record(enterprise, "key.revoke", id, null);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> view(ApiKeyStore.KeyRow k, Instant now, ApiKeyStore.KeyRow caller) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("name", k.name());
        m.put("scopes", List.copyOf(new java.util.TreeSet<>(k.scopes())));
        m.put("createdAt", k.createdAt().toString());
        m.put("expiresAt", k.expiresAt() == null ? null : k.expiresAt().toString());
        m.put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
        m.put("lastUsedAt", k.lastUsedAt() == null ? null : k.lastUsedAt().toString());
        m.put("valid", k.validAt(now));
        m.put("current", k.id().equals(caller.id()));
        return m;
    }

    private static JsonNode read(byte[] body) throws ValidationFailed {
        try {
            JsonNode n = body == null || body.length == 0 ? null : JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw ValidationFailed.of(GatewayProblem.API_KEY_FIELDS);
            }
            return n;
        } catch (IOException e) {
            throw ValidationFailed.of(GatewayProblem.API_KEY_FIELDS);
        }
    }

    private static Instant instant(String s) throws ValidationFailed {
        try {
            return s == null || s.isBlank() ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw ValidationFailed.of(GatewayProblem.API_KEY_FIELDS);
        }
    }
}
