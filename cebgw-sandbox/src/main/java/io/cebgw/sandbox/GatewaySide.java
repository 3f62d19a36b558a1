package io.cebgw.sandbox;

import io.cebgw.core.codec.CebReader;
import io.cebgw.core.codec.ReadResult;
import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.DxpMsgSv;
import io.cebgw.core.envelope.DxpRep;
import io.cebgw.core.envelope.Envelope;
import io.cebgw.core.envelope.EnvelopeReader;
import io.cebgw.core.envelope.EnvelopeWriter;
import io.cebgw.core.envelope.Wrapping;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.signing.MessageSigner;
import io.cebgw.core.signing.SigningException;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.xml.CebReadException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A minimal enterprise side for joint tests and the self-test: signs, wraps and sends documents, and collects
 * every answer (receipts, CEB900, DxpRep, and what could not be read). The gateway server does this for real.
 */
public final class GatewaySide implements AutoCloseable {
    private final Transport transport;
    private final MessageSigner signer;
    private final String dxpId;
    private final String receiverId;
    private final Wrapping wrapping = new Wrapping();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    /**
     * One answer as received.
     *
     * @param kind     {@code receipt}, {@code CEB900}, {@code DxpRep} or {@code unreadable}
     * @param type     the receipt's root name (CEB604Message …) or the DxpRep response code
     * @param fields   the receipt's fields (returnStatus, returnTime, copNo, orderNo …)
     * @param copMsgId the envelope's CopMsgId
     */
    public record Answer(String kind, String type, Map<String, String> fields, String copMsgId) {
        public String status() {
            return fields.getOrDefault("returnStatus", fields.get("ResponseCode"));
        }
    }

    public GatewaySide(Transport transport, MessageSigner signer, String dxpId, String receiverId) throws TransportException {
        this.transport = transport;
        this.signer = signer;
        this.dxpId = dxpId;
        this.receiverId = receiverId;
        transport.start(this::collect);
    }

    /** Signs (when a signer is given), wraps and sends; returns the CopMsgId. */
    public String send(CebMessage message) throws SigningException, TransportException {
        byte[] business = signer == null ? new io.cebgw.core.codec.CebWriter().write(message) : signer.sign(message);
        return sendBusiness(business, message.type().rootName());
    }

    /** Wraps and sends business XML as it is (signed or not, valid or not). */
    public String sendBusiness(byte[] business, String msgType) throws TransportException {
        String copMsgId = Wrapping.newCopMsgId();
        DxpMsg msg = wrapping.dxpMsg(business, msgType, dxpId, List.of(receiverId), copMsgId);
        transport.send(new Transport.Envelope(copMsgId, new EnvelopeWriter().write(msg)));
        return copMsgId;
    }

    /** Sends bytes as they are (garbage, hand-made envelopes). */
    public void sendRaw(String id, byte[] bytes) throws TransportException {
        transport.send(new Transport.Envelope(id, bytes));
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Waits until an answer matches; returns it, or null after the timeout. */
    public Answer await(Predicate<Answer> wanted, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Answer a : answers) {
                if (wanted.test(a)) {
                    return a;
                }
            }
            Thread.sleep(10);
        }
        return null;
    }

    /** A receipt of a type with a status whose field has a value (e.g. CEB604Message, 899, copNo, X). */
    public static Predicate<Answer> receipt(String type, String status, String field, String value) {
        return a -> "receipt".equals(a.kind()) && a.type().equals(type) && status.equals(a.status())
                && value.equals(a.fields().get(field));
    }

    private void collect(Transport.Envelope envelope) {
        Envelope read;
        try {
            read = new EnvelopeReader().read(envelope.bytes());
        } catch (CebReadException e) {
            answers.add(new Answer("unreadable", e.error().code(), Map.of(), envelope.id()));
            return;
        }
        if (read instanceof DxpRep rep) {
            for (DxpRep.Response r : rep.responses()) {
                answers.add(new Answer("DxpRep", r.responseCode(), Map.of("ResponseCode", r.responseCode(),
                        "ResponseInfo", String.valueOf(r.responseInfo()), "oriCopMsgId", r.oriHead().copMsgId()), envelope.id()));
            }
            return;
        }
        DxpMsg msg = read instanceof DxpMsgSv sv ? sv.dxpMsg() : (DxpMsg) read;
        try {
            ReadResult receipt = new CebReader().read(msg.data());
            for (Node record : receipt.message().businessRecords()) {
                String kind = receipt.message().type() == io.cebgw.core.spec.MessageType.CEB900 ? "CEB900" : "receipt";
                answers.add(new Answer(kind, receipt.message().type().rootName(), record.head().values(), msg.transInfo().copMsgId()));
            }
        } catch (CebReadException e) {
            answers.add(new Answer("unreadable", e.error().code(), Map.of(), msg.transInfo().copMsgId()));
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
