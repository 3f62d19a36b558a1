package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.Occurs;

import java.util.List;

/** Cardinality of groups (1..100 records, exactly one BaseTransfer …), root attributes and signatures. */
final class OccursRules implements RuleGroup {
    private static final java.util.regex.Pattern GUID =
            java.util.regex.Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");

    @Override
    public void check(CebMessage message, List<Finding> findings) {
        String rootPath = "/ceb:" + message.type().rootName();
        rootAttributes(message, rootPath, findings);
        NodeWalker.walk(message, (node, path) -> {
            for (GroupDef group : node.def().groups()) {
                int count = node.children(group.name()).size();
                Occurs occurs = group.occurs();
                String at = path + "/ceb:" + group.name();
                if (count < occurs.min()) {
                    findings.add(FindingCode.TOO_FEW.at(at, group.name(), group.zh(), occurs.min(), count));
                } else if (count > occurs.max()) {
                    findings.add(FindingCode.TOO_MANY.at(at, group.name(), group.zh(), occurs.max(), count));
                }
            }
        });
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
        } else if (!GUID.matcher(guid).matches()) {
            findings.add(FindingCode.GUID_FORMAT.at(rootPath + "/@guid", "guid", "报文唯一序号", guid));
        }
        String version = message.version();
        if (version == null || version.isEmpty() || version.length() > 10) {
            findings.add(FindingCode.ROOT_ATTRIBUTE.at(rootPath + "/@version", "version",
                    version == null ? "缺失 / missing" : "长度应为 1 到 10 / length must be 1 to 10"));
        }
    }

    static boolean isUpperCaseGuid(String value) {
        return GUID.matcher(value).matches();
    }
}
