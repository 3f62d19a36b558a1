package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;

import java.util.List;

/**
 * One group of checks on a message. The validator walks the message's tree once and hands every node to every
 * group, then calls each group once for the message as a whole. Groups never throw for bad data; they add findings.
 */
interface RuleGroup {
    /** Called for every node, parents before children, with the node's XPath. */
    default void node(CebMessage message, Node node, String path, List<Finding> findings) {
    }

    /** Called once per message, after all its nodes. */
    default void message(CebMessage message, List<Finding> findings) {
    }
}
