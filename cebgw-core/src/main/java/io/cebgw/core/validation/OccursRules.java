package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.Occurs;

import java.util.List;

/** Cardinality of groups (1..100 records, exactly one BaseTransfer …), root attributes and signatures. */
final class OccursRules implements RuleGroup {
    @Override
    public void node(CebMessage message, Node node, String path, List<Finding> findings) {
        for (GroupDef group : node.def().groups()) {
            int count = node.children(group.name()).size();
            Occurs occurs = group.occurs();
            if (count < occurs.min()) {
                findings.add(FindingCode.TOO_FEW.at(path + "/ceb:" + group.name(), group.name(), group.zh(), occurs.min(), count));
            } else if (count > occurs.max()) {
                findings.add(FindingCode.TOO_MANY.at(path + "/ceb:" + group.name(), group.name(), group.zh(), occurs.max(), count));
            }
        }
    }

    @Override
    public void message(CebMessage message, List<Finding> findings) {
        String rootPath = "/ceb:" + message.type().rootName();
        rootAttributes(message, rootPath, findings);
        if (message.signatures().size() > 1) {
            findings.add(FindingCode.SIGNATURE_COUNT.at(rootPath + "/ds:Signature", message.signatures().size()));
        }
    }

    private static void rootAttributes(CebMessage message, String rootPath, List<Finding> findings) {
        String guid = message.guid();
        if (guid == null) {
            findings.add(FindingCode.ROOT_ATTRIBUTE.at(rootPath + "/@guid", "guid", "缺失 / missing"));
        } else if (guid.length() != 36) {
            findings.add(FindingCode.ROOT_ATTRIBUTE.at(rootPath + "/@guid", "guid", "长度应为 36 / length must be 36: " + guid.length()));
        } else if (!isUpperCaseGuid(guid)) {
            findings.add(FindingCode.GUID_FORMAT.at(rootPath + "/@guid", "guid", "报文唯一序号", guid));
        }
        String version = message.version();
        if (version == null || version.isEmpty() || version.length() > 10) {
            findings.add(FindingCode.ROOT_ATTRIBUTE.at(rootPath + "/@version", "version",
                    version == null ? "缺失 / missing" : "长度应为 1 到 10 / length must be 1 to 10"));
        }
    }

    /** An upper-case UUID (8-4-4-4-12 hex digits), checked without a regex: it runs for every record. */
    static boolean isUpperCaseGuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
