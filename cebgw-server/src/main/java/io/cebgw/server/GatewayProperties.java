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
 * @param transport       the default transport ({@code cebgw.transport.type=amqp}, {@code cebgw.transport.uri=…}; the keys of
 *                        docs/transports.md); empty: the folder transport on {@code exchangeFolder}
 * @param xsdFolder       the official 202205 XSD folder: when set, every document is also checked against the XSDs before
 *                        it is signed (and {@code cebgw doctor} checks that they load)
 */
@ConfigurationProperties(prefix = "cebgw")
public record GatewayProperties(Path exchangeFolder, Duration pollInterval, Duration relayInterval, Duration firstRetry,
                                Duration maxRetry, Integer maxAttempts, boolean sandbox, Long sandboxStepMillis,
                                java.util.Map<String, String> transport, Path xsdFolder) {
    public GatewayProperties {
        exchangeFolder = exchangeFolder == null ? Path.of("data", "exchange") : exchangeFolder;
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        relayInterval = relayInterval == null ? Duration.ofMillis(200) : relayInterval;
        firstRetry = firstRetry == null ? Duration.ofSeconds(5) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofMinutes(10) : maxRetry;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        sandboxStepMillis = sandboxStepMillis == null ? 500L : sandboxStepMillis;
        transport = transport == null ? java.util.Map.of() : java.util.Map.copyOf(transport);
    }

    /** The default transport as configured, or the folder transport on the exchange folder. */
    public io.cebgw.core.transport.TransportSpec transportSpec() {
        if (transport.isEmpty()) {
            return io.cebgw.core.transport.TransportSpec.of("folder", java.util.Map.of("root", exchangeFolder.toString(),
                    "poll-millis", Long.toString(pollInterval.toMillis())));
        }
        java.util.Map<String, String> settings = new java.util.TreeMap<>(transport);
        String type = settings.remove("type");
        if (type == null) {
            throw new io.cebgw.server.ops.SettingMistake("cebgw.transport.type", "未设置（folder、amqp、jms、http、as2）", "missing (folder, amqp, jms, http, as2)");
        }
        return io.cebgw.core.transport.TransportSpec.of(type, settings);
    }
}
