package io.cebgw.sandbox;

import io.cebgw.core.validation.Declared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One declared business document as the sandbox tracks it: its head fields, its state and the receipts it got.
 * Only the sandbox's single worker thread changes it.
 */
public final class Document {
    private final Kind kind;
    private final Declared declared;
    private final String key;
    private final Map<String, String> head;
    private final List<Map<String, String>> lines;
    private final Optional<Scenario> scenario;
    private final String senderId;
    private final Route route;
    private final String preNo;
    private final String invtNo;
    private final List<SentReceipt> receipts = new ArrayList<>();
    private Status status;
    private boolean arrived;
    private boolean departed;
    private boolean finished;

    Document(Kind kind, Declared declared, String key, Optional<Scenario> scenario, String senderId, Route route, String preNo,
             String invtNo) {
        this.kind = kind;
        this.declared = declared;
        this.key = key;
        this.head = new LinkedHashMap<>(declared.record().head().values());
        this.lines = declared.lines().stream().map(io.cebgw.core.model.Node::values).toList();
        this.scenario = scenario;
        this.senderId = senderId;
        this.route = route;
        this.preNo = preNo;
        this.invtNo = invtNo;
    }

    /** A receipt the sandbox sent for this document. */
    public record SentReceipt(String messageType, String status, String returnTime, String info) {
    }

    public String type() {
        return kind.type.rootName();
    }

    Kind kind() {
        return kind;
    }

    /** The record as the rules across documents see it (the rule book looks for partners among the ledger's). */
    Declared declared() {
        return declared;
    }

    public String key() {
        return key;
    }

    public Map<String, String> head() {
        return head;
    }

    List<Map<String, String>> lines() {
        return lines;
    }

    Optional<Scenario> scenario() {
        return scenario;
    }

    String senderId() {
        return senderId;
    }

    Route route() {
        return route;
    }

    public String preNo() {
        return preNo;
    }

    public String invtNo() {
        return invtNo;
    }

    /** The last status sent, or null before the first receipt. */
    public Status status() {
        return status;
    }

    void status(Status status) {
        this.status = status;
    }

    public List<SentReceipt> receipts() {
        return List.copyOf(receipts);
    }

    void sent(SentReceipt receipt) {
        receipts.add(receipt);
    }

    boolean arrived() {
        return arrived;
    }

    void arrived(boolean value) {
        arrived = value;
    }

    boolean departed() {
        return departed;
    }

    void departed(boolean value) {
        departed = value;
    }

    /** True once nothing more will be sent for it (final status, rejected, cancelled, or a silent scenario). */
    public boolean finished() {
        return finished;
    }

    void finish() {
        finished = true;
    }

    String field(String name) {
        return head.get(name);
    }
}
