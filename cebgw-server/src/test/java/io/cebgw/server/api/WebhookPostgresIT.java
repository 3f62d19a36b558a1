package io.cebgw.server.api;

import io.cebgw.server.store.Databases;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link WebhookTest} with the gateway on the machine's PostgreSQL (row claiming with SKIP LOCKED, the cursor's row lock). */
@Tag("slow")
class WebhookPostgresIT extends WebhookTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry r) {
        String url = Databases.freshPostgres("cebgw_it_webhooks");
        r.add("spring.datasource.url", () -> url);
        r.add("spring.datasource.username", () -> "postgres");
        r.add("spring.datasource.password", () -> "");
    }
}
