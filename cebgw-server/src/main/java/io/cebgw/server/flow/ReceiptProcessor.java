package io.cebgw.server.flow;

import io.cebgw.core.codec.CebReader;
import io.cebgw.core.codec.ReadResult;
import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.DxpMsgSv;
import io.cebgw.core.envelope.DxpRep;
import io.cebgw.core.envelope.Envelope;
import io.cebgw.core.envelope.EnvelopeReader;
import io.cebgw.core.lifecycle.Lifecycle;
import io.cebgw.core.lifecycle.ReceiptOutcome;
import io.cebgw.core.lifecycle.ReturnStatus;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.BusinessKey;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.xml.CebReadException;
import io.cebgw.server.logging.LogContext;
import io.cebgw.server.store.Archive;
import io.cebgw.server.store.DocumentRow;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.EnterpriseStore;
import io.cebgw.server.store.ReceiptStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns what comes back into statuses one can trust: every receipt type, CEB900 and DxpRep, matched to its
 * document (CopMsgId, else business key), then applied by the per-document state machine — ordered by
 * returnTime, duplicates ignored, nothing leaves a final state, every transition recorded. Garbled input is
 * archived and recorded, never lost, never fatal.
 */
public final class ReceiptProcessor implements Transport.BatchHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptProcessor.class);

    private final EnterpriseStore enterprises;
    private final Map<String, String> enterpriseOfDxpId = new java.util.concurrent.ConcurrentHashMap<>();
    private final DocumentStore documents;
    private final ReceiptStore receipts;
    private final Archive archive;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AtomicInteger largestBatch = new AtomicInteger();

    public ReceiptProcessor(EnterpriseStore enterprises, DocumentStore documents, ReceiptStore receipts, Archive archive, TransactionTemplate tx,
                            Clock clock) {
        this.enterprises = enterprises;
        this.documents = documents;
        this.receipts = receipts;
        this.archive = archive;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Applies and archives one incoming message in one transaction: if anything fails, nothing of it is kept and the
     * transport offers the message again. The archive entry comes last: the archive's chain head stays locked from
     * the append until the commit, and the relay appends to the same chain.
     */
    @Override
    public void accept(Transport.Envelope incoming) {
        acceptInOneTransaction(List.of(incoming));
    }

    /**
     * Applies and archives messages that arrived together in one transaction (one commit instead of one each); when
     * any of them fails, none is kept and the transport offers them again one at a time.
     */
    @Override
    public void acceptAll(List<Transport.Envelope> incoming) {
        acceptInOneTransaction(incoming);
        largestBatch.accumulateAndGet(incoming.size(), Math::max);
    }

    /**
     * Status changes are written as each message is applied (a later receipt of the same document reads them); the
     * receipt rows and transitions they caused are written together at the end, then the messages are archived.
     */
    private void acceptInOneTransaction(List<Transport.Envelope> incoming) {
        tx.executeWithoutResult(s -> {
            Written written = new Written();
            incoming.forEach(e -> take(e, written));
            receipts.transitionAll(written.transitions);
            receipts.insertAll(written.receipts);
            archive.appendAll(incoming.stream().map(e -> new Archive.Item(Archive.IN, null, null, e.id(), e.bytes())).toList(), clock.instant());
        });
    }

    /** What applying the messages of one transaction wrote or will write, in order. */
    private static final class Written {
        final List<ReceiptStore.ReceiptRow> receipts = new ArrayList<>();
        final List<ReceiptStore.Transition> transitions = new ArrayList<>();
        private final Set<List<String>> taken = new HashSet<>();

        /** Whether this transaction already took this receipt of the document (not yet in the receipt table). */
        boolean has(String documentId, String status, String time) {
            return taken.contains(Arrays.asList(documentId, status, time));
        }

        void add(ReceiptStore.ReceiptRow row) {
            receipts.add(row);
            if (row.documentId() != null) {
                taken.add(Arrays.asList(row.documentId(), row.returnStatus(), row.returnTime()));
            }
        }
    }

    /** The most messages taken in one transaction so far. */
    public int largestBatch() {
        return largestBatch.get();
    }

    /** Applies one message inside the caller's transaction. */
    private void take(Transport.Envelope incoming, Written written) {
        Envelope envelope;
        try {
            envelope = new EnvelopeReader().read(incoming.bytes());
        } catch (CebReadException e) {
            record(written, null, ReceiptStore.NO_STATUS, null, null, e.describe(java.util.Locale.CHINA), incoming.id(), ReceiptOutcome.GARBLED);
            return;
        }
        if (envelope instanceof DxpRep rep) {
            for (DxpRep.Response r : rep.responses()) {
                Optional<DocumentRow> doc = documents.lockByCopMsgId(r.oriHead().copMsgId());
                apply(written, doc, "DxpRep", ReturnStatus.exchange(r.responseCode()).code(), r.noticeTime(), r.responseInfo(), incoming.id());
            }
            return;
        }
        DxpMsg msg = envelope instanceof DxpMsgSv sv ? sv.dxpMsg() : (DxpMsg) envelope;
        ReadResult read;
        try {
            read = new CebReader().read(msg.data());
        } catch (CebReadException e) {
            record(written, null, msg.transInfo().msgType(), null, null, e.describe(java.util.Locale.CHINA), msg.transInfo().copMsgId(),
                    ReceiptOutcome.GARBLED);
            return;
        }
        MessageType type = read.message().type();
        Optional<String> addressee = addressee(msg);
        for (Node record : read.message().businessRecords()) {
            Map<String, String> fields = record.head().values();
            if (type == MessageType.CEB900) {
                apply(written, documents.lockByCopMsgId(fields.get("oriCopMsgId")), type.rootName(), ReturnStatus.FORMAT_ERROR.code(), fields.get("returnTime"),
                        fields.get("returnInfo"), msg.transInfo().copMsgId());
                continue;
            }
            Optional<MessageType> declaration = BusinessKey.declarationOf(type);
            if (declaration.isEmpty() || fields.get("returnStatus") == null) {
                record(written, null, type.rootName(), null, null, "no document type answers " + type.rootName(), msg.transInfo().copMsgId(),
                        ReceiptOutcome.UNMATCHED);
                continue;
            }
            if (addressee.isEmpty()) {
                record(written, null, type.rootName(), fields.get("returnStatus"), fields.get("returnTime"),
                        "addressed to no registered enterprise: " + msg.transInfo().receiverIds(), msg.transInfo().copMsgId(), ReceiptOutcome.UNROUTED);
                continue;
            }
            String key = BusinessKey.of(declaration.get(), fields::get);
            apply(written, documents.lockNewestByKey(addressee.get(), declaration.get().rootName(), key), type.rootName(), fields.get("returnStatus"),
                    fields.get("returnTime"), fields.get("returnInfo"), msg.transInfo().copMsgId());
        }
    }

    /**
     * The enterprise a receipt belongs to: the registered one among its receivers (its DXPID). A platform's transfer
     * node carries receipts of many enterprises over one connection; each goes to its own enterprise's documents only.
     */
    private Optional<String> addressee(DxpMsg msg) {
        for (String receiver : msg.transInfo().receiverIds()) {
            String known = enterpriseOfDxpId.get(receiver);
            if (known == null) {
                known = enterprises.byDxpId(receiver).map(io.cebgw.server.store.EnterpriseRow::id).orElse(null);
                if (known != null) {
                    enterpriseOfDxpId.put(receiver, known);
                }
            }
            if (known != null) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /**
     * The state machine of one document for one receipt. The document row was locked when it was matched, so the
     * receipts of one document apply one after the other, each on the state the previous one left.
     */
    private void apply(Written written, Optional<DocumentRow> locked, String receiptType, String status, String time, String info,
                       String copMsgId) {
        if (locked.isEmpty()) {
            record(written, null, receiptType, status, time, info, copMsgId, ReceiptOutcome.UNMATCHED);
            return;
        }
        DocumentRow doc = locked.get();
        try (LogContext context = LogContext.document(doc.enterpriseId(), doc.id(), copMsgId)) {
            applyTo(written, doc, receiptType, status, time, info, copMsgId);
        }
    }

    private void applyTo(Written written, DocumentRow doc, String receiptType, String status, String time, String info, String copMsgId) {
        ReceiptOutcome outcome;
        if (written.has(doc.id(), status, time) || receipts.seen(doc.id(), status, time)) {
            outcome = ReceiptOutcome.DUPLICATE;
        } else if (doc.finalState()) {
            outcome = ReceiptOutcome.FINAL;
        } else if (doc.statusTime() != null && time != null && time.compareTo(doc.statusTime()) < 0) {
            outcome = ReceiptOutcome.STALE;
        } else {
            boolean last = Lifecycle.ofRootName(doc.messageType()).isFinal(status);
            if (!documents.status(doc.id(), doc.status(), status, time, last, clock.instant())) {
                throw new IllegalStateException("document " + doc.id() + " changed although it was locked");
            }
            written.transitions.add(new ReceiptStore.Transition(doc.id(), doc.status(), status, time, clock.instant()));
            io.micrometer.core.instrument.Timer.builder("cebgw.receipt.latency").description("from the document's previous change to this receipt")
                    .tag("type", doc.messageType()).tag("status", status).publishPercentileHistogram()
                    .register(io.micrometer.core.instrument.Metrics.globalRegistry)
                    .record(java.time.Duration.between(doc.updatedAt(), clock.instant()));
            outcome = ReceiptOutcome.APPLIED;
        }
        written.add(new ReceiptStore.ReceiptRow(doc.enterpriseId(), doc.id(), receiptType, status, time, info, copMsgId, outcome.name(),
                clock.instant()));
    }

    private void record(Written written, String enterpriseId, String type, String status, String time, String info, String copMsgId,
                        ReceiptOutcome outcome) {
        LOG.info("receipt {}: {} {} {}", outcome, type, status, copMsgId);
        written.add(new ReceiptStore.ReceiptRow(enterpriseId, null, type, status == null ? ReceiptStore.NO_STATUS : status, time, info, copMsgId, outcome.name(),
                clock.instant()));
    }

}
