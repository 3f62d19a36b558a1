package io.cebgw.crypto.key;

import io.cebgw.core.problem.SigningProblem;
import io.cebgw.core.settings.SecretException;
import io.cebgw.core.settings.SecretRef;
import io.cebgw.crypto.SignatureSuite;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How to reach a signing key, as configured (a {@code .properties} file, or the server's per-enterprise
 * signing profile). {@code type} is one of {@code pkcs12}, {@code pem}, {@code jca}, {@code pkcs11}, {@code card};
 * the other keys depend on it and are documented in {@code docs/signing.md}. Passwords and PINs are never values
 * here, only references ({@code password.env}, {@code password.file}, {@code pin.env}, {@code pin.file}).
 */
public record KeySourceSpec(String type, Map<String, String> settings) {
    public KeySourceSpec {
        type = type.toLowerCase(Locale.ROOT);
        settings = Map.copyOf(settings);
        SecretRef.inlineSecret(settings.keySet()).ifPresent(key -> {
            throw new IllegalArgumentException("write " + key + ".env or " + key + ".file, never the " + key + " itself");
        });
    }

    public String get(String key) {
        return settings.get(key);
    }

    public String require(String key) throws KeySourceException {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new KeySourceException(SigningProblem.SETTING_MISSING.with(type, key));
        }
        return value;
    }

    public String getOrDefault(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    /** The secret {@code <name>.env} or {@code <name>.file} refers to (empty when neither is set). */
    public char[] secret(String name, Function<String, String> environment) throws KeySourceException {
        try {
            return SecretRef.from(settings, name).resolve(environment);
        } catch (SecretException e) {
            throw new KeySourceException(switch (e.reason()) {
                case ENV_UNSET -> SigningProblem.SECRET_ENV_UNSET.with(e.reference());
                case FILE_UNREADABLE -> SigningProblem.SECRET_FILE_UNREADABLE.with(e.reference());
                case BOTH_WAYS -> SigningProblem.SECRET_BOTH_WAYS.with(name);
                case UNKNOWN_WAY -> SigningProblem.SECRET_UNKNOWN_WAY.with(e.reference(), name);
            });
        }
    }

    /** The suite asked for with {@code suite=sm2|rsa}; empty means "take it from the key". */
    public Optional<SignatureSuite> suite() {
        String name = settings.get("suite");
        return name == null ? Optional.empty() : SignatureSuite.byName(name);
    }

    /** A PKCS#12 or PEM file, chosen by its extension, with its password from an environment variable. */
    public static KeySourceSpec forFile(Path file, SecretRef password) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".pem") || name.endsWith(".key") ? "pem" : "pkcs12";
        Map<String, String> settings = new TreeMap<>();
        settings.put("path", file.toString());
        if (password.kind() == SecretRef.Kind.ENV) {
            settings.put("password.env", password.name());
        } else if (password.kind() == SecretRef.Kind.FILE) {
            settings.put("password.file", password.name());
        }
        return new KeySourceSpec(type, settings);
    }

    /** Reads a {@code .properties} key configuration (UTF-8). */
    public static KeySourceSpec load(Path file) throws KeySourceException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new KeySourceException(SigningProblem.CONFIGURATION_UNREADABLE.with(file), e);
        }
    }

    /** Parses key configuration text in {@code .properties} form (a stored signing profile). */
    public static KeySourceSpec parse(String properties, String origin) throws KeySourceException {
        try {
            return read(new java.io.StringReader(properties), origin);
        } catch (IOException e) {
            throw new KeySourceException(SigningProblem.CONFIGURATION_UNREADABLE.with(origin), e);
        }
    }

    private static KeySourceSpec read(Reader reader, Object file) throws IOException, KeySourceException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> settings.put(k, properties.getProperty(k).strip()));
        String type = settings.remove("type");
        if (type == null) {
            throw new KeySourceException(SigningProblem.CONFIGURATION_NO_TYPE.with(file, "pkcs12|pem|jca|pkcs11|card"));
        }
        try {
            return new KeySourceSpec(type, settings);
        } catch (IllegalArgumentException e) {
            throw new KeySourceException(SigningProblem.CONFIGURATION_INVALID.with(file, e.getMessage()));
        }
    }

    @Override
    public String toString() {
        return type + settings;
    }
}
