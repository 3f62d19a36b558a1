package io.cebgw.server.api;

import io.cebgw.sandbox.Sandbox;
import io.cebgw.transport.jms.EmbeddedArtemis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6: a 9710 shipment through the gateway and the sandbox over JMS (an ActiveMQ Artemis broker in this JVM, its
 * connection factory configured by class name only, as IBM MQ's would be), to its final status. The TCP connection
 * itself is covered by TransportCatalogTest and the JMS self-test.
 */
@Tag("slow") // an end-to-end flow: runs under failsafe (mvn verify)
class JmsShipmentIT extends GatewayTestBase {
    private static EmbeddedArtemis broker;

    @Autowired
    Sandbox sandbox;

    private static synchronized EmbeddedArtemis broker() {
        if (broker == null) {
            try {
                broker = new EmbeddedArtemis();
            } catch (Exception e) {
                throw new IllegalStateException("the embedded Artemis broker did not start", e);
            }
        }
        return broker;
    }

    @DynamicPropertySource
    static void overJms(DynamicPropertyRegistry r) {
        r.add("cebgw.transport.type", () -> "jms");
        r.add("cebgw.transport.factory", () -> EmbeddedArtemis.FACTORY);
        r.add("cebgw.transport.url", () -> broker().inVmUrl());
        r.add("cebgw.transport.send-queue", () -> "CEB.E2E.OUT");
        r.add("cebgw.transport.receive-queue", () -> "CEB.E2E.IN");
    }

    @Test
    void a9710ShipmentReachesItsFinalStatusOverJms() throws Exception {
        shipmentCompletes(sandbox, "DXPENT0000066666", "JMS");
        assertThat(sandbox.transportName()).contains(EmbeddedArtemis.FACTORY).contains("vm://0");
    }
}
