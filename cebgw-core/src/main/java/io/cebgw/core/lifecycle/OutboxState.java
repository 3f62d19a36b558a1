package io.cebgw.core.lifecycle;

import io.cebgw.core.finding.Localized;

import java.util.Locale;

/** Where a declared document's envelope is on its way out. Stored by {@link #name()}. */
public enum OutboxState {
    /** Waiting to be sent, or to be retried after a failed attempt. */
    PENDING("待发送", "waiting to be sent"),
    /** Handed to the transport. */
    SENT("已发送", "sent"),
    /** Given up on: a permanent failure, or the attempts ran out; a person resends it. */
    DEAD("发送失败（死信）", "failed (dead letter)");

    private final Localized name;

    OutboxState(String zh, String en) {
        this.name = new Localized(zh, en);
    }

    public String label(Locale locale) {
        return name.in(locale);
    }
}
