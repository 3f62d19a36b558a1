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
import java.util.Set;

/**
 * The actuator behind a token: liveness, readiness and the enterprises' group answer anyone (a status, no details), everything else — the full
 * health with each enterprise's transport and key, the Prometheus meters — needs {@code Authorization: Bearer
 * <cebgw.metrics-token>}. With no token configured those are off (403), never open.
 */
@Component
class MetricsTokenFilter extends OncePerRequestFilter {

    /** The health groups that give a status and no details: probes and monitors reach them without the token. */
    private static final Set<String> STATUS_ONLY = Set.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health/enterprises");
    private final String token;

    MetricsTokenFilter(@Value("${cebgw.metrics-token:}") String token) {
        this.token = token;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = ApiKeyFilter.path(request);
        return !path.startsWith("/actuator") || STATUS_ONLY.contains(path);
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
