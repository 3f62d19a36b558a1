package io.cebgw.server.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.spec.NodeDef;

import java.util.Iterator;
import java.util.Map;

/**
 * Messages as JSON, shaped exactly like the XML (the definitions decide): element names as keys, fields as strings,
 * repeatable groups as arrays. {@code {"type":"CEB603Message","Inventory":[{"InventoryHead":{…},"InventoryList":[…]}],
 * "BaseTransfer":{…}}}. Unknown names, wrong shapes and non-text values are refused with their JSON path.
 */
public final class JsonMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonMessages() {
    }

    /** A JSON document that does not describe a message; {@link #path()} says where. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final String zh;

        Invalid(String path, String zh, String en) {
            super(en);
            this.path = path;
            this.zh = zh;
        }

        public String path() {
            return path;
        }

        public String zh() {
            return zh;
        }
    }

    public static CebMessage read(byte[] json) throws Invalid {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new Invalid("$", "JSON 格式错误：" + e.getMessage(), "invalid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("$", "需要一个 JSON 对象", "a JSON object is required");
        }
        String typeName = root.path("type").asText("");
        MessageType type = MessageType.lookup(typeName).orElseThrow(() ->
                new Invalid("$.type", "未知的报文类型 " + typeName + "（如 CEB603 或 CEB603Message）",
                        "unknown message type " + typeName + " (e.g. CEB603 or CEB603Message)"));
        CebMessage message = new CebMessage(type, text(root, "guid", CebMessage.newGuid()), text(root, "version", CebMessage.DEFAULT_VERSION));
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("type") && !e.getKey().equals("guid") && !e.getKey().equals("version")) {
                child(message.root(), e.getKey(), e.getValue(), "$." + e.getKey());
            }
        }
        return message;
    }

    public static ObjectNode write(CebMessage message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", message.type().rootName());
        if (message.guid() != null) {
            root.put("guid", message.guid());
        }
        if (message.version() != null) {
            root.put("version", message.version());
        }
        fill(root, message.root());
        return root;
    }

    private static void child(Node parent, String name, JsonNode value, String path) throws Invalid {
        NodeDef def = parent.def().child(name);
        if (def == null) {
            throw new Invalid(path, parent.name() + " 下没有 " + name, "no element " + name + " under " + parent.name());
        }
        if (def instanceof FieldDef) {
            if (value.isNull()) {
                return;
            }
            if (!value.isTextual() && !value.isNumber()) {
                throw new Invalid(path, name + " 应为字符串", name + " must be a string");
            }
            parent.set(name, value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
            return;
        }
        GroupDef group = (GroupDef) def;
        if (value.isArray()) {
            if (!group.occurs().repeatable() && value.size() > 1) {
                throw new Invalid(path, name + " 只能出现一次", name + " may occur once");
            }
            for (int i = 0; i < value.size(); i++) {
                group(parent.add(name), value.get(i), path + "[" + i + "]");
            }
        } else {
            group(parent.add(name), value, path);
        }
    }

    private static void group(Node node, JsonNode value, String path) throws Invalid {
        if (!value.isObject()) {
            throw new Invalid(path, node.name() + " 应为对象", node.name() + " must be an object");
        }
        Iterator<Map.Entry<String, JsonNode>> it = value.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            child(node, e.getKey(), e.getValue(), path + "." + e.getKey());
        }
    }

    private static void fill(ObjectNode out, Node node) {
        for (NodeDef child : node.def().children()) {
            if (child instanceof FieldDef) {
                String value = node.get(child.name());
                if (value != null) {
                    out.put(child.name(), value);
                }
            } else {
                var children = node.children(child.name());
                if (children.isEmpty()) {
                    continue;
                }
                if (((GroupDef) child).occurs().repeatable()) {
                    ArrayNode array = out.putArray(child.name());
                    children.forEach(c -> fill(array.addObject(), c));
                } else {
                    fill(out.putObject(child.name()), children.get(0));
                }
            }
        }
    }

    private static String text(JsonNode root, String name, String fallback) {
        JsonNode v = root.get(name);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
