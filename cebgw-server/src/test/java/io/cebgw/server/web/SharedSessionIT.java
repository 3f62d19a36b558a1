package io.cebgw.server.web;

import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.WebUsers;
import io.cebgw.server.store.Databases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes on one PostgreSQL, as behind a load balancer: a user signs in on one node and the other serves
 * them with the same session cookie (web sessions are kept in the database); signing out on the second ends the session
 * on the first too.
 */
@Tag("slow") // two whole gateways: failsafe
class SharedSessionIT {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aUserSignedInOnOneNodeIsServedByTheOther() throws Exception {
        String url = Databases.freshPostgres("cebgw_sessions");
        Path dir = Files.createTempDirectory("cebgw-sessions");
        try (ConfigurableApplicationContext a = node(url, dir); ConfigurableApplicationContext b = node(url, dir)) {
            Path p12 = dir.resolve("s.p12");
            Files.writeString(dir.resolve("s.pw"), "pw-s\n");
            KeyPairs.writePkcs12(TestKeys.key(SignatureSuite.SM2_SM3), p12, "pw-s".toCharArray(), "cebgw");
            EnterpriseService.Registered e = a.getBean(EnterpriseService.class).register("两个节点", "3301964ABC", "DXPENT0000026001", "EBC,AGENT",
                    "type=pkcs12\npath=" + p12 + "\npassword.file=" + dir.resolve("s.pw") + "\n");
            WebUsers.Created user = a.getBean(WebUsers.class).forEnterprise(e.enterprise().id(), "nodes", "节点用户");

            String session = signIn(port(a), "nodes", user.password());
            HttpResponse<String> onB = get(port(b), "/", session);
            assertThat(onB.statusCode()).as("node B knows the session node A made").isEqualTo(200);
            assertThat(onB.body()).contains("nav-dashboard");
            assertThat(get(port(b), "/", null).statusCode()).as("without it, the sign-in page").isEqualTo(302);

            HttpResponse<String> page = get(port(b), "/", session);
            String token = csrf(page.body());
            HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(b) + "/logout"))
                    .header("Cookie", "CEBGW_SESSION=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(out.statusCode()).isEqualTo(302);
            HttpResponse<String> onA = get(port(a), "/", session);
            assertThat(onA.statusCode()).as("signed out on B is signed out on A").isEqualTo(302);
            assertThat(onA.headers().firstValue("Location").orElse("")).contains("/login");
        }
    }

    private static ConfigurableApplicationContext node(String url, Path dir) {
        return GatewayApplication.start("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--cebgw.exchange-folder=" + dir.resolve("exchange"), "--cebgw.workers=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Signs in through the form (with its CSRF token) and returns the session cookie's value. */
    private String signIn(int port, String username, String password) throws Exception {
        HttpResponse<String> form = get(port, "/login", null);
        String cookie = cookie(form);
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf(form.body()), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Cookie", "CEBGW_SESSION=" + cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(signedIn);
    }

    private HttpResponse<String> get(int port, String path, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (session != null) {
            b.header("Cookie", "CEBGW_SESSION=" + session);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CEBGW_SESSION="))
                .map(c -> c.substring("CEBGW_SESSION=".length(), c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
