package io.cebgw.transport.amqp;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.ShutdownSignalException;
import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.TransportException;

import java.util.Locale;

/**
 * Tells a broker's refusal that no retry mends (login refused, access to a queue refused, no such queue or vhost, a
 * message over the broker's size limit) from a passing failure (broker down, connection lost, confirm timed out).
 */
final class AmqpFailure {
    /** AMQP reply codes (AMQP 0-9-1 §1.9). */
    private static final int ACCESS_REFUSED = 403;
    private static final int NOT_FOUND = 404;
    private static final int PRECONDITION_FAILED = 406;
    private static final int NOT_ALLOWED = 530;

    private AmqpFailure() {
    }

    /** The exception for a failure of {@code what} (connecting, sending a message …) on the broker {@code broker}. */
    static TransportException of(Exception e, String broker, String queue, String what) {
        String detail = String.valueOf(e.getMessage());
        if (causedBy(e, AuthenticationFailureException.class) != null) {
            return new TransportException(TransportProblem.CREDENTIALS_REFUSED.with("AMQP " + broker, detail), e);
        }
        ShutdownSignalException signal = causedBy(e, ShutdownSignalException.class);
        if (signal != null && signal.getReason() != null) {
            Method method = signal.getReason();
            int code = replyCode(method);
            String text = replyText(method);
            if (code == ACCESS_REFUSED) {
                return new TransportException(TransportProblem.CREDENTIALS_REFUSED.with("AMQP " + broker, text), e);
            }
            if (code == NOT_FOUND || code == NOT_ALLOWED) {
                return new TransportException(TransportProblem.DESTINATION_UNKNOWN.with("AMQP " + broker, queue, text), e);
            }
            if (code == PRECONDITION_FAILED && text.toLowerCase(Locale.ROOT).contains("size")) {
                return new TransportException(TransportProblem.MESSAGE_TOO_LARGE.with(what, "?", text), e);
            }
        }
        return new TransportException(what + " failed on the AMQP broker " + broker + ": " + detail, e);
    }

    private static int replyCode(Method method) {
        if (method instanceof com.rabbitmq.client.AMQP.Channel.Close close) {
            return close.getReplyCode();
        }
        return method instanceof com.rabbitmq.client.AMQP.Connection.Close close ? close.getReplyCode() : 0;
    }

    private static String replyText(Method method) {
        if (method instanceof com.rabbitmq.client.AMQP.Channel.Close close) {
            return close.getReplyText();
        }
        return method instanceof com.rabbitmq.client.AMQP.Connection.Close close ? close.getReplyText() : method.protocolMethodName();
    }

    private static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
