package io.cebgw.server.document;

import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;

import java.util.Optional;

/**
 * A third-party platform's transfer node (传输节点): its documents go out as {@code DxpMsgSv} with this start node and
 * destination node instead of a bare {@code DxpMsg}. Configured on the transport profile the platform's enterprises
 * share: {@code transfer-sta-node} (8 digits, the node the enterprise is attached to) and {@code transfer-end-node}
 * (1–8 digits, the destination node), both assigned by China E-Port.
 */
public record TransferNode(String staNode, String endNode) {
    public static Optional<TransferNode> of(TransportSpec spec) throws TransportException {
        String sta = spec.get("transfer-sta-node");
        String end = spec.get("transfer-end-node");
        if (sta == null && end == null) {
            return Optional.empty();
        }
        if (sta == null || !sta.matches("\\d{8}") || end == null || !end.matches("\\d{1,8}")) {
            throw new TransportException(TransportProblem.TRANSFER_NODE.with());
        }
        return Optional.of(new TransferNode(sta, end));
    }

    /** Which transfer node, if any, an enterprise's documents go through. */
    @FunctionalInterface
    public interface Lookup {
        Optional<TransferNode> of(String enterpriseId) throws TransportException;

        Lookup NONE = id -> Optional.empty();
    }
}
