package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.sandbox.Sandbox;
import io.cebgw.server.document.EnterpriseService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6: a 9710 shipment through the gateway and the sandbox over AMQP (the machine's RabbitMQ), to its final status. */
class AmqpShipmentTest extends GatewayTestBase {
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
        EnterpriseService.Registered e = enterprises.register("A", "3301964ABC", "DXPENT0000077777", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "amqp"));
        String id = shipment(e.apiKey(), "9710", FlowDocuments.flow("9710", "AMQP-", "3301964ABC", "DXPENT0000077777"));
        JsonNode done = await(e.apiKey(), id, s -> s.path("complete").asBoolean());
        assertThat(done.path("complete").asBoolean()).as(done.toString()).isTrue();
        assertThat(sandbox.transportName()).startsWith("amqp:").contains(QUEUES);
        assertThat(sandbox.ledger().documents()).as("every document reached the sandbox over AMQP").hasSize(done.path("documents").size());
        assertThat(sandbox.ledger().duplicateDeliveries()).isZero();
    }
}
