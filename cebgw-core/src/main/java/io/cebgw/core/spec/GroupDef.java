package io.cebgw.core.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A container element (OrderHead, InventoryList, BaseTransfer …) and its children in the order the XSD
 * requires. Immutable; lookups by name and the field and group lists are computed once.
 */
public final class GroupDef implements NodeDef {
    private final String name;
    private final String zh;
    private final Occurs occurs;
    private final List<NodeDef> children;
    private final Map<String, Integer> positions;
    private final List<FieldDef> fields;
    private final List<GroupDef> groups;

    public GroupDef(String name, String zh, Occurs occurs, List<NodeDef> children) {
        this.name = name;
        this.zh = zh;
        this.occurs = occurs;
        this.children = List.copyOf(children);
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < this.children.size(); i++) {
            pos.put(this.children.get(i).name(), i);
        }
        this.positions = pos; // a HashMap: looked up for every element read and every field checked
        this.fields = this.children.stream().filter(FieldDef.class::isInstance).map(FieldDef.class::cast).toList();
        this.groups = this.children.stream().filter(GroupDef.class::isInstance).map(GroupDef.class::cast).toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public Occurs occurs() {
        return occurs;
    }

    /** Children in the order the XSD requires. */
    public List<NodeDef> children() {
        return children;
    }

    /** Position of a child in the required order, or -1 when the group has no such child. */
    public int position(String childName) {
        Integer i = positions.get(childName);
        return i == null ? -1 : i;
    }

    public NodeDef child(String childName) {
        int i = position(childName);
        return i < 0 ? null : children.get(i);
    }

    public FieldDef field(String childName) {
        return child(childName) instanceof FieldDef f ? f : null;
    }

    public GroupDef group(String childName) {
        return child(childName) instanceof GroupDef g ? g : null;
    }

    public List<FieldDef> fields() {
        return fields;
    }

    public List<GroupDef> groups() {
        return groups;
    }

    @Override
    public String toString() {
        return "GroupDef[" + name + " " + occurs + "]";
    }
}
