package io.cebgw.core.spec;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A container element (OrderHead, InventoryList, BaseTransfer …) and its children in the order the XSD requires. */
public record GroupDef(String name, String zh, Occurs occurs, List<NodeDef> children, Map<String, Integer> positions) implements NodeDef {

    public GroupDef(String name, String zh, Occurs occurs, List<NodeDef> children) {
        this(name, zh, occurs, List.copyOf(children), children.stream()
                .collect(Collectors.toUnmodifiableMap(NodeDef::name, children::indexOf)));
    }

    public GroupDef {
        children = List.copyOf(children);
        positions = Map.copyOf(positions);
    }

    /** Position of a child in the required order, or -1 when the group has no such child. */
    public int position(String childName) {
        return positions.getOrDefault(childName, -1);
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
        return children.stream().filter(FieldDef.class::isInstance).map(FieldDef.class::cast).toList();
    }

    public List<GroupDef> groups() {
        return children.stream().filter(GroupDef.class::isInstance).map(GroupDef.class::cast).toList();
    }
}
