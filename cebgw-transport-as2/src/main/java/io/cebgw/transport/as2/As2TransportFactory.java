package io.cebgw.transport.as2;

import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportFactory;
import io.cebgw.core.transport.TransportSpec;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;

/**
 * The two ends of an AS2 configuration. Settings are named from the enterprise's side: {@code as2-id} and
 * {@code keystore} are the enterprise's, {@code partner-as2-id} and {@code url} the data center's, {@code receive-url}
 * where the enterprise receives MDN-acknowledged receipts. The data center's end (the sandbox) takes its own key from
 * {@code exchange.keystore}.
 */
public final class As2TransportFactory implements TransportFactory {
    @Override
    public String type() {
        return "as2";
    }

    @Override
    public void validate(TransportSpec spec) throws TransportException {
        spec.require("as2-id");
        spec.require("partner-as2-id");
        uri(spec, "url");
        uri(spec, "receive-url");
        spec.require("keystore");
    }

    @Override
    public Transport open(TransportSpec spec, End end) throws TransportException {
        validate(spec);
        URI url = uri(spec, "url");
        URI receiveUrl = uri(spec, "receive-url");
        java.time.Duration timeout = spec.millis("timeout-millis", 30_000);
        if (end == End.ENTERPRISE) {
            As2Party self = own(spec, spec.get("as2-id"), "");
            X509Certificate partnerCertificate = spec.get("partner-certificate") != null
                    ? certificate(Path.of(spec.get("partner-certificate")))
                    : own(spec, spec.get("partner-as2-id"), "exchange.").certificate();
            return new As2Transport(self, As2Party.partner(spec.get("partner-as2-id"), partnerCertificate), url, listen(spec, receiveUrl), timeout);
        }
        As2Party self = own(spec, spec.get("partner-as2-id"), "exchange.");
        X509Certificate enterpriseCertificate = spec.get("certificate") != null
                ? certificate(Path.of(spec.get("certificate")))
                : own(spec, spec.get("as2-id"), "").certificate();
        return new As2Transport(self, As2Party.partner(spec.get("as2-id"), enterpriseCertificate), receiveUrl, listen(spec, url), timeout);
    }

    private static InetSocketAddress listen(TransportSpec spec, URI address) {
        int port = address.getPort() < 0 ? 80 : address.getPort();
        return new InetSocketAddress(spec.getOrDefault("bind", "0.0.0.0"), port);
    }

    private static URI uri(TransportSpec spec, String key) throws TransportException {
        return spec.httpAddress(key, "keystore-password.env / .file");
    }

    /** The key and certificate of {@code <prefix>keystore} (PKCS#12), entry {@code <prefix>key-alias} or its only key. */
    private static As2Party own(TransportSpec spec, String as2Id, String prefix) throws TransportException {
        Path file = Path.of(spec.require(prefix + "keystore"));
        String password = spec.secret(prefix + "keystore-password");
        char[] chars = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, chars);
            String alias = spec.get(prefix + "key-alias");
            if (alias == null) {
                alias = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst()
                        .orElseThrow(() -> new TransportException(TransportProblem.AS2_NO_PRIVATE_KEY.with(file)));
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, chars);
            X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
            if (key == null || certificate == null) {
                throw new TransportException(TransportProblem.AS2_NO_ENTRY.with(file, alias));
            }
            return new As2Party(as2Id, certificate, key);
        } catch (IOException | GeneralSecurityException e) {
            throw new TransportException(TransportProblem.AS2_KEYSTORE_UNREADABLE.with(file));
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509Certificate certificate(Path file) throws TransportException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new TransportException(TransportProblem.AS2_CERTIFICATE_UNREADABLE.with(file));
        }
    }
}
