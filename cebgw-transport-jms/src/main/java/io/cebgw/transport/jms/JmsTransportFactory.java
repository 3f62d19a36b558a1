package io.cebgw.transport.jms;

import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.Queues;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportFactory;
import io.cebgw.core.transport.TransportSpec;
import jakarta.jms.ConnectionFactory;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Builds a JMS provider's connection factory from configuration only: {@code factory} names its class (on the class
 * path), {@code url} is passed to its one-string constructor when given (Artemis), and every {@code factory.<name>}
 * setting calls {@code set<Name>} with a string, int, long or boolean (IBM MQ: {@code factory.hostName},
 * {@code factory.port}, {@code factory.channel}, {@code factory.queueManager}, {@code factory.transportType}).
 */
public final class JmsTransportFactory implements TransportFactory {
    @Override
    public String type() {
        return "jms";
    }

    /** The factory class is looked for only when the transport is opened: a provider's client may come later in lib/. */
    @Override
    public void validate(TransportSpec spec) throws TransportException {
        spec.require("factory");
        Queues.of(spec, End.ENTERPRISE);
    }

    @Override
    public Transport open(TransportSpec spec, End end) throws TransportException {
        ConnectionFactory factory = factory(spec);
        Queues queues = Queues.of(spec, end);
        String user = spec.get("user");
        return new JmsTransport(factory, user, user == null ? null : spec.secret("password"), queues.send(), queues.receive(),
                spec.require("factory") + (spec.get("url") == null ? "" : " " + spec.get("url")));
    }

    static ConnectionFactory factory(TransportSpec spec) throws TransportException {
        String className = spec.require("factory");
        Object factory;
        try {
            Class<?> type = Class.forName(className);
            String url = spec.get("url");
            factory = url == null ? type.getConstructor().newInstance() : type.getConstructor(String.class).newInstance(url);
        } catch (ClassNotFoundException e) {
            throw new TransportException(TransportProblem.JMS_FACTORY_MISSING.with(className));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new TransportException(TransportProblem.JMS_FACTORY_FAILED.with(className, rootMessage(e)));
        }
        if (!(factory instanceof ConnectionFactory connectionFactory)) {
            throw new TransportException(TransportProblem.JMS_NOT_A_FACTORY.with(className));
        }
        for (Map.Entry<String, String> setting : spec.settings().entrySet()) {
            if (setting.getKey().startsWith("factory.")) {
                set(factory, setting.getKey().substring("factory.".length()), setting.getValue());
            }
        }
        return connectionFactory;
    }

    private static void set(Object target, String property, String value) throws TransportException {
        String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(setter) && method.getParameterCount() == 1) {
                try {
                    method.invoke(target, convert(method.getParameterTypes()[0], value));
                    return;
                } catch (IllegalArgumentException | ReflectiveOperationException e) {
                    throw new TransportException(TransportProblem.JMS_FACTORY_PROPERTY.with(property, value, rootMessage(e)));
                }
            }
        }
        throw new TransportException(TransportProblem.JMS_FACTORY_NO_PROPERTY.with(target.getClass().getName(), property));
    }

    private static Object convert(Class<?> type, String value) {
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(value);
        }
        if (type == long.class || type == Long.class) {
            return Long.parseLong(value);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(value);
        }
        if (type == String.class) {
            return value;
        }
        throw new IllegalArgumentException("unsupported type " + type.getSimpleName());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The provider (factory and URL) and the queue this end takes messages off. */
    @Override
    public String source(TransportSpec spec, End end) throws TransportException {
        return "jms " + spec.require("factory") + " " + spec.getOrDefault("url", "") + " queue " + Queues.of(spec, end).receive();
    }
}
