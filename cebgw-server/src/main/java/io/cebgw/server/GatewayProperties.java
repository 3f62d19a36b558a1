package io.cebgw.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code cebgw.*} settings (application.properties, environment variables such as CEBGW_EXCHANGE_FOLDER).
 *
 * @param exchangeFolder  the folder transport's root (out/ sent/ failed/ in/ received/)
 * @param pollInterval    how often the transport looks for receipts
 * @param relayInterval   how often the outbox relay runs
 * @param firstRetry      back-off of the first retry (doubling up to maxRetry)
 * @param maxRetry        the longest back-off
 * @param maxAttempts     attempts before a message is dead-lettered
 * @param sandbox         run the customs sandbox in-process on the same exchange folder (demo, tests)
 * @param sandboxStepMillis time between the sandbox's receipts
 */
@ConfigurationProperties(prefix = "cebgw")
public record GatewayProperties(Path exchangeFolder, Duration pollInterval, Duration relayInterval, Duration firstRetry,
                                Duration maxRetry, Integer maxAttempts, boolean sandbox, Long sandboxStepMillis) {
    public GatewayProperties {
        exchangeFolder = exchangeFolder == null ? Path.of("data", "exchange") : exchangeFolder;
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        relayInterval = relayInterval == null ? Duration.ofMillis(200) : relayInterval;
        firstRetry = firstRetry == null ? Duration.ofSeconds(5) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofMinutes(10) : maxRetry;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        sandboxStepMillis = sandboxStepMillis == null ? 500L : sandboxStepMillis;
    }
}
