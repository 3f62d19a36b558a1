package io.cebgw.server.api;

import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.problem.Problem;
import io.cebgw.server.logging.LogContext;
import io.cebgw.server.store.EnterpriseStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Every {@code /api/} request names its enterprise by its API key ({@code X-Api-Key}); the enterprise id is then the
 * only one its queries may use. Missing or unknown keys get 401 before any controller runs.
 */
@Component
class ApiKeyFilter extends OncePerRequestFilter {
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
            Problem problem = GatewayProblem.API_KEY.with();
            response.setStatus(problem.code().httpStatus());
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":" + problem.code().httpStatus()
                    + ",\"code\":\"" + problem.code().code() + "\",\"detail\":\"" + problem.zh() + " / " + problem.en() + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        request.setAttribute(ENTERPRISE, enterprise.get());
        try (LogContext context = LogContext.enterprise(enterprise.get())) {
            chain.doFilter(request, response);
        }
    }
}
