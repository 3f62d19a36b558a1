package io.cebgw.core.spec;

/**
 * The definition of one message: its type and its root, whose children are the business element
 * (Order, Inventory …), and for declarations BaseTransfer and BaseSubscribe. The signature and
 * ExtendMessage that may follow them are carried as raw XML and are not part of the field definitions.
 */
public record MessageDef(MessageType type, GroupDef root) {

    /** The business element: the root's first child (Order, InventoryReturn, MessageReturn …). */
    public GroupDef business() {
        return (GroupDef) root.children().get(0);
    }
}
