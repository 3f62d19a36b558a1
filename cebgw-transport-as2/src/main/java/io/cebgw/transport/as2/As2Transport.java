package io.cebgw.transport.as2;

import com.helger.as2lib.cert.CertificateFactory;
import com.helger.as2lib.client.AS2Client;
import com.helger.as2lib.client.AS2ClientRequest;
import com.helger.as2lib.client.AS2ClientResponse;
import com.helger.as2lib.client.AS2ClientSettings;
import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.disposition.DispositionOptions;
import com.helger.as2lib.exception.AS2Exception;
import com.helger.as2lib.partner.SelfFillingPartnershipFactory;
import com.helger.as2lib.processor.DefaultMessageProcessor;
import com.helger.as2lib.processor.receiver.AS2ReceiverModule;
import com.helger.as2lib.session.AS2Session;
import com.helger.security.keystore.EKeyStoreType;
import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import org.apache.hc.core5.util.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * The AS2 transport (RFC 4130) through as2-lib: each envelope is sent signed (SHA-256) and encrypted (AES-256-CBC)
 * to the partner's URL with a synchronous, signed MDN requested; it counts as sent only when a signed MDN verified with
 * the partner's certificate says {@code processed} without error. This end listens on its own address for what the
 * partner sends, checks decryption and signature, hands the message to the handler, and answers with a signed MDN —
 * an error disposition when the handler failed, so the partner sends it again. Both ends are the same class: the
 * gateway's end and the sandbox's (the data center's) differ only in whose key and which addresses they hold.
 */
public final class As2Transport implements Transport {
    private final As2Party self;
    private final As2Party partner;
    private final URI partnerUrl;
    private final InetSocketAddress listen;
    private final Duration timeout;
    private final byte[] keyStore;
    private final String keyStorePassword;
    private final AS2Client client = new AS2Client() {
        @Override
        protected AS2Session createSession() {
            return pinned(super.createSession());
        }
    };
    private AS2Session session;
    private DefaultMessageProcessor processor;

    /**
     * @param self       this end: AS2 id, certificate and private key
     * @param partner    the other end: AS2 id and certificate
     * @param partnerUrl where the partner receives AS2 messages
     * @param listen     where this end receives them (host and port)
     * @param timeout    connect and MDN timeout of every send
     */
    public As2Transport(As2Party self, As2Party partner, URI partnerUrl, InetSocketAddress listen, Duration timeout) throws TransportException {
        if (self.key() == null) {
            throw new TransportException(TransportProblem.AS2_NO_PRIVATE_KEY.with("AS2 " + self.as2Id()));
        }
        this.self = self;
        this.partner = partner;
        this.partnerUrl = partnerUrl;
        this.listen = listen;
        this.timeout = timeout;
        this.keyStorePassword = randomPassword();
        this.keyStore = ownKeyStore();
    }

    @Override
    public String name() {
        return "as2:" + self.as2Id() + "→" + partner.as2Id() + "@" + partnerUrl;
    }

    @Override
    public void send(Envelope envelope) throws TransportException {
        AS2ClientSettings settings = new AS2ClientSettings();
        settings.setKeyStore(EKeyStoreType.PKCS12, keyStore, keyStorePassword);
        settings.setSaveKeyStoreChangesToFile(false);
        settings.setSenderData(self.as2Id(), "cebgw@" + self.as2Id().toLowerCase(Locale.ROOT), self.as2Id());
        settings.setReceiverData(partner.as2Id(), partner.as2Id(), partnerUrl.toString());
        settings.setReceiverCertificate(partner.certificate());
        settings.setPartnershipName(self.as2Id() + "-" + partner.as2Id());
        settings.setEncryptAndSign(ECryptoAlgorithmCrypt.CRYPT_AES256_CBC, ECryptoAlgorithmSign.DIGEST_SHA256);
        settings.setMDNRequested(true);
        settings.setMDNOptions(new DispositionOptions().setProtocolImportance(DispositionOptions.IMPORTANCE_REQUIRED)
                .setProtocol(DispositionOptions.PROTOCOL_PKCS7_SIGNATURE).setMICAlgImportance(DispositionOptions.IMPORTANCE_REQUIRED)
                .setMICAlg(ECryptoAlgorithmSign.DIGEST_SHA256));
        settings.setRetryCount(0); // the outbox retries, with back-off
        settings.setConnectTimeout(Timeout.ofMilliseconds(timeout.toMillis()));
        settings.setResponseTimeout(Timeout.ofMilliseconds(timeout.toMillis()));
        AS2ClientRequest request = new AS2ClientRequest(envelope.wireId()).setData(envelope.bytes()).setContentType("application/xml");
        AS2ClientResponse response = client.sendSynchronous(settings, request);
        if (response.hasException()) {
            throw new TransportException("the AS2 partner " + partner.as2Id() + " did not take " + envelope.id() + ": " + response.getException(),
                    response.getException());
        }
        if (!response.hasMDN()) {
            throw new TransportException("the AS2 partner " + partner.as2Id() + " sent no MDN for " + envelope.id());
        }
        if (response.getMDNVerificationCertificate() == null) {
            throw new TransportException("the MDN for " + envelope.id() + " is not signed by " + partner.as2Id());
        }
        String disposition = response.getMDNDisposition() == null ? "" : response.getMDNDisposition().toLowerCase(Locale.ROOT);
        if (!disposition.contains("processed") || disposition.contains("error") || disposition.contains("failed")) {
            throw new TransportException("the AS2 partner " + partner.as2Id() + " refused " + envelope.id() + ": " + response.getMDNDisposition());
        }
    }

    @Override
    public synchronized void start(Handler handler) throws TransportException {
        if (session != null) {
            throw new IllegalStateException("already started");
        }
        try {
            AS2Session started = pinned(new AS2Session());
            CertificateFactory certificates = new CertificateFactory();
            certificates.setPassword(keyStorePassword);
            certificates.setSaveChangesToFile(false);
            certificates.initDynamicComponent(started, null);
            certificates.load(new java.io.ByteArrayInputStream(keyStore), keyStorePassword.toCharArray()); // own key, under its AS2 id
            certificates.addCertificate(partner.as2Id(), partner.certificate(), true);
            started.setCertificateFactory(certificates);
            SelfFillingPartnershipFactory partnerships = new SelfFillingPartnershipFactory();
            partnerships.initDynamicComponent(started, null);
            started.setPartnershipFactory(partnerships);
            DefaultMessageProcessor messages = new DefaultMessageProcessor();
            messages.initDynamicComponent(started, null);
            AS2ReceiverModule receiver = new AS2ReceiverModule();
            receiver.initDynamicComponent(started, null);
            receiver.setAddress(listen.getHostString());
            receiver.setPort(listen.getPort());
            messages.addModule(receiver);
            As2Inbox inbox = new As2Inbox(handler);
            inbox.initDynamicComponent(started, null);
            messages.addModule(inbox);
            started.setMessageProcessor(messages);
            messages.startActiveModules();
            if (!receiver.isRunning()) {
                messages.stopActiveModules();
                throw new TransportException("cannot listen for AS2 messages on " + listen);
            }
            session = started;
            processor = messages;
        } catch (AS2Exception e) {
            throw new TransportException("cannot start receiving AS2 messages on " + listen + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (processor != null) {
            processor.stopActiveModules();
            processor = null;
            session = null;
        }
    }

    /**
     * Signatures (of messages and of MDNs) are verified with the partner's configured certificate only, never with a
     * certificate the message carries itself — otherwise anyone could sign as the partner with a key of their own.
     */
    private static AS2Session pinned(AS2Session session) {
        session.setCryptoVerifyUseCertificateInBodyPart(false);
        return session;
    }

    /** This end's key and certificate as an in-memory PKCS#12 for the AS2 client, under its AS2 id. */
    private byte[] ownKeyStore() throws TransportException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(self.as2Id(), self.key(), keyStorePassword.toCharArray(), new Certificate[] {self.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, keyStorePassword.toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new TransportException(TransportProblem.AS2_KEY_UNUSABLE.with(e.getMessage()));
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
