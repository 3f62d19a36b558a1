package io.cebgw.core.model;

import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.NodeDef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One instance of a group element (an Order, an InventoryList line, a BaseTransfer …): its field values as
 * the exact text of the message (so nothing is lost or reformatted) and its child groups. An absent field
 * has no value; an empty element ({@code <ceb:note/>}) has the empty string. Values and children are kept in
 * slots by their position in the definition, which is also the order they are written in.
 */
public final class Node {
    private final GroupDef def;
    private final String[] values;
    private final List<List<Node>> children;

    public Node(GroupDef def) {
        this.def = Objects.requireNonNull(def);
        int size = def.children().size();
        this.values = new String[size];
        this.children = new ArrayList<>(Collections.nCopies(size, null));
    }

    public GroupDef def() {
        return def;
    }

    public String name() {
        return def.name();
    }

    /** The text of a field, or null when the field is absent. */
    public String get(String field) {
        int i = def.position(field);
        return i < 0 ? null : values[i];
    }

    public boolean has(String field) {
        return get(field) != null;
    }

    /**
     * The head of a business record: its {@code …Head} child group (OrderHead, InventoryHead …), or the record itself
     * when the record is flat (Logistics, InvtCancel, receipts). Where the key fields and appStatus live.
     */
    public Node head() {
        for (GroupDef group : def.groups()) {
            if (group.name().endsWith("Head")) {
                Node head = child(group.name());
                return head == null ? this : head;
            }
        }
        return this;
    }

    /** The value in a slot (a field's position in the definition), or null; for writers walking the definition. */
    public String valueAt(int position) {
        return values[position];
    }

    /** The child groups in a slot (a group's position in the definition); empty when there are none. */
    public List<Node> childrenAt(int position) {
        List<Node> list = children.get(position);
        return list == null ? List.of() : list;
    }

    /** Sets a field; a null value removes it. Returns this node for chaining. */
    public Node set(String field, String value) {
        values[slot(field, FieldDef.class)] = value;
        return this;
    }

    /** The fields present, in definition order. */
    public Map<String, String> values() {
        Map<String, String> present = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                present.put(def.children().get(i).name(), values[i]);
            }
        }
        return Collections.unmodifiableMap(present);
    }

    /** Adds a new, empty child group and returns it. */
    public Node add(String group) {
        int i = slot(group, GroupDef.class);
        List<Node> list = children.get(i);
        if (list == null) {
            list = new ArrayList<>(2);
            children.set(i, list);
        }
        Node child = new Node((GroupDef) def.children().get(i));
        list.add(child);
        return child;
    }

    /** The instances of a child group, in document order (empty when there are none). */
    public List<Node> children(String group) {
        int i = def.position(group);
        List<Node> list = i < 0 ? null : children.get(i);
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    /** The first instance of a child group, or null. */
    public Node child(String group) {
        int i = def.position(group);
        List<Node> list = i < 0 ? null : children.get(i);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** Removes every instance of a child group. */
    public void clear(String group) {
        children.set(slot(group, GroupDef.class), null);
    }

    private int slot(String name, Class<? extends NodeDef> kind) {
        int i = def.position(name);
        if (i < 0 || !kind.isInstance(def.children().get(i))) {
            throw new IllegalArgumentException(def.name() + " has no " + (kind == FieldDef.class ? "field " : "group ") + name);
        }
        return i;
    }
}
