package io.cebgw.server.api;

import io.cebgw.core.problem.GatewayProblem;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every error answer in the OpenAPI document: each operation lists, per HTTP status, the problem codes its route can
 * answer with (from the problem registry, by the route's family) and the problem+json shape they come in.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorAnswers {
    static final String PROBLEM = "Problem";
    /** The code families of each route family; GW-A (keys, parameters, bodies, routes) applies to all. */
    private static final Map<String, List<String>> FAMILIES = Map.of(
            "/api/v1/documents", List.of("GW-D"),
            "/api/v1/shipments", List.of("GW-S", "GW-D"),
            "/api/v1/webhooks", List.of("GW-W"),
            "/api/v1/keys", List.of(),
            "/api/v1/events", List.of(),
            "/api/v1/audit", List.of(),
            "/api/v1/enterprise", List.of("GW-E"),
            "/admin/v1", List.of("GW-E"));

    @Bean
    OpenApiCustomizer errorAnswers() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> addErrors(path, op)));
        };
    }

    private static void addErrors(String path, Operation op) {
        List<String> families = new ArrayList<>(FAMILIES.entrySet().stream().filter(f -> path.startsWith(f.getKey()))
                .findFirst().map(Map.Entry::getValue).orElse(List.of()));
        families.add(path.startsWith("/admin/") ? "GW-E4" : "GW-A");
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        for (GatewayProblem p : GatewayProblem.values()) {
            int status = p.spec().httpStatus();
            if (status >= 400 && status != 500 && families.stream().anyMatch(f -> p.spec().code().startsWith(f))) {
                byStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(p.spec().code() + " " + p.spec().en());
            }
        }
        byStatus.forEach((status, codes) -> {
            if (op.getResponses() != null && !op.getResponses().containsKey(String.valueOf(status))) {
                op.getResponses().addApiResponse(String.valueOf(status), new ApiResponse()
                        .description(String.join("; ", codes))
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
    }

    private static Schema<?> problemSchema() {
        ObjectSchema finding = new ObjectSchema();
        finding.addProperty("code", new StringSchema().example("CEB-F001"));
        finding.addProperty("severity", new StringSchema()._enum(List.of("ERROR", "WARNING")));
        finding.addProperty("path", new StringSchema().description("XPath of the field"));
        finding.addProperty("message", new StringSchema().description("中文"));
        finding.addProperty("messageEn", new StringSchema());
        finding.addProperty("linkedPath", new StringSchema().description("the other end of a rule across documents"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("Every refusal: application/problem+json with a stable code (docs/problems.md) and the text in Chinese and English");
        problem.addProperty("type", new StringSchema().example("about:blank"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("中文 / English"));
        problem.addProperty("code", new StringSchema().example("GW-D003"));
        problem.addProperty("zh", new StringSchema());
        problem.addProperty("en", new StringSchema());
        problem.addProperty("findings", new ArraySchema().items(finding));
        return problem;
    }
}
