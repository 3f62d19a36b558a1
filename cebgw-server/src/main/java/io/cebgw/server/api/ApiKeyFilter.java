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

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
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
