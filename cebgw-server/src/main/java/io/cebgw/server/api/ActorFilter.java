package io.cebgw.server.api;

import io.cebgw.server.access.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Who a page or admin request acts as, for the audit trail: the signed-in user, or the admin key on {@code /admin/}.
 * (An API request's actor is its key, set by {@link ApiKeyFilter}.) Runs after Spring Security has signed the user in.
 */
@Component
class ActorFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Actor actor = path.startsWith("/admin/") ? new Actor("ADMIN", "admin-key", request.getRemoteAddr())
                : auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())
                ? new Actor("USER", auth.getName(), request.getRemoteAddr()) : null;
        if (actor == null || path.startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        try (Actor.Scope scope = Actor.as(actor)) {
            chain.doFilter(request, response);
        }
    }
}
