package io.cebgw.server.ops;

import io.cebgw.server.store.DocumentRow;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import io.cebgw.server.store.OutboxStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What is wrong now, as alerts: per enterprise, documents that could not be sent (dead letters), declared documents
 * without a receipt for {@code receiptOverdue}, a certificate expiring within 30, 7 or 1 days (or a key that does not
 * open); a transport that cannot connect; the outbox's oldest envelope waiting longer than {@code outboxAge}.
 */
public final class AlertRules {
    /** The thresholds. */
    public record Limits(Duration receiptOverdue, Duration outboxAge) {
    }

    private final EnterpriseStore enterprises;
    private final DocumentStore documents;
    private final OutboxStore outbox;
    private final TransportsHealth transports;
    private final SigningKeysHealth keys;
    private final Clock clock;
    private final Limits limits;

    public AlertRules(EnterpriseStore enterprises, DocumentStore documents, OutboxStore outbox, TransportsHealth transports, SigningKeysHealth keys,
                      Clock clock, Limits limits) {
        this.enterprises = enterprises;
        this.documents = documents;
        this.outbox = outbox;
        this.transports = transports;
        this.keys = keys;
        this.clock = clock;
        this.limits = limits;
    }

    public List<Alert> now() {
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>();
        for (EnterpriseRow e : enterprises.all()) {
            String who = e.name() + "（" + e.dxpId() + "）";
            int dead = outbox.troubleCounts(e.id()).getOrDefault("DEAD", 0);
            if (dead > 0) {
                alerts.add(new Alert("dead-letter:" + e.dxpId(), who + " 有 " + dead + " 份单证发送失败，已停止重试：请按“发送失败与重试”页的错误说明处理后重发。",
                        e.dxpId() + ": " + dead + " documents could not be sent and are no longer retried; mend the cause, then send them again.", false));
            }
            List<DocumentRow> waiting = documents.waiting(e.id(), now.minus(limits.receiptOverdue()), 100);
            if (!waiting.isEmpty()) {
                alerts.add(new Alert("receipt-overdue:" + e.dxpId(), who + " 有 " + waiting.size() + " 份已申报单证超过 " + limits.receiptOverdue().toMinutes()
                        + " 分钟没有新回执（最早：" + waiting.get(0).messageType() + " " + waiting.get(0).businessKey() + "）。",
                        e.dxpId() + ": " + waiting.size() + " declared documents have had no receipt for " + limits.receiptOverdue().toMinutes()
                                + " minutes (the oldest: " + waiting.get(0).messageType() + " " + waiting.get(0).businessKey() + ").", false));
            }
        }
        keys.eachCertificate((e, days) -> {
            if (days != null && days <= 30) {
                long bucket = days <= 1 ? 1 : days <= 7 ? 7 : 30;
                alerts.add(new Alert("certificate:" + e.dxpId() + ":" + bucket, e.name() + "（" + e.dxpId() + "）的签名证书"
                        + (days < 0 ? "已过期" : "还剩 " + days + " 天到期") + "：请尽快申请新证书（cebgw csr --renew）。",
                        e.dxpId() + ": the signing certificate " + (days < 0 ? "has expired" : "expires in " + days + " days") + "; renew it now.", false));
            }
        }, (e, problem) -> alerts.add(new Alert("key:" + e.dxpId(), e.name() + "（" + e.dxpId() + "）的签名密钥无法打开：" + problem,
                e.dxpId() + ": the signing key does not open: " + problem, false)));
        for (Map.Entry<String, Object> t : transports.health().getDetails().entrySet()) {
            if (!"UP".equals(t.getValue())) {
                alerts.add(new Alert("transport:" + t.getKey(), "传输 " + t.getKey() + " 无法连接：" + t.getValue(),
                        "the transport " + t.getKey() + " cannot connect: " + t.getValue(), false));
            }
        }
        outbox.oldestPending().filter(t -> t.isBefore(now.minus(limits.outboxAge()))).ifPresent(t -> alerts.add(new Alert("outbox-age",
                "最早一份待发送报文已等待 " + Duration.between(t, now).toMinutes() + " 分钟：发送可能停滞，请检查传输与网关日志。",
                "the oldest envelope to send has waited " + Duration.between(t, now).toMinutes() + " minutes: sending may be stuck.", false)));
        return alerts;
    }
}
