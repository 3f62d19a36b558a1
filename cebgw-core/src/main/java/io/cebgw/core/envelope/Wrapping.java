package io.cebgw.core.envelope;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Builds envelopes around business messages with the conventions of the exchange platform. */
public final class Wrapping {
    /** Times in envelopes are Beijing time. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));

    private final Clock clock;

    public Wrapping(Clock clock) {
        this.clock = clock;
    }

    public Wrapping() {
        this(Clock.system(BEIJING));
    }

    /** A new CopMsgId: an upper-case UUID, stable for all retries of the same send. */
    public static String newCopMsgId() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** Wraps business XML (kept byte for byte) in a terminal-node DxpMsg. */
    public DxpMsg dxpMsg(byte[] businessXml, String msgType, String senderId, List<String> receiverIds, String copMsgId) {
        String id = copMsgId == null ? newCopMsgId() : copMsgId;
        TransInfo info = new TransInfo(id, senderId, receiverIds, now().format(DATE_TIME), msgType);
        return new DxpMsg(info, businessXml.clone(), new AddInfo(msgType + "_" + id + ".xml", null, List.of()));
    }

    /**
     * Wraps a DxpMsg for a transfer node. The MsgId is the 8-digit start node, the send time and a 10-digit
     * sequence, 32 characters in all.
     */
    public DxpMsgSv dxpMsgSv(DxpMsg msg, String staNode, String endNode) {
        if (staNode == null || !staNode.matches("\\d{8}")) {
            throw new EnvelopeException("StaNode", "传输节点编号应为 8 位数字", "the transfer node id must be 8 digits");
        }
        if (endNode == null || !endNode.matches("\\d{1,8}")) {
            throw new EnvelopeException("EndNode", "目的节点编号应为 1 到 8 位数字", "the end node id must be 1 to 8 digits");
        }
        LocalDateTime now = now();
        long seq = Math.floorMod(SEQUENCE.incrementAndGet(), 10_000_000_000L);
        String msgId = staNode + now.format(COMPACT) + String.format("%010d", seq);
        return new DxpMsgSv(new SvNo(msgId, null, now.format(DATE_TIME), endNode, staNode), msg);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
