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
    }
}
