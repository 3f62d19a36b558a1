package io.cebgw.server.api;

import io.cebgw.server.access.Actor;
import io.cebgw.server.store.ApiKeyStore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.server.logging.LogContext;
import io.cebgw.server.store.EnterpriseStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;
import java.util.Optional;

/**
 * Every {@code /api/} request names its enterprise by its API key ({@code X-Api-Key}); the enterprise id is then the
 * only one its queries may use. Missing or unknown keys get 401 before any controller runs.
 */
@Component
class ApiKeyFilter extends OncePerRequestFilter {
    /** Writes problem+json as Spring's own converter does (a ProblemDetail's properties at the top level). */
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    static final String ENTERPRISE = "cebgw.enterprise";
    /** The calling key ({@link ApiKeyStore.KeyRow}). */
    static final String KEY = "cebgw.apiKey";
    private final EnterpriseStore enterprises;

    ApiKeyFilter(EnterpriseStore enterprises) {
        this.enterprises = enterprises;
    }

    /** The path as the dispatcher will match it: decoded, without ;parameters, within the application. */
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    static {
        PATHS.setUrlDecode(true);
        PATHS.setRemoveSemicolonContent(true);
    }

    /**
     * Decides on the path the controllers are matched against (so {@code /%61pi/v1/…} is an {@code /api/} request too),
     * never on the raw URI.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.startsWith("/api/") || path.equals("/api"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader("X-Api-Key");
        java.time.Instant now = java.time.Instant.now();
        Optional<ApiKeyStore.KeyRow> valid = key == null || key.isBlank() ? Optional.empty() : enterprises.keys().valid(key, now);
        if (valid.isEmpty()) {
            refuse(response, GatewayProblem.API_KEY.with());
            return;
        }
        ApiKeyStore.KeyRow k = valid.get();
        String scope = scopeFor(request.getMethod(), path(request));
        if (!k.scopes().contains(scope)) {
            refuse(response, GatewayProblem.API_SCOPE.with(k.name(), scope));
            return;
        }
        enterprises.keys().touch(k.id(), now);
        request.setAttribute(ENTERPRISE, k.enterpriseId());
        request.setAttribute(KEY, k);
        try (LogContext context = LogContext.enterprise(k.enterpriseId());
             Actor.Scope actor = Actor.as(new Actor("API_KEY", k.name() + " (" + k.id().substring(0, 8) + ")", request.getRemoteAddr()))) {
            chain.doFilter(request, response);
        }
    }

    /**
     * The scope a request needs: admin for keys and webhooks, read for every other GET, declare for what changes
     * documents and shipments.
     */
    static String scopeFor(String method, String path) {
        if (path.startsWith("/api/v1/keys") || path.startsWith("/api/v1/webhooks") || path.startsWith("/api/v1/audit")) {
            return "admin";
        }
        return "GET".equals(method) || "HEAD".equals(method) ? "read" : "declare";
    }

    /** The path as the dispatcher matches it (decoded, no ;parameters, within the application). */
    static String path(HttpServletRequest request) {
        return org.springframework.util.StringUtils.cleanPath(PATHS.getPathWithinApplication(request));
    }

    /** Answers with the problem as every API refusal does (problem+json). */
    static void refuse(HttpServletResponse response, io.cebgw.core.problem.Problem p) throws IOException {
        ProblemDetail problem = Problems.answer(p); // the same shape as every API refusal
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json;charset=UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
