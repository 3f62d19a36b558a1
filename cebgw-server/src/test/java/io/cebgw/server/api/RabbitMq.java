package io.cebgw.server.api;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The machine's RabbitMQ (127.0.0.1:5672, guest/guest): mandatory with CI=true, otherwise skipped with a notice when absent. */
public final class RabbitMq {
    public static final String URI = "amqp://127.0.0.1:5672";

    private RabbitMq() {
    }

    public static void require() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("RabbitMQ at 127.0.0.1:5672 is needed (CI=true)", e);
            }
            System.err.println("NOTICE: skipping — RabbitMQ is not reachable at 127.0.0.1:5672");
            Assumptions.abort("RabbitMQ is not reachable");
        }
    }
}
