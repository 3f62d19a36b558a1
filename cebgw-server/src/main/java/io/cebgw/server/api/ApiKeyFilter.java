package io.cebgw.server.api;

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
        String path = org.springframework.util.StringUtils.cleanPath(PATHS.getPathWithinApplication(request));
        return !(path.startsWith("/api/") || path.equals("/api"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader("X-Api-Key");
        Optional<String> enterprise = key == null || key.isBlank() ? Optional.empty() : enterprises.enterpriseOfKey(key);
        if (enterprise.isEmpty()) {
            ProblemDetail problem = Problems.answer(GatewayProblem.API_KEY.with()); // the same shape as every API refusal
            response.setStatus(problem.getStatus());
            response.setContentType("application/problem+json;charset=UTF-8");
            JSON.writeValue(response.getOutputStream(), problem);
            return;
        }
        request.setAttribute(ENTERPRISE, enterprise.get());
        try (LogContext context = LogContext.enterprise(enterprise.get())) {
            chain.doFilter(request, response);
        }
    }
}
