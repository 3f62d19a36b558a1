package io.cebgw.server.api;

import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.server.document.ValidationFailed;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whatever {@code /api/} or {@code /admin/} request no controller serves: problem+json with its code, like every other
 * refusal of the machine door — 405 (GW-A405) where the path exists for other methods, 404 (GW-A404) otherwise — not the
 * servlet container's or Spring Boot's error JSON. The least specific mapping there is, so every real route wins over it.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden   // not an operation of the API
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
        type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)   // not in `cebgw archive`
class UnknownRoutes {
    private final RequestMappingHandlerMapping mappings;

    UnknownRoutes(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping({"/api/**", "/admin/**"})
    void none(HttpServletRequest request) throws ValidationFailed {
        boolean pathExists = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType() != UnknownRoutes.class)
                .map(e -> e.getKey())
                .anyMatch(info -> matchesPath(info, request));
        throw ValidationFailed.of(pathExists ? GatewayProblem.METHOD_NOT_ALLOWED : GatewayProblem.NOT_FOUND);
    }

    private static boolean matchesPath(RequestMappingInfo info, HttpServletRequest request) {
        return info.getPathPatternsCondition() != null && info.getPathPatternsCondition().getMatchingCondition(request) != null;
    }
}
