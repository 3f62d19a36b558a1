package io.cebgw.server.api;

import io.cebgw.server.store.Databases;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AccessTest} with the gateway on the machine's PostgreSQL. */
@Tag("slow")
class AccessPostgresIT extends AccessTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry r) {
        String url = Databases.freshPostgres("cebgw_it_access");
        r.add("spring.datasource.url", () -> url);
        r.add("spring.datasource.username", () -> "postgres");
        r.add("spring.datasource.password", () -> "");
    }
}
