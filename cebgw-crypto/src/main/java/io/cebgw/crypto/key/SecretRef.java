package io.cebgw.crypto.key;

import io.cebgw.core.problem.SigningProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a password or PIN comes from: an environment variable or a file (first line). Configuration holds only
 * the reference; the secret itself is read when a key is opened and never printed ({@link #toString()} names the
 * source, not the value).
 */
public record SecretRef(Kind kind, String name) {
    public enum Kind { ENV, FILE, NONE }

    public static final SecretRef NONE = new SecretRef(Kind.NONE, "");

    /** Reads {@code <prefix>.env} or {@code <prefix>.file} from a key-source configuration. */
    public static SecretRef from(Map<String, String> config, String prefix) {
        String env = config.get(prefix + ".env");
        String file = config.get(prefix + ".file");
        if (env != null && file != null) {
            throw new IllegalArgumentException(prefix + ".env and " + prefix + ".file are both set; choose one");
        }
        if (env != null) {
            return new SecretRef(Kind.ENV, env);
        }
        return file != null ? new SecretRef(Kind.FILE, file) : NONE;
    }

    /** The secret, or an empty array when none is configured. */
    public char[] resolve(Function<String, String> environment) throws KeySourceException {
        switch (kind) {
            case NONE:
                return new char[0];
            case ENV: {
                String value = environment.apply(name);
                if (value == null) {
                    throw new KeySourceException(SigningProblem.SECRET_ENV_UNSET.with(name));
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
                    throw new KeySourceException(SigningProblem.SECRET_FILE_UNREADABLE.with(name), e);
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
