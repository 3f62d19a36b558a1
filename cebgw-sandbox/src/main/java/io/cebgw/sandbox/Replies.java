package io.cebgw.sandbox;

import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.DxpRep;
import io.cebgw.core.envelope.EnvelopeWriter;
import io.cebgw.core.envelope.TransInfo;
import io.cebgw.core.envelope.Wrapping;
import io.cebgw.core.lifecycle.ReturnStatus;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Builds what the sandbox answers — business receipts (CEB304 for 303, CEB604 for 603, …), CEB900 format
 * receipts, DxpRep exchange responses — wraps them in the envelope the sender expects and sends them.
 */
final class Replies {
    private static final int MAX_ORIGINAL = 1 << 20;

    private final String nodeId;
    private final Transport transport;
    private final ReceiptClock receiptClock;
    private final Wrapping wrapping;
    private final Clock clock;

    Replies(String nodeId, Transport transport, Clock clock) {
        this.nodeId = nodeId;
        this.transport = transport;
        this.clock = clock;
        this.receiptClock = new ReceiptClock(clock);
        this.wrapping = new Wrapping(clock);
    }

    String returnTime() {
        return receiptClock.next();
    }

    /** The business receipt of a document in a status: its receipt type, key fields copied from the document. */
    byte[] receipt(Document doc, Status status, String info, String returnTime) {
        return receiptWithCode(doc, status.code(), info, returnTime);
    }

    /** The same with any status code (admin injection may send codes the script never uses). */
    byte[] receiptWithCode(Document doc, String statusCode, String info, String returnTime) {
        MessageType type = doc.kind().type.receipt().orElseThrow();
        CebMessage receipt = CebMessage.create(type);
        Node node = receipt.addBusinessRecord();
        for (FieldDef field : node.def().fields()) {
            String value = switch (field.name()) {
                case "returnStatus" -> statusCode;
                case "returnTime" -> returnTime;
                case "returnInfo" -> info;
                case "preNo" -> doc.preNo();
                case "invtNo" -> invtNo(doc, statusCode);
                default -> doc.head().get(field.name());
            };
            if (value != null) {
                node.set(field.name(), value);
            }
        }
        return new CebWriter().write(receipt);
    }

    /**
     * The list number a receipt carries: the one the document names (a cancellation, a changed list), else the one the
     * sandbox issues — from 399 海关审结 on, as customs issues it on acceptance; empty before (the element is required,
     * its content may be empty).
     */
    private static String invtNo(Document doc, String statusCode) {
        String named = doc.head().get("invtNo");
        if (named != null && !named.isBlank()) {
            return named;
        }
        return ReturnStatus.of(statusCode).rank() >= ReturnStatus.CONCLUDED.rank() ? doc.invtNo() : "";
    }

    /**
     * CEB792 汇总结果单 for an accepted summary (9610): the summary's parties, the weights of its lists, and one
     * line per goods line of every list.
     */
    byte[] summaryResult(Document summary, List<Document> lists, String sumNo, String declSeqNo) {
        CebMessage result = CebMessage.create(MessageType.CEB792);
        Node record = result.addBusinessRecord();
        Node head = record.add("SummaryResultHead");
        java.math.BigDecimal gross = java.math.BigDecimal.ZERO;
        java.math.BigDecimal net = java.math.BigDecimal.ZERO;
        for (Document list : lists) {
            gross = gross.add(new java.math.BigDecimal(list.head().getOrDefault("grossWeight", "0")));
            net = net.add(new java.math.BigDecimal(list.head().getOrDefault("netWeight", "0")));
        }
        head.set("guid", CebMessage.newGuid()).set("customsCode", summary.field("customsCode")).set("sumNo", sumNo)
                .set("opDate", returnTime()).set("declSeqNo", declSeqNo).set("decState", "1");
        for (String party : List.of("agentCode", "agentName", "ebcCode", "ebcName", "declAgentCode", "declAgentName")) {
            head.set(party, summary.field(party));
        }
        head.set("grossWeight", gross.toPlainString()).set("netWeight", net.toPlainString()).set("msgCount", "1").set("msgSeqNo", "1");
        int seq = 0;
        for (Document list : lists) {
            for (java.util.Map<String, String> line : list.lines()) {
                record.add("SummaryResultList").set("invtNo", list.invtNo()).set("logisticsNo", list.field("logisticsNo"))
                        .set("gseqno", String.valueOf(++seq)).set("gnum", line.get("gnum")).set("gcode", line.get("gcode"));
            }
        }
        return new CebWriter().write(result);
    }

    /** CEB900 报文格式校验回执 for a message that failed the format check. */
    byte[] formatReceipt(String oriCopMsgId, String oriMessageType, String info, byte[] original) {
        CebMessage receipt = CebMessage.create(MessageType.CEB900);
        receipt.addBusinessRecord()
                .set("guid", CebMessage.newGuid())
                .set("returnStatus", ReturnStatus.FORMAT_CHECK_FAILED.code())
                .set("returnInfo", cut(info, 5000))
                .set("returnTime", returnTime())
                .set("oriCopMsgId", cut(oriCopMsgId, 255))
                .set("oriMessageType", cut(oriMessageType == null ? "Unknown" : oriMessageType, 15))
                .set("oriBizMessage", xmlSafe(new String(original, 0, Math.min(original.length, MAX_ORIGINAL), StandardCharsets.UTF_8)));
        return new CebWriter().write(receipt);
    }

    /** Sends a receipt or CEB900 to where the original came from; returns the CopMsgId used. */
    String send(byte[] business, String msgType, Route route) throws TransportException {
        String copMsgId = Wrapping.newCopMsgId();
        DxpMsg msg = wrapping.dxpMsg(business, msgType, nodeId, List.of(route.senderId()), copMsgId);
        byte[] envelope = route.viaTransferNode()
                ? new EnvelopeWriter().write(wrapping.dxpMsgSv(msg, route.svNo().endNode(), route.svNo().staNode()))
                : new EnvelopeWriter().write(msg);
        transport.send(new Transport.Envelope(copMsgId, envelope));
        return copMsgId;
    }

    /** Sends bytes that are not a valid envelope (the GARBLED scenario). */
    void sendRaw(String id, byte[] bytes) throws TransportException {
        transport.send(new Transport.Envelope(id, bytes));
    }

    /** A DxpRep: the exchange's answer to an envelope it does not deliver (spec table 7-1 codes). */
    void exchangeResponse(TransInfo original, String code, String info) throws TransportException {
        DxpRep.Response response = new DxpRep.Response(null, code, cut(info, 300), List.of(),
                LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString(), null, original);
        byte[] bytes = new EnvelopeWriter().write(new DxpRep(original.senderId(), null, List.of(response)));
        transport.send(new Transport.Envelope(Wrapping.newCopMsgId(), bytes));
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Replaces characters XML 1.0 does not allow, so a garbled original can still be quoted. */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF ? c : 0xFFFD));
        return out.toString();
    }

}
