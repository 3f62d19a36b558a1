package io.cebgw.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One message that arrived, with each check's verdict and what the sandbox answered. */
public final class Arrival {
    private final long number;
    private final String transportId;
    private final Instant time;
    private final int size;
    private final List<Verdict> verdicts = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();
    private String copMsgId;
    private String senderId;
    private String messageType;

    Arrival(long number, String transportId, Instant time, int size) {
        this.number = number;
        this.transportId = transportId;
        this.time = time;
        this.size = size;
    }

    /** The verdict of one check. */
    public record Verdict(String check, boolean passed, String code, String message) {
    }

    public long number() {
        return number;
    }

    public String transportId() {
        return transportId;
    }

    public Instant time() {
        return time;
    }

    public int size() {
        return size;
    }

    public synchronized List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    public synchronized List<String> answers() {
        return List.copyOf(answers);
    }

    public String copMsgId() {
        return copMsgId;
    }

    public String senderId() {
        return senderId;
    }

    public String messageType() {
        return messageType;
    }

    void identify(String copMsgId, String senderId, String messageType) {
        this.copMsgId = copMsgId;
        this.senderId = senderId;
        this.messageType = messageType;
    }

    synchronized void verdict(String check, boolean passed, String code, String message) {
        verdicts.add(new Verdict(check, passed, code, message));
    }

    synchronized void answered(String what) {
        answers.add(what);
    }

    /** True when every check passed. */
    public synchronized boolean accepted() {
        return !verdicts.isEmpty() && verdicts.stream().allMatch(Verdict::passed);
    }
}
