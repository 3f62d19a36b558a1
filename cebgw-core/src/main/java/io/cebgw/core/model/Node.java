package io.cebgw.core.model;

import io.cebgw.core.spec.GroupDef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One instance of a group element (an Order, an InventoryList line, a BaseTransfer …): its field values as
 * the exact text of the message (so nothing is lost or reformatted) and its child groups. An absent field
 * has no entry; an empty element ({@code <ceb:note/>}) has the empty string.
 */
public final class Node {
    private final GroupDef def;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, List<Node>> children = new LinkedHashMap<>();

    public Node(GroupDef def) {
        this.def = Objects.requireNonNull(def);
    }

    public GroupDef def() {
        return def;
    }

    public String name() {
        return def.name();
    }

    /** The text of a field, or null when the field is absent. */
    public String get(String field) {
        return values.get(field);
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    /** Sets a field; a null value removes it. Returns this node for chaining. */
    public Node set(String field, String value) {
        if (def.field(field) == null) {
            throw new IllegalArgumentException(def.name() + " has no field " + field);
        }
        if (value == null) {
            values.remove(field);
        } else {
            values.put(field, value);
        }
        return this;
    }

    /** Field values in the order they were set (the writer uses the definition's order). */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Adds a new, empty child group and returns it. */
    public Node add(String group) {
        GroupDef childDef = def.group(group);
        if (childDef == null) {
            throw new IllegalArgumentException(def.name() + " has no group " + group);
        }
        Node child = new Node(childDef);
        children.computeIfAbsent(group, g -> new ArrayList<>()).add(child);
        return child;
    }

    /** The instances of a child group, in document order (empty when there are none). */
    public List<Node> children(String group) {
        return Collections.unmodifiableList(children.getOrDefault(group, List.of()));
    }

    /** The first instance of a child group, or null. */
    public Node child(String group) {
        List<Node> list = children.get(group);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** Removes every instance of a child group. */
    public void clear(String group) {
        children.remove(group);
    }
}
