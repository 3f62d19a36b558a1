package io.cebgw.server.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the gateway tells an ERP about, by the name a webhook subscribes to and an event carries in {@code type}. */
public enum EventType {
    STATUS_CHANGED("document.status_changed", "单证状态变化（含回执说明）", "a document's status changed (with the receipt's returnInfo)"),
    REJECTED("document.rejected", "单证被海关退单或处理失败", "customs refused a document, or it failed"),
    SHIPMENT_FINAL("shipment.final", "货物的全部单证都已有最终状态", "every document of a shipment has reached a final status"),
    DEAD_LETTER("document.dead_letter", "单证多次发送失败，已停止重试（需人工处理）", "a document could not be sent and is no longer retried (act on it)"),
    PING("ping", "测试事件（订阅页或 ping 接口发出）", "a test event (sent from the page or the ping call)");

    private final String wireName;
    private final String zh;
    private final String en;

    EventType(String wireName, String zh, String en) {
        this.wireName = wireName;
        this.zh = zh;
        this.en = en;
    }

    /** The name in {@code type} and in a subscription's {@code events}. */
    public String wireName() {
        return wireName;
    }

    public String description(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? zh : en;
    }

    public static Optional<EventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
