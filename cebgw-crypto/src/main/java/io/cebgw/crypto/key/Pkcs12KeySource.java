package io.cebgw.crypto.key;

import io.cebgw.crypto.CryptoProvider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.function.Function;

/** A PKCS#12 file (.p12/.pfx) with an RSA or SM2 key; read with BouncyCastle, which knows the SM2 curve. */
final class Pkcs12KeySource {
    private Pkcs12KeySource() {
    }

    static JcaSigningKey open(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException {
        Path path = Path.of(spec.require("path"));
        char[] password = SecretRef.from(spec.settings(), "password").resolve(environment);
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12", CryptoProvider.bc());
            store.load(in, password);
            return KeyStoreEntry.signingKey(store, spec, password, CryptoProvider.bc(), "PKCS#12 " + path);
        } catch (NoSuchFileException e) {
            throw new KeySourceException("CEB-K001", "密钥文件不存在：" + path, "key file not found: " + path, e);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeySourceException("CEB-K003", "无法打开 PKCS#12 文件 " + path + "（密码错误或文件损坏）",
                    "cannot open the PKCS#12 file " + path + " (wrong password or damaged file)", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
