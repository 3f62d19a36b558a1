package io.cebgw.server.api;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.signing.SigningException;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.ValidationFailed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Platform administration: register an enterprise and get its first API key. Enabled only when an admin key is
 * configured ({@code cebgw.admin-key}, e.g. from CEBGW_ADMIN_KEY); requests carry it in {@code X-Admin-Key}.
 */
@RestController
@RequestMapping("/admin/v1")
class AdminController {
    private final EnterpriseService enterprises;
    private final String adminKey;

    private final io.cebgw.server.store.EnterpriseStore enterpriseStore;
    private final io.cebgw.server.document.WebUsers webUsers;

    AdminController(EnterpriseService enterprises, io.cebgw.server.store.EnterpriseStore enterpriseStore, io.cebgw.server.document.WebUsers webUsers,
                    @Value("${cebgw.admin-key:}") String adminKey) {
        this.enterpriseStore = enterpriseStore;
        this.webUsers = webUsers;
        this.enterprises = enterprises;
        this.adminKey = adminKey;
    }

    /**
     * The body of an enterprise registration; signingProfile is key-source properties text, transportProfile transport
     * properties text (docs/transports.md; none: the gateway's default) — references to secrets only, never secrets.
     */
    record NewEnterprise(String name, String customsCode, String dxpId, String roles, String signingProfile, String transportProfile) {
    }

    @PostMapping("/enterprises")
    ResponseEntity<Map<String, Object>> register(@RequestHeader(value = "X-Admin-Key", required = false) String key,
                                                 @RequestBody NewEnterprise body) throws ValidationFailed {
        authorize(key);
        if (body.name() == null || body.customsCode() == null || body.dxpId() == null || !body.dxpId().matches("[A-Za-z0-9]{1,16}")) {
            throw ValidationFailed.of(GatewayProblem.ENTERPRISE_FIELDS);
        }
        try {
            EnterpriseService.Registered r = enterprises.register(body.name(), body.customsCode(), body.dxpId(),
                    body.roles() == null ? "EBC" : body.roles(), body.signingProfile(), body.transportProfile());
            return ResponseEntity.status(201).body(Map.of("id", r.enterprise().id(), "dxpId", r.enterprise().dxpId(), "apiKey", r.apiKey()));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ValidationFailed.of(GatewayProblem.DXPID_TAKEN, body.dxpId());
        } catch (SigningException e) {
            throw ValidationFailed.of(GatewayProblem.ENTERPRISE_PROFILE, new Localized(e.describe(Locale.CHINA), e.describe(Locale.ENGLISH)));
        } catch (io.cebgw.core.transport.TransportException e) {
            throw ValidationFailed.of(GatewayProblem.ENTERPRISE_PROFILE, new Localized(e.describe(Locale.CHINA), e.describe(Locale.ENGLISH)));
        }
    }

    /** The body of a web user: for an enterprise (by DXPID), or a platform administrator managing several. */
    record NewUser(String username, String displayName, String dxpId, List<String> manages) {
    }

    /** Creates a web user; its generated password is in the answer, once. */
    @PostMapping("/users")
    ResponseEntity<Map<String, Object>> user(@RequestHeader(value = "X-Admin-Key", required = false) String key, @RequestBody NewUser body)
            throws ValidationFailed {
        authorize(key);
        try {
            io.cebgw.server.document.WebUsers.Created created;
            if (body.dxpId() != null) {
                String enterprise = enterpriseStore.byDxpId(body.dxpId()).orElseThrow(() -> unknown(body.dxpId())).id();
                created = webUsers.forEnterprise(enterprise, body.username(), body.displayName());
            } else {
                List<String> managed = new java.util.ArrayList<>();
                for (String dxpId : body.manages() == null ? List.<String>of() : body.manages()) {
                    managed.add(enterpriseStore.byDxpId(dxpId).orElseThrow(() -> unknown(dxpId)).id());
                }
                if (managed.isEmpty()) {
                    throw ValidationFailed.of(GatewayProblem.USER_SCOPE);
                }
                created = webUsers.platformAdministrator(body.username(), body.displayName(), managed);
            }
            return ResponseEntity.status(201).body(Map.of("username", created.user().username(), "role", created.user().role(),
                    "password", created.password()));
        } catch (IllegalArgumentException e) {
            throw ValidationFailed.of(GatewayProblem.USERNAME_FORMAT);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ValidationFailed.of(GatewayProblem.USERNAME_TAKEN, body.username());
        }
    }

    private static ValidationFailed unknown(String dxpId) {
        return ValidationFailed.of(GatewayProblem.NO_SUCH_ENTERPRISE, dxpId);
    }

    private void authorize(String key) throws ValidationFailed {
        if (adminKey.isBlank()) {
            throw ValidationFailed.of(GatewayProblem.ADMIN_OFF);
        }
        if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), adminKey.getBytes(StandardCharsets.UTF_8))) {
            throw ValidationFailed.of(GatewayProblem.WRONG_ADMIN_KEY);
        }
    }
}
