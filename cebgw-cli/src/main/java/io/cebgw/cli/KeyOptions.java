package io.cebgw.cli;

import io.cebgw.core.settings.SecretRef;
import io.cebgw.crypto.key.KeySourceException;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.KeySources;
import io.cebgw.crypto.key.SigningKey;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --key} and where its password comes from (a picocli mixin). A {@code .p12/.pfx} or {@code .pem} file is
 * opened directly; a {@code .properties} file is a key-source configuration (PKCS#11, vendor JCE, E-Port card).
 * Passwords are never command-line values: they come from an environment variable or a file.
 */
final class KeyOptions {
    static final String DEFAULT_PASSWORD_ENV = "CEBGW_KEY_PASSWORD";

    @Option(names = "--key", required = true, paramLabel = "KEY",
            description = {"私钥：.p12/.pfx、.pem，或密钥配置 .properties（pkcs11/jca/sdf/card）/",
                    "the key: .p12/.pfx, .pem, or a key-source .properties (pkcs11, jca, sdf, card)"})
    Path key;

    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = DEFAULT_PASSWORD_ENV,
            description = "保存密码的环境变量（默认 ${DEFAULT-VALUE}）/ environment variable holding the password (default ${DEFAULT-VALUE})")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "从文件第一行读取密码 / read the password from the file's first line")
    Path passwordFile;

    KeySourceSpec spec() throws KeySourceException {
        if (key.getFileName().toString().endsWith(".properties")) {
            return KeySourceSpec.load(key);
        }
        return KeySourceSpec.forFile(key, password());
    }

    SecretRef password() {
        return passwordFile != null ? new SecretRef(SecretRef.Kind.FILE, passwordFile.toString())
                : new SecretRef(SecretRef.Kind.ENV, passwordEnv);
    }

    SigningKey open() throws KeySourceException {
        return new KeySources().open(spec());
    }

    /** The key for a certificate request (a device key may have no certificate yet). */
    SigningKey openForRequest() throws KeySourceException {
        return new KeySources().openForRequest(spec());
    }
}
