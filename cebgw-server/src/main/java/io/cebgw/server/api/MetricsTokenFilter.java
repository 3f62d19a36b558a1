package io.cebgw.server.api;

import io.cebgw.core.problem.GatewayProblem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The actuator behind a token: liveness and readiness answer anyone (a status, no details), everything else — the full
 * health with each enterprise's transport and key, the Prometheus meters — needs {@code Authorization: Bearer
 * <cebgw.metrics-token>}. With no token configured those are off (403), never open.
 */
@Component
class MetricsTokenFilter extends OncePerRequestFilter {

    private final String token;

    MetricsTokenFilter(@Value("${cebgw.metrics-token:}") String token) {
        this.token = token;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = ApiKeyFilter.path(request);
        return !path.startsWith("/actuator") || path.equals("/actuator/health/liveness") || path.equals("/actuator/health/readiness");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if (token.isBlank()) {
            refuse(response, GatewayProblem.METRICS_OFF.with());
            return;
        }
        String given = request.getHeader("Authorization");
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected)) {
            refuse(response, GatewayProblem.METRICS_TOKEN.with());
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, io.cebgw.core.problem.Problem p) throws IOException {
        ApiKeyFilter.refuse(response, p);
    }
}
