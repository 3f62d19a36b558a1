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
}
