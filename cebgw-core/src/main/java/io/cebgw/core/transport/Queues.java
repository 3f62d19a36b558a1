package io.cebgw.core.transport;

import io.cebgw.core.problem.TransportProblem;

/**
 * The two queues of a queue-based transport at one end. Configurations name them from the enterprise's point of view
 * ({@code send-queue}: declarations, {@code receive-queue}: receipts, or a {@code queues} prefix with {@code .out} and
 * {@code .in}); the exchange end swaps them.
 */
public record Queues(String send, String receive) {
    public static Queues of(TransportSpec spec, End end) throws TransportException {
        String prefix = spec.get("queues");
        String declarations = spec.getOrDefault("send-queue", prefix == null ? null : prefix + ".out");
        String receipts = spec.getOrDefault("receive-queue", prefix == null ? null : prefix + ".in");
        if (declarations == null || receipts == null) {
            throw new TransportException(TransportProblem.MISSING_SETTING.with(spec.type(), "send-queue + receive-queue, or queues"));
        }
        return end == End.ENTERPRISE ? new Queues(declarations, receipts) : new Queues(receipts, declarations);
    }
}
