package io.cebgw.sandbox;

import io.cebgw.core.codec.CebReader;
import io.cebgw.core.codec.ReadResult;
import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.DxpMsgSv;
import io.cebgw.core.envelope.DxpRep;
import io.cebgw.core.envelope.Envelope;
import io.cebgw.core.envelope.EnvelopeReader;
import io.cebgw.core.finding.Finding;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.validation.CrossDocumentRules;
import io.cebgw.core.validation.Declared;
import io.cebgw.core.validation.MessageValidator;
import io.cebgw.core.validation.XsdCheck;
import io.cebgw.core.xml.CebReadException;
import io.cebgw.crypto.verify.CebVerifier;
import io.cebgw.crypto.verify.Verdict;
import io.cebgw.crypto.verify.VerifyProfile;
import io.cebgw.crypto.verify.VerifyReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Checks each arriving message in the order the real system does and answers each failure the way the spec
 * says: envelope → DxpRep; format (definitions and, when configured, the official XSD) → CEB900; signature
 * (required for appStatus 2, verified strictly against the sender's registered certificates) → DxpRep 1001/1002/1004;
 * business rules — the validator's, the rule book across documents with what was accepted before, modify/delete —
 * → 100 海关退单 with the reason, or the negative code of spec table 7-2 where it has one ({@link Refusal}).
 */
final class Intake {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    private static final Set<Character> FORMAT_FINDINGS = Set.of('S', 'F');
    private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final SandboxConfig config;
    private final Registry registry;
    private final Ledger ledger;
    private final Replies replies;
    private final Flow flow;
    private final Clock clock;
    private final XsdCheck xsd;
    private final MessageValidator validator = new MessageValidator();
    private final CrossDocumentRules crossDocument = new CrossDocumentRules();
    private final LedgerPartners partners;
    private final AtomicLong numbers = new AtomicLong();

    Intake(SandboxConfig config, Registry registry, Ledger ledger, Replies replies, Flow flow, Clock clock) {
        this.config = config;
        this.registry = registry;
        this.ledger = ledger;
        this.replies = replies;
        this.flow = flow;
        this.clock = clock;
        this.xsd = config.schemaDir() == null ? null : new XsdCheck(config.schemaDir());
        this.partners = new LedgerPartners(ledger, config.rules());
    }

    /**
     * The expensive, stateless part of taking a message: reading the envelope and the message, and verifying the
     * signature against the sender's registered certificates. Safe on any thread, so that messages arriving together
     * are examined in parallel; the decisions ({@link #process}) still run one after the other. A part that fails is
     * left out and {@link #process} finds the failure again and answers it.
     */
    Examined examine(byte[] bytes) {
        try {
            Envelope envelope = new EnvelopeReader().read(bytes);
            if (!(envelope instanceof DxpMsg) && !(envelope instanceof DxpMsgSv)) {
                return new Examined(envelope, null, null);
            }
            DxpMsg msg = envelope instanceof DxpMsgSv sv ? sv.dxpMsg() : (DxpMsg) envelope;
            ReadResult read = new CebReader().read(msg.data());
            Optional<Enterprise> sender = registry.byDxpId(msg.transInfo().senderId());
            Verdict verdict = declared(read) && read.message().isSigned() && sender.isPresent()
                    ? new CebVerifier(sender.get().trust(), VerifyProfile.STRICT, clock).verify(read.businessXml()) : null;
            return new Examined(envelope, read, verdict);
        } catch (CebReadException | RuntimeException e) {
            return Examined.NOTHING;
        }
    }

    /** What {@link #examine} found ahead of a message's turn; null parts are found again in turn. */
    record Examined(Envelope envelope, ReadResult read, Verdict verdict) {
        static final Examined NOTHING = new Examined(null, null, null);
    }

    /**
     * Decides one message, using what {@link #examine} found ahead of its turn. Never throws for bad input: every
     * rejection is recorded and, where the sender can be told, answered.
     */
    void process(Transport.Envelope incoming, Examined examined) {
        Arrival arrival = ledger.arrival(incoming.id(), clock.instant(), incoming.bytes().length);
        try {
            Envelope envelope = envelope(incoming.bytes(), examined.envelope(), arrival);
            if (envelope == null) {
                return;
            }
            DxpMsg msg = envelope instanceof DxpMsgSv sv ? sv.dxpMsg() : (DxpMsg) envelope;
            Route route = new Route(msg.transInfo().senderId(), envelope instanceof DxpMsgSv sv ? sv.svNo() : null);
            ReadResult read = format(msg, examined.read(), route, arrival);
            if (read == null || !signature(msg, read, examined.verdict(), arrival)) {
                return;
            }
            business(read.message(), route, arrival);
        } catch (TransportException e) {
            arrival.verdict("answer", false, "SBX-T001", "cannot send the answer: " + e.getMessage());
            LOG.warn("sandbox: {}", e.getMessage());
        } catch (RuntimeException e) {
            arrival.verdict("internal", false, "SBX-E001", e.toString());
            LOG.warn("sandbox: internal error on {}", incoming.id(), e);
        }
    }

    /** The envelope when it passed the check (a DxpMsg or DxpMsgSv), else null after recording and answering. */
    private Envelope envelope(byte[] bytes, Envelope examined, Arrival arrival) throws TransportException {
        Envelope envelope;
        try {
            envelope = examined != null ? examined : new EnvelopeReader().read(bytes);
        } catch (CebReadException e) {
            arrival.verdict("envelope", false, e.error().code(), e.describe(Locale.CHINA));
            Optional<io.cebgw.core.envelope.TransInfo> salvaged = TransInfoSalvage.of(bytes);
            if (salvaged.isPresent()) { // the sender is known: tell it (报文格式错误)
                LOG.warn("sandbox: rejected {} from {} with DxpRep 0001: {}", arrival.transportId(), salvaged.get().senderId(),
                        e.describe(Locale.ENGLISH));
                replies.exchangeResponse(salvaged.get(), "0001", "报文格式错误：" + e.describe(Locale.CHINA));
                arrival.answered("DxpRep 0001");
            } else { // nothing identifies the sender: a real exchange cannot answer either
                LOG.warn("sandbox: rejected {} unanswered, the sender cannot be read from it ({} bytes): {}", arrival.transportId(),
                        bytes.length, e.describe(Locale.ENGLISH));
            }
            return null;
        }
        if (envelope instanceof DxpRep) {
            arrival.verdict("envelope", false, "SBX-V001", "DxpRep 不是申报报文 / a DxpRep is not a declaration");
            return null;
        }
        DxpMsg msg = envelope instanceof DxpMsgSv sv ? sv.dxpMsg() : (DxpMsg) envelope;
        arrival.identify(msg.transInfo().copMsgId(), msg.transInfo().senderId(), msg.transInfo().msgType());
        if (!msg.transInfo().receiverIds().contains(config.nodeId())) {
            answer(arrival, msg, "2001", "指定的接收方不存在：" + msg.transInfo().receiverIds() + "（应为 " + config.nodeId() + "）");
            return null;
        }
        if (registry.byDxpId(msg.transInfo().senderId()).isEmpty()) {
            answer(arrival, msg, "2999", "发送方 " + msg.transInfo().senderId() + " 未在沙箱登记 / sender not registered");
            return null;
        }
        if (ledger.seen(msg.transInfo().copMsgId())) {
            arrival.verdict("envelope", false, "SBX-V002", "重复投递的 CopMsgId（已处理，不再处理）/ duplicate delivery, ignored");
            return null;
        }
        arrival.verdict("envelope", true, "", "");
        return envelope;
    }

    private void answer(Arrival arrival, DxpMsg msg, String code, String info) throws TransportException {
        arrival.verdict("envelope", false, code, info);
        replies.exchangeResponse(msg.transInfo(), code, info);
        arrival.answered("DxpRep " + code);
    }


    private ReadResult format(DxpMsg msg, ReadResult examined, Route route, Arrival arrival) throws TransportException {
        ReadResult read;
        try {
            read = examined != null ? examined : new CebReader().read(msg.data());
        } catch (CebReadException e) {
            return formatFailure(msg, route, arrival, e.describe(Locale.CHINA));
        }
        List<Finding> problems = new ArrayList<>(read.findings().stream()
                .filter(f -> f.isError() && FORMAT_FINDINGS.contains(f.code().charAt(4))).toList());
        problems.addAll(validator.validate(read).findings().stream()
                .filter(f -> f.isError() && FORMAT_FINDINGS.contains(f.code().charAt(4)) && !problems.contains(f)).toList());
        if (xsd != null) {
            problems.addAll(xsd.check(read.businessXml(), XsdCheck.schemaFor(read.message().type())).stream()
                    .filter(Finding::isError).toList());
        }
        if (!problems.isEmpty()) {
            return formatFailure(msg, route, arrival, describe(problems));
        }
        arrival.verdict("format", true, "", "");
        return read;
    }

    private ReadResult formatFailure(DxpMsg msg, Route route, Arrival arrival, String info) throws TransportException {
        arrival.verdict("format", false, "CEB900", info);
        replies.send(replies.formatReceipt(msg.transInfo().copMsgId(), msg.transInfo().msgType(), info, msg.data()),
                MessageType.CEB900.rootName(), route);
        arrival.answered("CEB900");
        return null;
    }

    private static boolean declared(ReadResult read) {
        return read.message().businessRecords().stream().map(Node::head).anyMatch(h -> "2".equals(h.get("appStatus")));
    }

    private boolean signature(DxpMsg msg, ReadResult read, Verdict examined, Arrival arrival) throws TransportException {
        if (!declared(read)) {
            arrival.verdict("signature", true, "", "appStatus 1：暂存无需加签 / not required");
            return true;
        }
        if (!read.message().isSigned()) {
            return signatureFailure(msg, arrival, "1001", "CEB-V003 申报（appStatus=2）的报文必须加签 / a declaration must be signed");
        }
        Enterprise sender = registry.byDxpId(msg.transInfo().senderId()).orElseThrow();
        Verdict verdict = examined != null ? examined : new CebVerifier(sender.trust(), VerifyProfile.STRICT, clock).verify(read.businessXml());
        if (!verdict.valid()) {
            VerifyReason reason = verdict.reason().orElseThrow();
            String code = reason == VerifyReason.DIGEST_MISMATCH || reason == VerifyReason.SIGNATURE_INVALID
                    || reason == VerifyReason.WRAPPING ? "1004" : "1001";
            return signatureFailure(msg, arrival, code, verdict.describe(Locale.CHINA));
        }
        if (verdict.warnings().stream().anyMatch(w -> w.reason() == VerifyReason.CERTIFICATE_EXPIRED)) {
            return signatureFailure(msg, arrival, "1002", "数字签名过期：证书不在有效期内 / the certificate has expired");
        }
        arrival.verdict("signature", true, "", "");
        return true;
    }

    private boolean signatureFailure(DxpMsg msg, Arrival arrival, String code, String info) throws TransportException {
        arrival.verdict("signature", false, code, info);
        replies.exchangeResponse(msg.transInfo(), code, info);
        arrival.answered("DxpRep " + code);
        return false;
    }

    private void business(CebMessage message, Route route, Arrival arrival) {
        Optional<Kind> kind = Kind.of(message.type());
        if (kind.isEmpty()) {
            arrival.verdict("business", false, "SBX-B001", message.type().rootName() + " 不是企业申报的报文 / not a declaration");
            return;
        }
        List<Finding> businessErrors = validator.validate(message).findings().stream()
                .filter(f -> f.isError() && !FORMAT_FINDINGS.contains(f.code().charAt(4))).toList();
        List<String> refusals = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (Declared record : Declared.of(message, null)) {
            verdicts.add(record(kind.get(), record, businessErrors, route, arrival, refusals));
        }
        boolean all = verdicts.stream().allMatch(String::isEmpty);
        String code = all ? "" : refusals.isEmpty() ? Status.REJECTED.code() : refusals.get(0);
        arrival.verdict("business", all, code, String.join("; ", verdicts.stream().filter(v -> !v.isEmpty()).toList()));
    }

    /** One business record; returns the rejection reason, or "" when accepted. */
    private String record(Kind kind, Declared declared, List<Finding> businessErrors, Route route, Arrival arrival, List<String> refusals) {
        Map<String, String> head = declared.record().head().values();
        String key = io.cebgw.core.spec.BusinessKey.of(kind.type, head::get);
        Optional<Scenario> scenario = Scenario.of(java.util.Arrays.asList(head.get("copNo"), head.get("orderNo"),
                head.get("logisticsNo"), head.get("coElNo")));
        Declared named = new Declared(declared.type(), kind.type.rootName() + " " + key, declared.path(), declared.record());
        Document doc = new Document(kind, named, key, scenario, route.senderId(), route, preNo(), invtNo(head));
        arrival.answered(doc.kind().type.receipt().map(MessageType::rootName).orElse("?") + " " + key);
        Optional<Document> any = ledger.document(kind, key);
        Optional<Document> existing = LedgerPartners.live(any);
        Optional<Refusal> refusal = Refusal.of(doc, any, ledger);
        if (refusal.isPresent()) {
            flow.refuse(doc, refusal.get().code, refusal.get().text + "[" + key + "]");
            refusals.add(refusal.get().code);
            return refusal.get().code + " " + refusal.get().text;
        }
        String appType = head.getOrDefault("appType", "1");
        String reason = businessErrors.isEmpty() ? rulesAcross(doc) : describe(businessErrors);
        if (reason.isEmpty()) {
            reason = switch (appType) {
                case "1" -> existing.map(e -> "业务主键重复：已存在相同编号的" + kind.type.zh() + " " + key + "（修改请用 appType=2）").orElse("");
                case "2", "3" -> any.isEmpty() ? "未找到要" + ("2".equals(appType) ? "修改" : "删除") + "的" + kind.type.zh() + " " + key
                        : changeable(any.get()) ? "" : "状态不符：" + kind.type.zh() + " " + key + " 已审结，不能"
                        + ("2".equals(appType) ? "修改" : "删除");
                default -> "未知的 appType " + appType;
            };
        }
        if (!reason.isEmpty()) {
            if (existing.isEmpty()) {
                ledger.put(doc);   // shown on the status page; a live document with the same key stays as it is
            }
            flow.reject(doc, reason);
            return reason;
        }
        any.ifPresent(ledger::remove);
        if ("1".equals(head.get("appStatus"))) {
            ledger.put(doc);
            flow.single(doc, Status.STORED, Status.STORED.info(), true);
        } else if ("3".equals(appType)) {
            flow.single(doc, Status.DECLARING, "删除申报成功[" + head.get("guid") + "]", true);
        } else {
            ledger.put(doc);
            flow.begin(doc, ("2".equals(appType) ? "修改申报成功[" : "新增申报成功[") + head.get("guid") + "]");
        }
        return "";
    }

    private static boolean changeable(Document doc) {
        Status s = doc.status();
        return s == null || s == Status.STORED || s == Status.DECLARING || s == Status.ACCEPTED || s == Status.REJECTED;
    }

    /**
     * The rule book across documents (the validator's: same codes, same texts) with the ledger as the world, then what
     * only the sandbox knows: whether a cancelled list may still be cancelled, whether a summarised list was released.
     */
    private String rulesAcross(Document doc) {
        List<Finding> errors = crossDocument.check(doc.declared(), partners).stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            return describe(errors);
        }
        switch (doc.kind()) {
            case CANCEL -> {
                Optional<Document> list = LedgerPartners.live(ledger.listByInvtNo(doc.field("invtNo")));
                if (list.isPresent() && (list.get().status() == Status.RELEASED || list.get().status() == Status.CLOSED
                        || list.get().finished())) {
                    return "清单 " + doc.field("invtNo") + " 已放行或已结束，不能撤销";
                }
            }
            case SUMMARY -> {
                for (Map<String, String> line : doc.lines()) {
                    Optional<Document> list = ledger.listByInvtNo(line.get("invtNo"));
                    if (list.isPresent() && list.get().status() != Status.RELEASED && list.get().status() != Status.CLOSED) {
                        return "汇总申请中的清单 " + line.get("invtNo") + " 未放行";
                    }
                }
            }
            default -> {
                // the rule book says all there is to say about the other kinds
            }
        }
        return "";
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().limit(10).map(f -> f.code() + " " + f.path() + " " + f.message(Locale.CHINA))
                .collect(Collectors.joining("; ")) + (findings.size() > 10 ? "; …（共 " + findings.size() + " 项）" : "");
    }

    private String preNo() {
        return "B" + LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).format(D8)
                + String.format("%09d", numbers.incrementAndGet());
    }

    private String invtNo(Map<String, String> head) {
        String customs = head.getOrDefault("customsCode", "0000");
        return (customs + "0000").substring(0, 4) + LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear()
                + "E" + String.format("%09d", numbers.incrementAndGet());
    }
}
