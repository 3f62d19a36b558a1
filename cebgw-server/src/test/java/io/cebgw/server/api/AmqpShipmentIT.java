package io.cebgw.server.api;

import io.cebgw.sandbox.Sandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6: a 9710 shipment through the gateway and the sandbox over AMQP (the machine's RabbitMQ), to its final status. */
@Tag("slow") // an end-to-end flow: runs under failsafe (mvn verify)
class AmqpShipmentIT extends GatewayTestBase {
    private static final String QUEUES = "cebgw.e2e." + UUID.randomUUID();

    @Autowired
    Sandbox sandbox;

    @BeforeAll
    static void broker() {
        RabbitMq.require();
    }

    @DynamicPropertySource
    static void overAmqp(DynamicPropertyRegistry r) {
        r.add("cebgw.transport.type", () -> "amqp");
        r.add("cebgw.transport.uri", () -> RabbitMq.URI);
        r.add("cebgw.transport.queues", () -> QUEUES);
    }

    @Test
    void a9710ShipmentReachesItsFinalStatusOverAmqp() throws Exception {
        shipmentCompletes(sandbox, "DXPENT0000077777", "AMQP");
        assertThat(sandbox.transportName()).startsWith("amqp:").contains(QUEUES);
    }
}
