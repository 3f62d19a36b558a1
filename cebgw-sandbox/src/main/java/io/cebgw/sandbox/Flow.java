package io.cebgw.sandbox;

import io.cebgw.core.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The life cycle of accepted documents (docs/sandbox.md, "default script"): every document 2 → 120; lists → 399,
 * then 800 once their goods arrived (507) and 899 after departure (509); 总分单, arrival, departure, cancel and
 * summary → 399. Scenarios bend it. Everything runs on the sandbox's single worker thread, one step apart.
 */
final class Flow {
    private static final Logger LOG = LoggerFactory.getLogger(Flow.class);

    private final ScheduledExecutorService worker;
    private final Replies replies;
    private final Ledger ledger;
    private final Duration step;
    private final SandboxConfig.Rules rules;

    Flow(ScheduledExecutorService worker, Replies replies, Ledger ledger, Duration step, SandboxConfig.Rules rules) {
        this.worker = worker;
        this.replies = replies;
        this.ledger = ledger;
        this.step = step;
        this.rules = rules;
    }

    /** An accepted document: its first statuses, then whatever its kind triggers. */
    void begin(Document doc, String declaredInfo) {
        Optional<Scenario> scenario = doc.scenario();
        if (scenario.filter(s -> s == Scenario.REJECT).isPresent()) {
            reject(doc, "沙箱场景 SBX-REJECT：模拟海关退单 / sandbox scenario SBX-REJECT: simulated rejection");
            return;
        }
        List<Step> steps = new ArrayList<>();
        for (Status status : doc.kind().firstStatuses(scenario)) {
            steps.add(new Step(status, status == Status.DECLARING ? declaredInfo : status.info()));
        }
        if (scenario.filter(s -> s == Scenario.SILENT).isPresent()) {
            schedule(doc, steps.subList(0, 1), doc::finish);
            return;
        }
        schedule(doc, steps, () -> afterFirst(doc));
    }

    /** 2 then 100 with the reason; the key stays free for a corrected declaration. */
    void reject(Document doc, String reason) {
        schedule(doc, List.of(new Step(Status.DECLARING, Status.DECLARING.info() + "[" + doc.field("guid") + "]"),
                new Step(Status.REJECTED, reason)), doc::finish);
    }

    /** A processing error (a negative returnStatus, spec table 7-2): one receipt one step later, nothing after it. */
    void refuse(Document doc, String code, String info) {
        worker.schedule(logged(() -> {
            inject(doc, code, info);
            doc.finish();
        }), step.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A single receipt now (admin injection, temporary storage, deletion). */
    void single(Document doc, Status status, String info, boolean finish) {
        schedule(doc, List.of(new Step(status, info)), finish ? doc::finish : () -> { });
    }

    /** Admin injection: any status and text, sent now, even for a finished document. */
    void inject(Document doc, String statusCode, String info) {
        String returnTime = replies.returnTime();
        String type = doc.kind().type.receipt().orElseThrow().rootName();
        byte[] receipt = replies.receiptWithCode(doc, statusCode, info, returnTime);
        trySend(() -> replies.send(receipt, type, doc.route()));
        doc.sent(new Document.SentReceipt(type, statusCode, returnTime, info));
    }

    private void afterFirst(Document doc) {
        switch (doc.kind()) {
            case LIST -> {
                if (!rules.releaseOnArrival() || doc.arrived()) {
                    release(doc);
                }
            }
            case ARRIVAL -> {
                for (Document list : linkedLists(doc)) {
                    list.arrived(true);
                    if (list.status() == Status.CONCLUDED && !list.finished()) {
                        release(list);
                    }
                }
                doc.finish();
            }
            case DEPARTURE -> {
                for (Document list : linkedLists(doc)) {
                    list.departed(true);
                    if (list.status() == Status.RELEASED && !list.finished()) {
                        close(list);
                    }
                }
                doc.finish();
            }
            case CANCEL -> {
                ledger.listByInvtNo(doc.field("invtNo")).ifPresent(Document::finish);
                doc.finish();
            }
            case SUMMARY -> {
                summaryResult(doc);
                doc.finish();
            }
            default -> doc.finish();
        }
    }

    private void summaryResult(Document summary) {
        List<Document> lists = new ArrayList<>();
        for (var line : summary.lines()) {
            ledger.listByInvtNo(line.get("invtNo")).filter(l -> !lists.contains(l)).ifPresent(lists::add);
        }
        String sumNo = "S" + summary.preNo().substring(1);
        String declSeqNo = "D" + summary.preNo().substring(1);
        byte[] result = replies.summaryResult(summary, lists, sumNo, declSeqNo);
        trySend(() -> replies.send(result, io.cebgw.core.spec.MessageType.CEB792.rootName(), summary.route()));
        summary.sent(new Document.SentReceipt(io.cebgw.core.spec.MessageType.CEB792.rootName(), "", replies.returnTime(), sumNo));
    }

    private void release(Document list) {
        List<Step> steps = new ArrayList<>();
        if (list.scenario().filter(s -> s == Scenario.INSPECT).isPresent()) {
            steps.add(new Step(Status.INSPECTION, Status.INSPECTION.info()));
        }
        steps.add(new Step(Status.RELEASED, Status.RELEASED.info()));
        schedule(list, steps, () -> {
            if (!rules.closeOnDeparture() || list.departed()) {
                close(list);
            }
        });
    }

    private void close(Document list) {
        schedule(list, List.of(new Step(Status.CLOSED, Status.CLOSED.info())), list::finish);
    }

    /** Lists named by the lines of a 总分单, arrival or departure (by logisticsNo). */
    List<Document> linkedLists(Document doc) {
        List<Document> lists = new ArrayList<>();
        for (var line : doc.lines()) {
            for (Document list : ledger.listsByLogisticsNo(line.get("logisticsNo"))) {
                if (list.status() != Status.REJECTED && !lists.contains(list)) {
                    lists.add(list);
                }
            }
        }
        return lists;
    }

    private record Step(Status status, String info) {
    }

    /** Runs a scheduled action; a failure is logged (a scheduled executor would swallow it silently). */
    private static Runnable logged(Runnable action) {
        return () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("sandbox: a scheduled step failed", e);
            }
        };
    }

    private void schedule(Document doc, List<Step> steps, Runnable then) {
        long unit = step.toMillis() * (doc.scenario().filter(s -> s == Scenario.SLOW).isPresent() ? 20 : 1);
        if (doc.scenario().filter(s -> s == Scenario.DISORDER).isPresent() && steps.size() >= 2
                && steps.get(0).status() == Status.DECLARING) {
            worker.schedule(logged(() -> emitReversed(doc, steps.get(0), steps.get(1))), unit, TimeUnit.MILLISECONDS);
            for (int i = 2; i < steps.size(); i++) {
                Step s = steps.get(i);
                worker.schedule(logged(() -> emit(doc, s)), (long) i * unit, TimeUnit.MILLISECONDS);
            }
        } else {
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                worker.schedule(logged(() -> emit(doc, s)), (i + 1) * unit, TimeUnit.MILLISECONDS);
            }
        }
        worker.schedule(logged(then), steps.size() * unit, TimeUnit.MILLISECONDS);
    }

    private void emit(Document doc, Step step) {
        if (doc.finished()) {
            return;
        }
        String returnTime = replies.returnTime();
        byte[] receipt = replies.receipt(doc, step.status(), step.info(), returnTime);
        deliver(doc, receipt, step, returnTime);
        if (step.status() == Status.DECLARING && doc.scenario().filter(s -> s == Scenario.GARBLED).isPresent()) {
            trySend(() -> replies.sendRaw("garbled-" + doc.key(), "<DxpMsg xmlns=\"http://www.chinaport.gov.cn/dxp\"><TransInfo><CopMsgId>"
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** DISORDER: both receipts made in order (returnTime increasing), sent second first. */
    private void emitReversed(Document doc, Step first, Step second) {
        String t1 = replies.returnTime();
        byte[] r1 = replies.receipt(doc, first.status(), first.info(), t1);
        String t2 = replies.returnTime();
        byte[] r2 = replies.receipt(doc, second.status(), second.info(), t2);
        deliver(doc, r2, second, t2);
        deliver(doc, r1, first, t1);
        doc.status(second.status());
    }

    private void deliver(Document doc, byte[] receipt, Step step, String returnTime) {
        String type = doc.kind().type.receipt().orElseThrow().rootName();
        int copies = doc.scenario().filter(s -> s == Scenario.DUPLICATE).isPresent() ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            trySend(() -> replies.send(receipt, type, doc.route()));
        }
        doc.status(step.status());
        doc.sent(new Document.SentReceipt(type, step.status().code(), returnTime, step.info()));
    }

    private interface Sending {
        void send() throws TransportException;
    }

    private static void trySend(Sending sending) {
        try {
            sending.send();
        } catch (TransportException e) {
            LOG.warn("sandbox: cannot send a receipt: {}", e.getMessage());
        }
    }
}
