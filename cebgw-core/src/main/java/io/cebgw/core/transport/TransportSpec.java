package io.cebgw.core.transport;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.settings.SecretException;
import io.cebgw.core.settings.SecretRef;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

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
        SecretRef.inlineSecret(settings.keySet()).ifPresent(key -> {
            throw new InlineSecret(key);
        });
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
        return secret(name, System::getenv);
    }

    /** {@link #secret(String)} with {@code .env} references looked up in {@code environment}. */
    public String secret(String name, Function<String, String> environment) throws TransportException {
        try {
            SecretRef ref = SecretRef.from(settings, name);
            return ref.kind() == SecretRef.Kind.NONE ? null : new String(ref.resolve(environment));
        } catch (SecretException e) {
            throw new TransportException(switch (e.reason()) {
                case ENV_UNSET -> TransportProblem.SECRET_ENV_UNSET.with(e.reference(), name);
                case FILE_UNREADABLE -> TransportProblem.SECRET_FILE_UNREADABLE.with(e.reference(), name);
                case BOTH_WAYS -> TransportProblem.SECRET_BOTH_WAYS.with(name);
                case UNKNOWN_WAY -> TransportProblem.SECRET_UNKNOWN_WAY.with(e.reference(), name);
            });
        }
    }

    /**
     * An http(s) address setting: well formed, with a host, and without {@code user:password@} (the secret goes by
     * {@code credentialsBy}, e.g. {@code token.env / token.file}).
     */
    public URI httpAddress(String key, String credentialsBy) throws TransportException {
        String text = require(key);
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) address");
            }
            if (uri.getUserInfo() != null) {
                throw new TransportException(TransportProblem.CREDENTIALS_IN_ADDRESS.with(key, credentialsBy));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new TransportException(TransportProblem.BAD_VALUE.with(key, new Localized("有效的 http(s) 地址", "a valid http(s) address"), text));
        }
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
