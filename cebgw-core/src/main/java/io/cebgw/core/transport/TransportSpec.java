package io.cebgw.core.transport;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.TransportProblem;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How to reach the peer, as configured: {@code type} ({@code folder}, {@code amqp}, {@code jms}, {@code http},
 * {@code as2}) and the settings that type needs, in {@code .properties} form (a server's per-enterprise transport
 * profile, a {@code --transport-config} file). The keys of each type are in {@code docs/transports.md}. Secrets are
 * never values here, only references ({@code password.env}, {@code password.file}, {@code token.env} …).
 */
public record TransportSpec(String type, Map<String, String> settings) {
    public TransportSpec {
        type = type.strip().toLowerCase(Locale.ROOT);
        settings = Map.copyOf(new TreeMap<>(settings));
        for (String key : settings.keySet()) {
            if (key.equals("password") || key.equals("token") || key.endsWith(".password")) {
                throw new InlineSecret(key);
            }
        }
    }

    public static TransportSpec of(String type, Map<String, String> settings) {
        return new TransportSpec(type, settings);
    }

    /** The folder transport on {@code root}. */
    public static TransportSpec folder(Path root) {
        return new TransportSpec("folder", Map.of("root", root.toString()));
    }

    public String get(String key) {
        return settings.get(key);
    }

    public String getOrDefault(String key, String fallback) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String require(String key) throws TransportException {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new TransportException(TransportProblem.MISSING_SETTING.with(type, key));
        }
        return value;
    }

    /** A duration given in milliseconds ({@code poll-millis=200}). */
    public Duration millis(String key, long fallback) throws TransportException {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return Duration.ofMillis(fallback);
        }
        try {
            return Duration.ofMillis(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new TransportException(TransportProblem.BAD_VALUE.with(key, new Localized("毫秒数", "milliseconds"), value));
        }
    }

    /** A whole number setting. */
    public long number(String key, long fallback) throws TransportException {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new TransportException(TransportProblem.BAD_VALUE.with(key, new Localized("整数", "a whole number"), value));
        }
    }

    /**
     * A secret referenced by {@code <name>.env} (an environment variable) or {@code <name>.file} (a file's first line);
     * null when neither is set.
     */
    public String secret(String name) throws TransportException {
        String env = settings.get(name + ".env");
        if (env != null && settings.containsKey(name + ".file")) {
            throw new TransportException(TransportProblem.SECRET_BOTH_WAYS.with(name));
        }
        if (env != null) {
            String value = System.getenv(env);
            if (value == null) {
                throw new TransportException(TransportProblem.SECRET_ENV_UNSET.with(env, name));
            }
            return value;
        }
        String file = settings.get(name + ".file");
        if (file != null) {
            try {
                return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new TransportException(TransportProblem.SECRET_FILE_UNREADABLE.with(file, name));
            }
        }
        return null;
    }

    /** Parses {@code .properties} text; {@code origin} names it in errors. */
    public static TransportSpec parse(String text, String origin) throws TransportException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new TransportException(TransportProblem.UNREADABLE_CONFIGURATION.with(origin));
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> settings.put(k, properties.getProperty(k).strip()));
        String type = settings.remove("type");
        if (type == null || type.isBlank()) {
            throw new TransportException(TransportProblem.NO_TYPE.with(origin, "folder|amqp|jms|http|as2"));
        }
        try {
            return new TransportSpec(type, settings);
        } catch (InlineSecret e) {
            throw new TransportException(TransportProblem.INLINE_SECRET.with(e.key));
        }
    }

    /** Reads a {@code .properties} file (UTF-8). */
    public static TransportSpec load(Path file) throws TransportException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new TransportException(TransportProblem.UNREADABLE_CONFIGURATION.with(file));
        }
    }

    /** The settings as {@code .properties} text (what the server stores). */
    public String text() {
        StringBuilder out = new StringBuilder("type=").append(type).append('\n');
        settings.forEach((k, v) -> out.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        return out.toString();
    }

    /** Never shows secrets: only references are held. */
    @Override
    public String toString() {
        return type + settings;
    }

    /** A secret written into the settings themselves instead of referenced. */
    public static final class InlineSecret extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String key;

        InlineSecret(String key) {
            super("write " + key + ".env or " + key + ".file, never the secret itself");
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
