package io.cebgw.sandbox;

import io.cebgw.core.lifecycle.Lifecycle;
import io.cebgw.core.lifecycle.ReturnStatus;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.signing.MessageSigner;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;

import java.io.PrintStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The joint-test checklist run (联调测试自测): one full 9710 and one 9810 flow of an enterprise through an in-process
 * sandbox, over the folder transport, each document checked for its receipts and final status. The report is
 * meant to be kept; {@link Report#passed()} decides the exit code.
 */
public final class SelfTest {
    private final String dxpId;
    private final String customsCode;
    private final MessageSigner signer;
    private final X509Certificate certificate;
    private final Ends ends;
    private final Duration timeout;

    /** The two ends of the exchange the self-test runs over: the sandbox's and the enterprise's. Both are closed after the run. */
    public record Ends(Transport exchange, Transport enterprise) {
        /** How one end of a configured exchange is opened. */
        @FunctionalInterface
        public interface Opener {
            Transport open(End end) throws TransportException;
        }

        /**
         * Opens the sandbox's end first (an HTTP gateway must listen before the enterprise posts), then the
         * enterprise's; the first is closed again when the second cannot be opened.
         */
        public static Ends open(Opener opener) throws TransportException {
            Transport exchange = opener.open(End.EXCHANGE);
            try {
                return new Ends(exchange, opener.open(End.ENTERPRISE));
            } catch (TransportException e) {
                exchange.close();
                throw e;
            }
        }
    }

    /**
     * @param ends    the transport the flows go over (folder, AMQP …)
     * @param timeout how long to wait for each document's final status
     */
    public SelfTest(String dxpId, String customsCode, MessageSigner signer, X509Certificate certificate, Ends ends, Duration timeout) {
        this.dxpId = dxpId;
        this.customsCode = customsCode;
        this.signer = signer;
        this.certificate = certificate;
        this.ends = ends;
        this.timeout = timeout;
    }

    /** One checked step: a document of a flow and what came back. */
    public record Step(String flow, MessageType type, String number, String expected, List<String> statuses, boolean passed,
                       String note) {
    }

    /** The whole run. */
    public record Report(String dxpId, String certNo, Instant started, Duration took, List<Step> steps) {
        public boolean passed() {
            return !steps.isEmpty() && steps.stream().allMatch(Step::passed);
        }

        public void print(PrintStream out, Locale locale) {
            boolean en = "en".equals(locale.getLanguage());
            out.println(en ? "CEB Gateway joint-test self-test (sandbox)" : "CEB Gateway 联调测试自测报告（沙箱）");
            out.println((en ? "enterprise DXPID: " : "企业 DXPID：") + dxpId + (en ? "   certificate: " : "   证书编号：") + certNo);
            out.println((en ? "started: " : "开始时间：") + started + (en ? "   took: " : "   用时：") + took.toMillis() + " ms");
            out.println();
            for (Step s : steps) {
                out.printf("%-4s %-5s %-14s %-32s %-14s %-30s %s%s%n", s.passed() ? "PASS" : "FAIL", s.flow(), s.type().rootName(),
                        s.number(), ReturnStatus.of(s.expected()).label(locale), named(s.statuses(), locale),
                        String.join("→", s.statuses()), s.note().isEmpty() ? "" : "  " + s.note());
            }
            out.println();
            long failed = steps.stream().filter(s -> !s.passed()).count();
            out.println(passed() ? (en ? "RESULT: PASSED — every document reached its final status."
                    : "结论：通过 —— 全部单证达到最终状态。")
                    : (en ? "RESULT: FAILED — " + failed + " step(s) did not pass." : "结论：未通过 —— " + failed + " 项未通过。"));
        }
    }

    /** The statuses a document went through, by name: 申报中 → 海关入库 → 海关审结. */
    private static String named(List<String> statuses, Locale locale) {
        return String.join(" → ", statuses.stream().filter(java.util.Objects::nonNull).map(c -> ReturnStatus.of(c).name(locale)).toList());
    }

    public Report run() throws Exception {
        Instant started = Instant.now();
        SandboxConfig config = new SandboxConfig(null, null, -1, 20, null, List.of(), null);
        Registry registry = new Registry();
        registry.register(new Enterprise("self-test", customsCode, dxpId, List.of(certificate)));
        List<Step> steps = new ArrayList<>();
        try (Sandbox sandbox = new Sandbox(config, registry, ends.exchange(), Clock.systemUTC());
             GatewaySide gateway = new GatewaySide(ends.enterprise(), signer, dxpId, config.nodeId())) {
            sandbox.start();
            String run = Long.toString(System.currentTimeMillis() % 100_000, 36).toUpperCase(Locale.ROOT) + "-";
            List<List<CebMessage>> flows = List.of(FlowDocuments.flow("9710", "ST" + run, customsCode, dxpId),
                    FlowDocuments.flow("9810", "SW" + run, customsCode, dxpId));
            for (List<CebMessage> flow : flows) {
                for (CebMessage m : flow) {
                    gateway.send(m);
                }
            }
            for (int f = 0; f < flows.size(); f++) {
                String name = f == 0 ? "9710" : "9810";
                for (CebMessage m : flows.get(f)) {
                    steps.add(check(gateway, name, m));
                }
            }
        }
        String certNo = io.cebgw.crypto.CertNo.of(certificate);
        return new Report(dxpId, certNo, started, Duration.between(started, Instant.now()), steps);
    }

    private Step check(GatewaySide gateway, String flow, CebMessage message) throws InterruptedException {
        MessageType type = message.type();
        Node head = message.businessRecords().get(0).head();
        String field = type == MessageType.CEB303 ? "orderNo" : type == MessageType.CEB505 ? "logisticsNo" : "copNo";
        String number = head.get(field);
        String receiptType = type.receipt().orElseThrow().rootName();
        Lifecycle lifecycle = Lifecycle.of(type);
        String expected = lifecycle.last().code();
        GatewaySide.Answer last = gateway.await(a -> receiptType.equals(a.type()) && number.equals(a.fields().get(field))
                && a.status() != null && lifecycle.isFinal(a.status()), timeout);
        List<String> statuses = gateway.answers().stream()
                .filter(a -> receiptType.equals(a.type()) && number.equals(a.fields().get(field))).map(GatewaySide.Answer::status).toList();
        List<String> rejections = gateway.answers().stream().filter(a -> !"receipt".equals(a.kind()))
                .map(a -> a.kind() + " " + a.status() + " " + a.fields().getOrDefault("returnInfo", a.fields().getOrDefault("ResponseInfo", "")))
                .toList();
        boolean passed = last != null && expected.equals(last.status());
        String note = passed ? "" : last != null ? String.valueOf(last.fields().get("returnInfo"))
                : rejections.isEmpty() ? "no final receipt within " + timeout.toSeconds() + " s" : String.join(" | ", rejections);
        return new Step(flow, type, number, expected, statuses, passed, note);
    }
}
