package io.cebgw.core.validation;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.GroupDef;

import java.util.List;

/** Visits every node of a message with its XPath, in document order. */
final class NodeWalker {
    interface Visitor {
        void visit(Node node, String path);
    }

    private NodeWalker() {
    }

    static void walk(CebMessage message, Visitor visitor) {
        walk(message.root(), "/ceb:" + message.type().rootName(), visitor);
    }

    private static void walk(Node node, String path, Visitor visitor) {
        visitor.visit(node, path);
        for (GroupDef group : node.def().groups()) {
            List<Node> children = node.children(group.name());
            for (int i = 0; i < children.size(); i++) {
                walk(children.get(i), childPath(path, group, i + 1, children.size()), visitor);
            }
        }
    }

    static String childPath(String path, GroupDef group, int index, int count) {
        boolean indexed = group.occurs().repeatable() || count > 1;
        return path + "/ceb:" + group.name() + (indexed ? "[" + index + "]" : "");
    }

    static String fieldPath(String nodePath, String field) {
        return nodePath + "/ceb:" + field;
    }
}
