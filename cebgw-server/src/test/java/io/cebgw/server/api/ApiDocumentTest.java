package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document says what the API is and declares its key, so Swagger UI's Authorize button works. */
class ApiDocumentTest extends GatewayTestBase {
    @Test
    void theDocumentHasATitleAVersionAndTheApiKeyScheme() throws Exception {
        var r = call("GET", "/v3/api-docs", null, null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.path("info").path("title").asText()).isEqualTo("CEB Gateway API");
        assertThat(doc.path("info").path("version").asText()).isEqualTo("v1");
        assertThat(doc.path("info").path("description").asText()).contains("problem+json");
        JsonNode scheme = doc.path("components").path("securitySchemes").path("apiKey");
        assertThat(scheme.path("type").asText()).isEqualTo("apiKey");
        assertThat(scheme.path("in").asText()).isEqualTo("header");
        assertThat(scheme.path("name").asText()).isEqualTo("X-Api-Key");
        assertThat(doc.path("security").toString()).contains("apiKey");
        assertThat(doc.path("paths").has("/api/v1/documents")).isTrue();
        assertThat(doc.path("paths").toString()).as("the catch-all for unknown routes is not an operation").doesNotContain("/api/**");

        JsonNode create = doc.path("paths").path("/api/v1/documents").path("post").path("responses");
        assertThat(create.path("422").path("description").asText()).contains("GW-D003").contains("GW-D002");
        assertThat(create.path("403").path("description").asText()).contains("GW-D403").contains("GW-A403");
        assertThat(create.path("401").path("description").asText()).contains("GW-A001");
        assertThat(create.path("409").path("description").asText()).contains("GW-D004");
        assertThat(create.path("422").path("content").path("application/problem+json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.path("components").path("schemas").path("Problem").path("properties").has("findings")).isTrue();
        JsonNode hook = doc.path("paths").path("/api/v1/webhooks").path("post").path("responses");
        assertThat(hook.path("422").path("description").asText()).contains("GW-W002").doesNotContain("GW-D003");
        assertThat(doc.path("paths").toString()).as("no 500 is documented: a client's mistake never gets one").doesNotContain("\"500\"");
        for (var paths = doc.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            path.getValue().fields().forEachRemaining(op -> assertThat(op.getValue().path("responses").fieldNames())
                    .as(path.getKey() + " " + op.getKey()).toIterable().anyMatch(code -> code.startsWith("4")));
        }
    }
}
