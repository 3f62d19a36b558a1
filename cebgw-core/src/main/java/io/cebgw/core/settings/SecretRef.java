package io.cebgw.core.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a password, PIN or token comes from: an environment variable ({@code <name>.env}) or a file's first line
 * ({@code <name>.file}). Settings hold only the reference; the secret is read when it is needed and never printed
 * ({@link #toString()} names the source, not the value). Transport profiles and key sources follow the same rules:
 * one reference per secret, never the secret itself.
 */
public record SecretRef(Kind kind, String name) {
    public enum Kind { ENV, FILE, NONE }

    public static final SecretRef NONE = new SecretRef(Kind.NONE, "");

    /** Keys that would hold a secret itself: refused wherever settings are read. */
    private static final java.util.Set<String> SECRET_WORDS = java.util.Set.of("password", "pin", "token");

    /** Reads {@code <prefix>.env} or {@code <prefix>.file}; both at once is a mistake. */
    public static SecretRef from(Map<String, String> settings, String prefix) throws SecretException {
        String env = settings.get(prefix + ".env");
        String file = settings.get(prefix + ".file");
        if (env != null && file != null) {
            throw new SecretException(SecretException.Reason.BOTH_WAYS, prefix);
        }
        if (env != null) {
            return new SecretRef(Kind.ENV, env);
        }
        if (file != null) {
            return new SecretRef(Kind.FILE, file);
        }
        Optional<String> otherWay = settings.keySet().stream().filter(k -> k.startsWith(prefix + ".")).sorted().findFirst();
        if (otherWay.isPresent()) {
            throw new SecretException(SecretException.Reason.UNKNOWN_WAY, otherWay.get());
        }
        return NONE;
    }

    /** The first key that writes a secret itself ({@code password}, {@code pin}, {@code token}, {@code x.password} …). */
    public static Optional<String> inlineSecret(Collection<String> keys) {
        return keys.stream().filter(k -> SECRET_WORDS.contains(k.substring(k.lastIndexOf('.') + 1))).sorted().findFirst();
    }

    /** The secret, or an empty array when none is configured; {@code environment} resolves {@code .env} references. */
    public char[] resolve(Function<String, String> environment) throws SecretException {
        switch (kind) {
            case NONE:
                return new char[0];
            case ENV: {
                String value = environment.apply(name);
                if (value == null) {
                    throw new SecretException(SecretException.Reason.ENV_UNSET, name);
                }
                return value.toCharArray();
            }
            default:
                try {
                    String text = Files.readString(Path.of(name), StandardCharsets.UTF_8);
                    int end = text.indexOf('\n');
                    String line = end < 0 ? text : text.substring(0, end);
                    return line.strip().toCharArray();
                } catch (IOException e) {
                    throw new SecretException(SecretException.Reason.FILE_UNREADABLE, name);
                }
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "(none)";
            case ENV -> "env:" + name;
            case FILE -> "file:" + name;
        };
    }
}
