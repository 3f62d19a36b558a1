package io.cebgw.server;

import io.cebgw.server.events.DeadLetterEvents;
import io.cebgw.server.events.WebhookFanout;
import io.cebgw.server.events.WebhookPublisher;
import io.cebgw.server.events.WebhookSender;
import io.cebgw.server.events.WebhookService;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.ReceiptStore;
import io.cebgw.server.store.ShipmentStore;
import io.cebgw.server.store.WebhookStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * Events pushed to ERPs: subscriptions, the delivery queue, the fan-out of status changes and the sender
 * ({@code cebgw.webhooks.first-retry}, {@code max-retry}, {@code max-attempts}, {@code timeout}; docs/api.md).
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {
    @Bean
    WebhookStore webhookStore(DataSource dataSource, TransactionTemplate tx) {
        return new WebhookStore(dataSource, tx);
    }

    @Bean
    WebhookPublisher webhookPublisher(WebhookStore webhooks, Clock clock) {
        return new WebhookPublisher(webhooks, clock);
    }

    @Bean
    DeadLetterEvents deadLetterEvents(DocumentStore documents, WebhookPublisher publisher, Clock clock) {
        return new DeadLetterEvents(documents, publisher, clock);
    }

    @Bean
    WebhookService webhookService(WebhookStore webhooks, io.cebgw.server.access.Audit audit, Clock clock) {
        return new WebhookService(webhooks, audit, clock);
    }

    @Bean
    WebhookFanout webhookFanout(WebhookStore webhooks, ReceiptStore receipts, ShipmentStore shipments, DocumentStore documents,
                                TransactionTemplate tx, Clock clock) {
        return new WebhookFanout(webhooks, receipts, shipments, documents, tx, clock);
    }

    @Bean
    WebhookSender webhookSender(WebhookStore webhooks, Clock clock,
                                @Value("${cebgw.webhooks.first-retry:10s}") Duration firstRetry,
                                @Value("${cebgw.webhooks.max-retry:1h}") Duration maxRetry,
                                @Value("${cebgw.webhooks.max-attempts:8}") int maxAttempts,
                                @Value("${cebgw.webhooks.timeout:10s}") Duration timeout) {
        return new WebhookSender(webhooks, clock, new WebhookSender.Policy(firstRetry, maxRetry, maxAttempts, timeout));
    }
}
