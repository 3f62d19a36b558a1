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

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes on one PostgreSQL, as behind a load balancer: a user signs in on one node and the other serves
 * them with the same session cookie (web sessions are kept in the database); signing out on the second ends the session
 * on the first too.
 */
@Tag("slow") // two whole gateways: failsafe
class SharedSessionIT {
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

            String session = FormSignIn.session(port(a), "nodes", user.password());
            HttpResponse<String> onB = FormSignIn.get(port(b), "/", session);
            assertThat(onB.statusCode()).as("node B knows the session node A made").isEqualTo(200);
            assertThat(onB.body()).contains("nav-dashboard");
            assertThat(FormSignIn.get(port(b), "/", null).statusCode()).as("without it, the sign-in page").isEqualTo(302);

            HttpResponse<String> page = FormSignIn.get(port(b), "/", session);
            String token = FormSignIn.csrf(page.body());
            HttpResponse<String> out = FormSignIn.post(port(b), "/logout", session, "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            assertThat(out.statusCode()).isEqualTo(302);
            HttpResponse<String> onA = FormSignIn.get(port(a), "/", session);
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
}
