package io.cebgw.transport.as2;

import com.helger.as2lib.exception.AS2Exception;
import com.helger.as2lib.message.IMessage;
import com.helger.as2lib.processor.module.AbstractProcessorModule;
import com.helger.as2lib.processor.storage.IProcessorStorageModule;
import io.cebgw.core.transport.HandledIds;
import io.cebgw.core.transport.Transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Where as2-lib puts a received, decrypted and verified message: handed to the transport's handler. A failing handler
 * fails the storage step, so the partner gets an error MDN and sends again; a re-sent sequenced message (the same
 * Subject, {@code S<sequence>-<id>}) is acknowledged without being handed over twice.
 */
final class As2Inbox extends AbstractProcessorModule implements IProcessorStorageModule {
    private final Transport.Handler handler;
    private final HandledIds handled = new HandledIds();

    As2Inbox(Transport.Handler handler) {
        this.handler = handler;
    }

    @Override
    public boolean canHandle(String action, IMessage message, Map<String, Object> options) {
        return DO_STORE.equals(action);
    }

    @Override
    public synchronized void handle(String action, IMessage message, Map<String, Object> options) throws AS2Exception {
        String wireId = message.getSubject() == null ? message.getMessageID() : message.getSubject().strip();
        if (handled.seen(wireId)) {
            return;
        }
        String id = Transport.Envelope.idOf(wireId);
        byte[] bytes;
        try (InputStream in = message.getData().getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new AS2Exception("cannot read the received message " + wireId, e);
        }
        try {
            handler.accept(new Transport.Envelope(id, bytes));
        } catch (Exception e) {
            throw new AS2Exception("the message " + wireId + " was not taken: " + e.getMessage(), e);
        }
        if (!wireId.equals(id)) { // sequenced: a resend will carry the same Subject
            handled.remember(wireId);
        }
    }
}
