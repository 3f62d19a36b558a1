package io.cebgw.server;

import io.cebgw.server.document.Signers;
import io.cebgw.server.ops.GatewayMeters;
import io.cebgw.server.ops.SigningKeysHealth;
import io.cebgw.server.ops.TransportsHealth;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.EnterpriseStore;
import io.cebgw.server.store.OutboxStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Health (readiness: transports, signing keys) and the gateway's meters (docs/zh/ops.md). */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {
    @Bean("transportsHealthIndicator")
    TransportsHealth transportsHealth(EnterpriseStore enterprises, GatewayProperties properties) {
        return new TransportsHealth(enterprises, properties.transportSpec());
    }

    @Bean("signingKeysHealthIndicator")
    SigningKeysHealth signingKeysHealth(EnterpriseStore enterprises, Signers signers, Clock clock) {
        return new SigningKeysHealth(enterprises, signers, clock);
    }

    @Bean
    GatewayMeters gatewayMeters(DocumentStore documents, OutboxStore outbox, SigningKeysHealth keys, Clock clock) {
        return new GatewayMeters(documents, outbox, keys, clock);
    }

    @Bean
    io.cebgw.server.ops.Alerting alerting(EnterpriseStore enterprises, DocumentStore documents, OutboxStore outbox, TransportsHealth transports,
                                          SigningKeysHealth keys, org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock,
                                          org.springframework.core.env.Environment env) {
        java.util.List<io.cebgw.server.ops.AlertChannel> channels = new java.util.ArrayList<>();
        for (String type : java.util.List.of("dingtalk", "wecom", "feishu", "webhook")) {
            String url = env.getProperty("cebgw.alerts." + type + ".url");
            if (url != null && !url.isBlank()) {
                channels.add(new io.cebgw.server.ops.AlertChannel(type, url.strip(), env.getProperty("cebgw.alerts." + type + ".secret")));
            }
        }
        io.cebgw.server.ops.AlertRules rules = new io.cebgw.server.ops.AlertRules(enterprises, documents, outbox, transports, keys, clock,
                new io.cebgw.server.ops.AlertRules.Limits(env.getProperty("cebgw.alerts.receipt-overdue", java.time.Duration.class,
                        java.time.Duration.ofMinutes(30)), env.getProperty("cebgw.alerts.outbox-age", java.time.Duration.class, java.time.Duration.ofMinutes(10))));
        return new io.cebgw.server.ops.Alerting(rules, new io.cebgw.server.store.AlertStore(jdbc), channels,
                env.getProperty("cebgw.alerts.repeat", java.time.Duration.class, java.time.Duration.ofHours(4)), clock);
    }
}
