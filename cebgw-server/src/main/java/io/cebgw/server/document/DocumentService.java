package io.cebgw.server.document;

import io.cebgw.core.codec.CebReader;
import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.codec.ReadResult;
import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.EnvelopeWriter;
import io.cebgw.core.envelope.Wrapping;
import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.finding.Localized;
import io.cebgw.core.lifecycle.Lifecycle;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.signing.SigningException;
import io.cebgw.core.spec.BusinessKey;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.validation.CrossDocumentRules;
import io.cebgw.core.validation.Declared;
import io.cebgw.core.validation.MessageValidator;
import io.cebgw.core.xml.CebReadException;
import io.cebgw.core.xml.XmlLimits;
import io.cebgw.server.access.Audit;
import io.cebgw.server.store.DocumentRow;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.OutboxStore;
import io.cebgw.server.store.ShipmentStore;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates documents from JSON or XML, validates them at once, stores drafts (暂存) and declares (申报): sign, wrap in
 * a DxpMsg with a CopMsgId that never changes, and write the outbox row in the same transaction as the document.
 */
public final class DocumentService {
    private final DocumentStore documents;
    private final OutboxStore outbox;
    private final ShipmentAssignment assignment;
    private final Signers signers;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final TransferNode.Lookup transferNodes;
    private final MessageValidator validator;
    private final CrossDocumentRules crossDocument = new CrossDocumentRules();
    /** Types whose rules across documents would only repeat the key check every create already does. */
    private static final java.util.Set<MessageType> NAMES_NO_PARTNER = java.util.Set.of(MessageType.CEB303, MessageType.CEB505);
    /** The caller as it is now, and what it may speak for (BaseTransfer, sender fields). */
    private final SenderCheck senders;
    /** The longest business key a document row keeps (its numbers are far shorter when valid: the length findings say so). */
    private static final int MAX_KEY = 255;
    private final Audit audit;
    /** The audit action of a new document by its appType: a new declaration, a change of one, or its cancellation. */
    private static final Map<String, String> ACTION_BY_APP_TYPE = Map.of("1", "document.create", "2", "document.modify", "3", "document.delete_request");

    /**
     * With a transfer-node lookup (a platform's enterprises get their documents wrapped in {@code DxpMsgSv}) and the
     * validator every document passes before it is kept (the spec's rules, and the official XSDs where configured).
     */
    public DocumentService(SenderCheck senders, Audit audit, DocumentStore documents, OutboxStore outbox, ShipmentStore shipments, Signers signers,
                           TransactionTemplate tx, Clock clock, TransferNode.Lookup transferNodes, MessageValidator validator) {
        this.validator = validator;
        this.audit = audit;
        this.transferNodes = transferNodes;
        this.senders = senders;
        this.documents = documents;
        this.outbox = outbox;
        this.assignment = new ShipmentAssignment(shipments, clock);
        this.signers = signers;
        this.tx = tx;
        this.clock = clock;
    }

    /** The result of a create: the stored row, its findings (warnings included), and whether it existed (idempotency). */
    public record Created(DocumentRow document, List<Finding> findings, boolean existing) {
    }

    /**
     * @param json           JSON (see {@link JsonMessages}) when true, XML otherwise
     * @param idempotencyKey a repeated create with the same key returns the first result
     * @param declare        sign and send at once; otherwise a draft (暂存) kept here
     */
    public Created create(String enterpriseId, byte[] body, boolean json, String idempotencyKey, boolean declare) throws ValidationFailed {
        return create(enterpriseId, body, json, idempotencyKey, declare, null);
    }

    /**
     * @param shipmentId the shipment (created through the API) the document goes into; null: the shipment of the documents
     *                   it names, or a new one ({@link ShipmentAssignment})
     */
    public Created create(String enterpriseId, byte[] body, boolean json, String idempotencyKey, boolean declare, String shipmentId)
            throws ValidationFailed {
        if (idempotencyKey != null) {
            Optional<DocumentRow> existing = documents.byIdempotencyKey(enterpriseId, idempotencyKey);
            if (existing.isPresent()) {
                return new Created(existing.get(), List.of(), true);
            }
        }
        CebMessage message = parse(body, json);
        if (message.businessRecords().size() != 1 || BusinessKey.fields(message.type()).isEmpty()) {
            throw ValidationFailed.of(GatewayProblem.ONE_RECORD, message.type().rootName(), message.businessRecords().size());
        }
        Node head = headOf(message);
        head.set("appStatus", declare ? "2" : "1");
        senders.speaksForCaller(enterpriseId, message);
        String key = BusinessKey.of(message.type(), head::get);
        checkAppType(enterpriseId, message, head.has("appType") ? head.get("appType") : "1", key);
        List<Finding> findings = findings(enterpriseId, message, null);
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        if ((declare || key.length() > MAX_KEY) && !errors.isEmpty()) { // a key too long to keep is refused even for a draft
            throw new ValidationFailed(GatewayProblem.NOT_VALID.with(errors.size()), findings);
        }
        var now = clock.instant();
        byte[] unsigned = new CebWriter().write(message);
        Signed signed = declare ? sign(enterpriseId, message) : null; // outside the transaction: it only needs the key
        DocumentRow row = new DocumentRow(UUID.randomUUID().toString(), enterpriseId, message.type().rootName(), key, head.get("guid"),
                head.has("appType") ? head.get("appType") : "1", head.get("appStatus"), null, null, false,
                signed == null ? null : signed.copMsgId(), idempotencyKey, FindingsJson.write(findings), unsigned,
                signed == null ? null : signed.xml(), signed == null ? null : signed.envelope(), now, now);
        try {
            tx.executeWithoutResult(status -> {
                documents.insert(row, shipmentId != null ? shipmentId : assignment.shipmentFor(enterpriseId, message));
                if (signed != null) {
                    outbox.insert(enterpriseId, row.id(), signed.copMsgId(), null, now); // the row's envelope is sent
                }
                audit.record(enterpriseId, ACTION_BY_APP_TYPE.getOrDefault(row.appType(), "document.create"), row.id(),
                        message.type().rootName() + " " + key + (signed != null ? " declared " + signed.copMsgId() : " draft"));
            });
            return new Created(row, findings, false);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // a parallel create won: the same idempotency key (answer with its document), or the same live business key
            Optional<DocumentRow> same = idempotencyKey == null ? Optional.empty() : documents.byIdempotencyKey(enterpriseId, idempotencyKey);
            if (same.isPresent()) {
                return new Created(same.get(), List.of(), true);
            }
            throw ValidationFailed.of(GatewayProblem.KEY_EXISTS, typeName(message), key);
        }
    }

    /**
     * The validator's findings, less "must be signed before it is sent" (CEB-R007): the gateway signs every document
     * it declares, so that warning would only confuse.
     */
    private List<Finding> findings(CebMessage message) {
        return validator.validate(message).findings().stream().filter(f -> !f.code().equals(FindingCode.NOT_SIGNED.code())).toList();
    }

    /**
     * The validator's findings and the rule book across documents against the enterprise's own documents here: a list
     * whose order, booking or waybill was entered here must agree with it (the other end is in each finding's linkedPath).
     *
     * @param ownId the document's id when it is stored already, else null
     */
    private List<Finding> findings(String enterpriseId, CebMessage message, String ownId) {
        List<Finding> findings = new ArrayList<>(findings(message));
        if (NAMES_NO_PARTNER.contains(message.type())) {
            return findings;   // an order or waybill names no partner here; one live number per key is checkAppType's (GW-D004)
        }
        for (Declared d : Declared.of(message, null)) {
            findings.addAll(crossDocument.check(d, new StoredPartners(documents, enterpriseId, d, ownId)));
        }
        return findings;
    }

    /**
     * What creating this document as a draft would say, storing nothing: its findings (errors and warnings), or the
     * refusal (not one declaration record, a business key that exists already, a bad appType).
     */
    public List<Finding> dryRun(String enterpriseId, byte[] body, boolean json) throws ValidationFailed {
        CebMessage message = parse(body, json);
        if (message.businessRecords().size() != 1 || BusinessKey.fields(message.type()).isEmpty()) {
            throw ValidationFailed.of(GatewayProblem.ONE_RECORD, message.type().rootName(), message.businessRecords().size());
        }
        Node head = headOf(message);
        head.set("appStatus", "1");
        List<Finding> findings = findings(enterpriseId, message, null);
        checkAppType(enterpriseId, message, head.has("appType") ? head.get("appType") : "1", BusinessKey.of(message.type(), head::get));
        return findings;
    }

    /**
     * The head of the message's one record (where appStatus, appType and the key live); a record whose head group is
     * missing is refused with the validator's findings (CEB-S004 …), not taken apart.
     */
    private Node headOf(CebMessage message) throws ValidationFailed {
        Node head = message.businessRecords().get(0).head();
        if (head.def().position("appStatus") < 0) {
            List<Finding> errors = findings(message).stream().filter(Finding::isError).toList();
            throw new ValidationFailed(GatewayProblem.NOT_VALID.with(Math.max(1, errors.size())), errors);
        }
        return head;
    }

    /** A signed message, its envelope and the CopMsgId it keeps on every retry. */
    private record Signed(byte[] xml, byte[] envelope, String copMsgId) {
    }

    private Signed sign(String enterpriseId, CebMessage message) throws ValidationFailed {
        EnterpriseRow enterprise = senders.caller(enterpriseId);
        byte[] signed;
        long started = System.nanoTime();
        try {
            signed = signers.signer(enterprise).sign(message);
            io.micrometer.core.instrument.Metrics.timer("cebgw.signing").record(java.time.Duration.ofNanos(System.nanoTime() - started));
        } catch (SigningException e) {
            throw ValidationFailed.of(GatewayProblem.CANNOT_SIGN, new Localized(e.describe(Locale.CHINA), e.describe(Locale.ENGLISH)));
        }
        String copMsgId = Wrapping.newCopMsgId();
        Wrapping wrapping = new Wrapping(clock);
        DxpMsg msg = wrapping.dxpMsg(signed, message.type().rootName(), enterprise.dxpId(), List.of(DxpMsg.EXPORT_RECEIVER), copMsgId);
        Optional<TransferNode> node;
        try {
            node = transferNodes.of(enterpriseId);
        } catch (io.cebgw.core.transport.TransportException e) {
            throw ValidationFailed.of(GatewayProblem.CANNOT_ROUTE, new Localized(e.describe(Locale.CHINA), e.describe(Locale.ENGLISH)));
        }
        byte[] envelope = new EnvelopeWriter().write(node.isPresent() ? wrapping.dxpMsgSv(msg, node.get().staNode(), node.get().endNode()) : msg);
        return new Signed(signed, envelope, copMsgId);
    }

    /** Declares a stored draft: appStatus 2, validated again, signed and sent. */
    public DocumentRow declare(String enterpriseId, String documentId) throws ValidationFailed {
        DocumentRow row = documents.byId(enterpriseId, documentId).orElseThrow(() -> notFound(documentId));
        if (row.copMsgId() != null) {
            throw ValidationFailed.of(GatewayProblem.ALREADY_DECLARED);
        }
        CebMessage message = parse(row.unsignedXml(), false);
        message.businessRecords().get(0).head().set("appStatus", "2");
        senders.speaksForCaller(enterpriseId, message); // what it may speak for can have changed since the draft was made
        List<Finding> errors = findings(enterpriseId, message, row.id()).stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            throw new ValidationFailed(GatewayProblem.NOT_VALID.with(errors.size()), errors);
        }
        Signed signed = sign(enterpriseId, message);
        boolean declared = Boolean.TRUE.equals(tx.execute(status -> {
            var now = clock.instant();
            if (!documents.signed(row.id(), signed.xml(), signed.envelope(), signed.copMsgId(), now)) {
                return false; // declared meanwhile: once is enough
            }
            outbox.insert(row.enterpriseId(), row.id(), signed.copMsgId(), null, now); // the envelope just stored is sent
            audit.record(enterpriseId, "document.declare", row.id(), row.messageType() + " " + row.businessKey() + " " + signed.copMsgId());
            return true;
        }));
        if (!declared) {
            throw ValidationFailed.of(GatewayProblem.ALREADY_DECLARED);
        }
        return documents.byId(enterpriseId, documentId).orElseThrow();
    }

    /**
     * Replaces a draft with what was entered again (the edit form), keeping its id and shipment; optionally declares it.
     * A declared document is not a draft: {@code ALREADY_DECLARED}.
     */
    public DocumentRow updateDraft(String enterpriseId, String id, byte[] body, boolean json, boolean declare) throws ValidationFailed {
        DocumentRow row = documents.byId(enterpriseId, id).orElseThrow(() -> notFound(id));
        if (row.copMsgId() != null) {
            throw ValidationFailed.of(GatewayProblem.ALREADY_DECLARED);
        }
        CebMessage message = parse(body, json);
        if (message.businessRecords().size() != 1 || BusinessKey.fields(message.type()).isEmpty()
                || !message.type().rootName().equals(row.messageType())) {
            throw ValidationFailed.of(GatewayProblem.ONE_RECORD, message.type().rootName(), message.businessRecords().size());
        }
        Node head = headOf(message);
        head.set("appStatus", "1");
        senders.speaksForCaller(enterpriseId, message);
        String appType = head.has("appType") ? head.get("appType") : "1";
        String key = BusinessKey.of(message.type(), head::get);
        checkAppType(enterpriseId, message, appType, key, id);
        List<Finding> findings = findings(enterpriseId, message, id);
        if (key.length() > MAX_KEY) {
            List<Finding> errors = findings.stream().filter(Finding::isError).toList();
            throw new ValidationFailed(GatewayProblem.NOT_VALID.with(Math.max(1, errors.size())), errors);
        }
        try {
            tx.executeWithoutResult(status -> {
                documents.replaceDraft(enterpriseId, id, key, head.get("guid"), appType, FindingsJson.write(findings), new CebWriter().write(message),
                        clock.instant());
                audit.record(enterpriseId, "document.edit", id, row.messageType() + " " + key);
            });
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ValidationFailed.of(GatewayProblem.KEY_EXISTS, typeName(message), key);
        }
        return declare ? declare(enterpriseId, id) : documents.byId(enterpriseId, id).orElseThrow();
    }

    /**
     * Sends a sent or dead-lettered document again with its CopMsgId (the transports and customs recognise a repeat);
     * audited. Returns how many outbox rows were queued again (0: it is waiting to be sent already).
     */
    public int resend(String enterpriseId, String id) throws ValidationFailed {
        DocumentRow row = documents.byId(enterpriseId, id).orElseThrow(() -> notFound(id));
        int requeued = outbox.resend(enterpriseId, id, clock.instant());
        if (requeued > 0) {
            audit.record(enterpriseId, "document.resend", id, row.messageType() + " " + row.businessKey());
        }
        return requeued;
    }

    /** Deletes a draft; a declared document stays (it has a history at customs). */
    public void deleteDraft(String enterpriseId, String id) throws ValidationFailed {
        DocumentRow row = documents.byId(enterpriseId, id).orElseThrow(() -> notFound(id));
        if (row.copMsgId() != null || !documents.deleteDraft(enterpriseId, id)) {
            throw ValidationFailed.of(GatewayProblem.ALREADY_DECLARED);
        }
        audit.record(enterpriseId, "document.delete", id, row.messageType() + " " + row.businessKey());
    }

    /** A stored document of the enterprise (never another's). */
    public Optional<DocumentRow> row(String enterpriseId, String id) {
        return documents.byId(enterpriseId, id);
    }

    /** A stored document's message as entered (for the forms that start from it). */
    public CebMessage message(String enterpriseId, String id) throws ValidationFailed {
        DocumentRow row = documents.byId(enterpriseId, id).orElseThrow(() -> notFound(id));
        return parse(row.unsignedXml(), false);
    }

    private void checkAppType(String enterpriseId, CebMessage message, String appType, String key) throws ValidationFailed {
        checkAppType(enterpriseId, message, appType, key, null);
    }

    /** @param ownId a draft being replaced: its own key is no clash */
    private void checkAppType(String enterpriseId, CebMessage message, String appType, String key, String ownId) throws ValidationFailed {
        List<DocumentRow> same = documents.statesByKey(enterpriseId, message.type().rootName(), key).stream()
                .filter(d -> Lifecycle.holdsKey(d.status()) && !d.id().equals(ownId)).toList();
        switch (appType) {
            case "1" -> {
                if (!same.isEmpty()) {
                    throw ValidationFailed.of(GatewayProblem.KEY_EXISTS, typeName(message), key);
                }
            }
            case "2", "3" -> {
                if (same.isEmpty()) {
                    throw ValidationFailed.of(GatewayProblem.NOTHING_TO_CHANGE, "2".equals(appType) ? new Localized("修改", "modify")
                            : new Localized("删除", "delete"), typeName(message), key);
                }
                if (same.stream().anyMatch(d -> !Lifecycle.of(message.type()).allowsChange(d.status()))) {
                    throw ValidationFailed.of(GatewayProblem.CONCLUDED, typeName(message), key);
                }
            }
            default -> throw ValidationFailed.of(GatewayProblem.BAD_APP_TYPE);
        }
    }

    private static Localized typeName(CebMessage message) {
        return new Localized(message.type().zh(), message.type().en());
    }

    private static CebMessage parse(byte[] body, boolean json) throws ValidationFailed {
        if (json) {
            try {
                return JsonMessages.read(body);
            } catch (JsonMessages.Invalid e) {
                throw ValidationFailed.of(GatewayProblem.DOCUMENT_JSON, new Localized(e.zh(), e.getMessage()), e.path());
            }
        }
        try {
            ReadResult read = new CebReader(XmlLimits.DEFAULT).read(body);
            return read.message();
        } catch (CebReadException e) {
            throw new ValidationFailed(e.problem());
        }
    }


    private static ValidationFailed notFound(String id) {
        return ValidationFailed.of(GatewayProblem.NO_SUCH_DOCUMENT, id);
    }

}
