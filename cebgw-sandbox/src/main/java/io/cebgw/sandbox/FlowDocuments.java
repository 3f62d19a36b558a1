package io.cebgw.sandbox;

import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.example.ExampleOptions;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.MessageType;

import java.util.List;
import java.util.Set;

/**
 * The documents of one joint-test flow, in the order they are sent: order or booking (CEB303), waybill (CEB505),
 * declaration list (CEB603), 总分单 (CEB607), arrival (CEB507), departure (CEB509). Numbers get a tag so several
 * flows can run against one sandbox; a tag starting with {@code SBX-<SCENARIO>} selects a scenario.
 */
public final class FlowDocuments {
    public static final List<MessageType> ORDER = ExampleFactory.FLOW;
    private static final Set<String> NUMBERS = Set.of("copNo", "orderNo", "logisticsNo", "billNo", "totalPackageNo");
    /** The enterprise codes a sender answers for (io.cebgw.core.spec.SenderFields): all the one enterprise's here. */
    private static final Set<String> SENDERS = Set.of("agentCode", "ebcCode", "logisticsCode");
    /** The example exporter's code: the enterprise a single document is sent by unless another is named. */
    public static final String EXPORTER = "3301964ABC";

    private FlowDocuments() {
    }

    /**
     * @param tradeMode 9710 or 9810 (9610 and 1210 work too)
     * @param tag       put in front of every number, e.g. {@code T1-} or {@code SBX-INSPECT-}
     * @param customsCode the enterprise that sends the whole flow: it is the list's 申报企业 and 电商企业, and the carrier
     */
    public static List<CebMessage> flow(String tradeMode, String tag, String customsCode, String dxpId) {
        List<CebMessage> flow = new ExampleFactory().flow(new ExampleOptions(tradeMode, null, 1));
        flow.forEach(message -> retag(message.root(), tag, customsCode, dxpId));
        return flow;
    }

    /** One document of a flow, tagged the same way, sent by the example exporter ({@value #EXPORTER}). */
    public static CebMessage document(MessageType type, String tradeMode, String tag, String dxpId) {
        return document(type, tradeMode, tag, EXPORTER, dxpId);
    }

    /** One document of a flow, tagged the same way, sent by the enterprise of {@code customsCode}. */
    public static CebMessage document(MessageType type, String tradeMode, String tag, String customsCode, String dxpId) {
        return document(type, tradeMode, tag, customsCode, dxpId, 1);
    }

    /** One document of a flow with {@code items} goods items, tagged the same way. */
    public static CebMessage document(MessageType type, String tradeMode, String tag, String customsCode, String dxpId, int items) {
        CebMessage message = new ExampleFactory().create(type, new ExampleOptions(tradeMode, null, items));
        retag(message.root(), tag, customsCode, dxpId);
        return message;
    }

    private static void retag(Node node, String tag, String customsCode, String dxpId) {
        for (String field : NUMBERS) {
            if (node.def().position(field) >= 0 && node.get(field) != null) {
                String value = tag + node.get(field);
                node.set(field, value.length() > 30 && "copNo".equals(field) ? value.substring(0, 30) : value);
            }
        }
        if (node.def().position("dxpId") >= 0 && node.get("dxpId") != null) {
            node.set("dxpId", dxpId);
        }
        for (String field : SENDERS) {
            if (node.def().position(field) >= 0 && node.get(field) != null) {
                node.set(field, customsCode);
            }
        }
        for (GroupDef group : node.def().groups()) {
            for (Node child : node.children(group.name())) {
                retag(child, tag, customsCode, dxpId);
            }
        }
    }
}
