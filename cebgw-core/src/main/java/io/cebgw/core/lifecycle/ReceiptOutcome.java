package io.cebgw.core.lifecycle;

import io.cebgw.core.finding.Localized;

import java.util.Locale;

/** What the gateway did with one incoming receipt. Stored by {@link #name()}. */
public enum ReceiptOutcome {
    APPLIED("已更新单证状态", "status updated"),
    DUPLICATE("重复回执，已忽略", "duplicate, ignored"),
    FINAL("单证已是最终状态，未改变", "document already final, unchanged"),
    STALE("早于当前状态的回执，未改变", "older than the current status, unchanged"),
    UNMATCHED("找不到对应的单证", "no matching document"),
    UNROUTED("收件方不是已登记的企业", "addressed to no registered enterprise"),
    GARBLED("无法读取的报文", "unreadable message");

    private final Localized name;

    ReceiptOutcome(String zh, String en) {
        this.name = new Localized(zh, en);
    }

    /** Whether the receipt changed a document's status. */
    public boolean applied() {
        return this == APPLIED;
    }

    public String label(Locale locale) {
        return name.in(locale);
    }

    /** The outcome stored as {@code name}; null for a name no version of the gateway wrote. */
    public static ReceiptOutcome parse(String name) {
        for (ReceiptOutcome o : values()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }
}
