package io.cebgw.server.ops;

import io.cebgw.server.settings.AlertProfile;
import io.cebgw.server.store.DocumentRow;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import io.cebgw.server.store.OutboxStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is wrong now, as alerts: per enterprise, documents that could not be sent (dead letters), declared documents
 * without a receipt for {@code receiptOverdue}, a certificate expiring within 30, 7 or 1 days (or a key that does not
 * open), a transport that has failed to connect for {@code transportFailing}, a joint-test self-test not passed for
 * {@code selfTestMaxAge}; for the gateway, the outbox's oldest envelope waiting longer than {@code outboxAge}. An
 * enterprise's own alert settings replace the thresholds for it.
 */
public final class AlertRules {
    /**
     * The gateway's thresholds; {@code receiptOverdueByType} replaces {@code receiptOverdue} for a message type (e.g.
     * CEB603: no 120 within the time); {@code selfTestMaxAge} zero turns that rule off.
     */
    public record Limits(Duration receiptOverdue, Map<String, Duration> receiptOverdueByType, Duration outboxAge, Duration transportFailing,
                         Duration selfTestMaxAge) {
        /** The threshold for a message type, the enterprise's own first. */
        Duration receiptOverdue(String type, AlertProfile own) {
            Duration d = own.receiptOverdueByType().get(type);
            if (d == null) {
                d = own.receiptOverdue().orElse(null);
            }
            if (d == null) {
                d = receiptOverdueByType.getOrDefault(type, receiptOverdue);
            }
            return d;
        }

        /** The shortest threshold of any type, for the one query that finds the candidates. */
        Duration shortestReceiptOverdue(AlertProfile own) {
            Duration shortest = own.receiptOverdue().orElse(receiptOverdue);
            for (Duration d : own.receiptOverdueByType().values()) {
                shortest = d.compareTo(shortest) < 0 ? d : shortest;
            }
            for (Duration d : receiptOverdueByType.values()) {
                shortest = d.compareTo(shortest) < 0 ? d : shortest;
            }
            return shortest;
        }
    }

    private final EnterpriseStore enterprises;
    private final DocumentStore documents;
    private final OutboxStore outbox;
    private final TransportsHealth transports;
    private final SigningKeysHealth keys;
    private final RetentionPolicy retention;
    private final Clock clock;
    private final Limits limits;
    /** Since when each transport (its health detail) has been failing, as this node has seen it. */
    private final Map<String, Instant> failingSince = new ConcurrentHashMap<>();

    public AlertRules(EnterpriseStore enterprises, DocumentStore documents, OutboxStore outbox, TransportsHealth transports, SigningKeysHealth keys,
                      RetentionPolicy retention, Clock clock, Limits limits) {
        this.enterprises = enterprises;
        this.documents = documents;
        this.outbox = outbox;
        this.transports = transports;
        this.keys = keys;
        this.retention = retention;
        this.clock = clock;
        this.limits = limits;
    }

    public List<Alert> now() {
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>();
        Map<String, String> profiles = enterprises.alertProfiles();
        Map<String, Instant> selfTests = enterprises.selfTestsPassed();
        Map<String, EnterpriseRow> byTransport = new HashMap<>();
        Map<String, AlertProfile> settings = new HashMap<>();
        for (EnterpriseRow e : enterprises.all()) {
            AlertProfile own = profile(profiles.get(e.id()));
            settings.put(e.dxpId(), own);
            byTransport.put(e.dxpId() + " " + e.name(), e);
            sending(e, own, now, alerts);
            selfTest(e, own, selfTests.get(e.id()), now, alerts);
        }
        certificates(alerts);
        for (Map.Entry<String, Object> t : transports.health().getDetails().entrySet()) {
            EnterpriseRow e = byTransport.get(t.getKey());
            Duration after = e == null ? limits.transportFailing() : settings.get(e.dxpId()).transportFailing().orElse(limits.transportFailing());
            transport(t.getKey(), e, t.getValue(), after, now, alerts);
        }
        outbox.oldestPending().filter(t -> t.isBefore(now.minus(limits.outboxAge()))).ifPresent(t -> alerts.add(new Alert("outbox-age", null,
                "最早一份待发送报文已等待 " + Duration.between(t, now).toMinutes() + " 分钟：发送可能停滞，请检查传输与网关日志。",
                "the oldest envelope to send has waited " + Duration.between(t, now).toMinutes() + " minutes: sending may be stuck.", false)));
        retention.behind().ifPresent(alerts::add);
        return alerts;
    }

    private void sending(EnterpriseRow e, AlertProfile own, Instant now, List<Alert> alerts) {
        String who = who(e);
        int dead = outbox.troubleCounts(e.id()).getOrDefault("DEAD", 0);
        if (dead > 0) {
            alerts.add(new Alert("dead-letter:" + e.dxpId(), e.dxpId(), who + " 有 " + dead + " 份单证发送失败，已停止重试：请按“发送失败与重试”页的错误说明处理后重发。",
                    e.dxpId() + ": " + dead + " documents could not be sent and are no longer retried; mend the cause, then send them again.", false));
        }
        Map<String, List<DocumentRow>> overdueByType = new java.util.TreeMap<>();
        for (DocumentRow d : documents.waiting(e.id(), now.minus(limits.shortestReceiptOverdue(own)), 500)) {
            String type = d.messageType().replaceFirst("Message$", ""); // CEB603Message → CEB603, as the settings name it
            if (d.updatedAt().isBefore(now.minus(limits.receiptOverdue(type, own)))) {
                overdueByType.computeIfAbsent(type, t -> new ArrayList<>()).add(d);
            }
        }
        overdueByType.forEach((type, waiting) -> {
            long minutes = limits.receiptOverdue(type, own).toMinutes();
            alerts.add(new Alert("receipt-overdue:" + e.dxpId() + ":" + type, e.dxpId(), who + " 有 " + waiting.size() + " 份 " + type + " 已申报超过 "
                    + minutes + " 分钟没有新回执（最早：" + waiting.get(0).businessKey() + "，状态 " + state(waiting.get(0)) + "）。",
                    e.dxpId() + ": " + waiting.size() + " declared " + type + " have had no receipt for " + minutes + " minutes (the oldest: "
                            + waiting.get(0).businessKey() + ", status " + state(waiting.get(0)) + ").", false));
        });
    }

    private static String state(DocumentRow d) {
        return d.status() == null ? "—" : d.status();
    }

    /** The joint-test self-test not passed within the last {@code selftest-max-age} (for enterprises older than that). */
    private void selfTest(EnterpriseRow e, AlertProfile own, Instant lastPassed, Instant now, List<Alert> alerts) {
        Duration maxAge = own.selfTestMaxAge().orElse(limits.selfTestMaxAge());
        if (maxAge.isZero() || e.createdAt().isAfter(now.minus(maxAge)) || (lastPassed != null && lastPassed.isAfter(now.minus(maxAge)))) {
            return;
        }
        long days = maxAge.toDays();
        alerts.add(new Alert("selftest:" + e.dxpId(), e.dxpId(), who(e) + " 已超过 " + days + " 天没有通过联调自测"
                + (lastPassed == null ? "（从未通过）" : "") + "：请在“企业与接入”页运行联调自测，确认证书与传输仍然可用。",
                e.dxpId() + ": the joint-test self-test has not passed for over " + days + " days" + (lastPassed == null ? " (never)" : "")
                        + "; run it from the enterprise page.", false));
    }

    private void certificates(List<Alert> alerts) {
        keys.eachCertificate((e, days) -> {
            if (days != null && days <= 30) {
                long bucket = days <= 1 ? 1 : days <= 7 ? 7 : 30;
                alerts.add(new Alert("certificate:" + e.dxpId() + ":" + bucket, e.dxpId(), who(e) + "的签名证书"
                        + (days < 0 ? "已过期" : "还剩 " + days + " 天到期") + "：请尽快申请新证书（cebgw csr --renew）。",
                        e.dxpId() + ": the signing certificate " + (days < 0 ? "has expired" : "expires in " + days + " days") + "; renew it now.", false));
            }
        }, (e, problem) -> alerts.add(new Alert("key:" + e.dxpId(), e.dxpId(), who(e) + "的签名密钥无法打开：" + problem,
                e.dxpId() + ": the signing key does not open: " + problem, false)));
    }

    private void transport(String name, EnterpriseRow e, Object state, Duration after, Instant now, List<Alert> alerts) {
        if ("UP".equals(state)) {
            failingSince.remove(name);
            return;
        }
        Instant since = failingSince.computeIfAbsent(name, k -> now);
        if (Duration.between(since, now).compareTo(after) >= 0) {
            long minutes = Duration.between(since, now).toMinutes();
            alerts.add(new Alert("transport:" + name, e == null ? null : e.dxpId(), "传输 " + name + " 已连续 " + minutes + " 分钟无法连接：" + state,
                    "the transport " + name + " has failed to connect for " + minutes + " minutes: " + state, false));
        }
    }

    private static AlertProfile profile(String text) {
        try {
            return AlertProfile.parse(text);
        } catch (AlertProfile.Invalid e) {
            return AlertProfile.NONE; // checked when it was stored; a later change of the rules must not stop every alert
        }
    }

    private static String who(EnterpriseRow e) {
        return e.name() + "（" + e.dxpId() + "）";
    }
}
