package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.crypto.SignatureSuite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin registration of an enterprise, its onboarding checklist, and the self-test that completes step 4. */
@Tag("slow") // full joint-test flows: runs under failsafe (mvn verify)
@TestPropertySource(properties = "cebgw.admin-key=adm1n-test-key")
class OnboardingIT extends GatewayTestBase {
    private HttpResponse<String> admin(String key, Object body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/v1/enterprises"))
                .header("Content-Type", "application/json").header("X-Admin-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void registerThenWalkTheFiveSteps() throws Exception {
        Map<String, String> body = Map.of("name", "宁波示例", "customsCode", "3302960001", "dxpId", "DXPENT0000055555", "roles", "EBC,AGENT",
                "signingProfile", profile(SignatureSuite.SM2_SM3, "onb"));
        assertThat(admin("wrong", body).statusCode()).isEqualTo(401);
        HttpResponse<String> created = admin("adm1n-test-key", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String apiKey = JSON.readTree(created.body()).path("apiKey").asText();
        assertThat(admin("adm1n-test-key", body).statusCode()).as("the same DXPID twice").isEqualTo(409);

        JsonNode steps = JSON.readTree(call("GET", "/api/v1/enterprise", apiKey, null, null).body()).path("onboarding");
        assertThat(steps).hasSize(5);
        assertThat(steps.get(0).path("done").asBoolean()).isTrue();
        assertThat(steps.get(1).path("done").asBoolean()).as(steps.get(1).toString()).isTrue();
        assertThat(steps.get(2).path("done").asBoolean()).isTrue();
        assertThat(steps.get(3).path("done").asBoolean()).isFalse();
        assertThat(steps.get(4).path("done").asBoolean()).isFalse();

        java.util.Set<String> before = selfTestFolders();
        JsonNode selfTest = JSON.readTree(call("POST", "/api/v1/enterprise/selftest", apiKey, null, null).body());
        assertThat(selfTest.path("passed").asBoolean()).as(selfTest.path("report").asText()).isTrue();
        assertThat(selfTestFolders()).as("the self-test leaves no folder behind").isSubsetOf(before);
        assertThat(selfTest.path("report").asText()).contains("结论：通过").startsWith("传输：临时交换目录");
        JsonNode after = JSON.readTree(call("GET", "/api/v1/enterprise", apiKey, null, null).body()).path("onboarding");
        assertThat(after.get(3).path("done").asBoolean()).isTrue();
        assertThat(after.get(4).path("detail").asText()).as("the tests' default transport is the in-process sandbox's").contains("默认传输是沙箱");
        assertThat(after.get(4).path("done").asBoolean()).isFalse();
    }

    @Test
    void aTestCertificateIsNotEPortAccess() throws Exception {
        java.nio.file.Path p12 = DIR.resolve("onb-self.p12");
        io.cebgw.crypto.cert.KeyPairs.writePkcs12(io.cebgw.crypto.cert.KeyPairs.selfSigned(SignatureSuite.SM2_SM3, "CN=自签,C=CN",
                java.time.Duration.ofDays(30)), p12, "pw-self".toCharArray(), "cebgw");
        java.nio.file.Path pw = DIR.resolve("onb-self.pw");
        java.nio.file.Files.writeString(pw, "pw-self\n");
        String apiKey = enterprises.register("自签证书", "3302960002", "DXPENT0000055556", "EBC,AGENT",
                "type=pkcs12\npath=" + p12 + "\npassword.file=" + pw + "\n").apiKey();
        JsonNode step2 = JSON.readTree(call("GET", "/api/v1/enterprise", apiKey, null, null).body()).path("onboarding").get(1);
        assertThat(step2.path("done").asBoolean()).as(step2.toString()).isFalse();
        assertThat(step2.path("detail").asText()).contains("测试证书").contains("cebgw csr");
    }

    private static java.util.Set<String> selfTestFolders() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cebgw-selftest")).collect(java.util.stream.Collectors.toSet());
        }
    }
}
