package io.cebgw.core.model;

import io.cebgw.core.spec.MessageDef;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.spec.SpecCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One CEB message: its type, the root attributes {@code guid} and {@code version}, the element tree under
 * the root, and, for declarations, the signature and ExtendMessage carried as raw XML.
 */
public final class CebMessage {
    public static final String DEFAULT_VERSION = "1.0";

    private final MessageType type;
    private final Node root;
    private String guid;
    private String version;
    private final List<RawElement> signatures = new ArrayList<>();
    private final List<RawElement> extendMessages = new ArrayList<>();

    public CebMessage(MessageType type, String guid, String version) {
        this.type = Objects.requireNonNull(type);
        this.root = new Node(definition(type).root());
        this.guid = guid;
        this.version = version;
    }

    /** A new message with a fresh upper-case guid and version 1.0. */
    public static CebMessage create(MessageType type) {
        return new CebMessage(type, newGuid(), DEFAULT_VERSION);
    }

    /** A new 36-character upper-case guid, as the spec asks for. */
    public static String newGuid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    private static MessageDef definition(MessageType type) {
        return SpecCatalog.ceb202205().definition(type);
    }

    public MessageType type() {
        return type;
    }

    public MessageDef definition() {
        return definition(type);
    }

    public String guid() {
        return guid;
    }

    public void guid(String guid) {
        this.guid = guid;
    }

    public String version() {
        return version;
    }

    public void version(String version) {
        this.version = version;
    }

    /** The root element; its children are the business elements, BaseTransfer and BaseSubscribe. */
    public Node root() {
        return root;
    }

    /** The business elements (each Order, Inventory, InventoryReturn …). */
    public List<Node> businessRecords() {
        return root.children(definition().business().name());
    }

    /** Adds a business element (an Order, an Inventory …) and returns it. */
    public Node addBusinessRecord() {
        return root.add(definition().business().name());
    }

    /** The BaseTransfer block (null when absent or for receipts). */
    public Node baseTransfer() {
        return root.child("BaseTransfer");
    }

    /** Signatures found on the message, in document order (normally none or one). */
    public List<RawElement> signatures() {
        return signatures;
    }

    public List<RawElement> extendMessages() {
        return extendMessages;
    }

    public boolean isSigned() {
        return !signatures.isEmpty();
    }
}
