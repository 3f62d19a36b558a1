package io.cebgw.server.demo;

import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.lifecycle.Lifecycle;
import io.cebgw.core.lifecycle.ReturnStatus;
import io.cebgw.core.model.CebMessage;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.document.DocumentService;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.store.DocumentRow;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code cebgw demo}: on a fresh machine with nothing configured — the server on an H2 file database under the
 * data folder, the folder transport and the in-process sandbox, a demo enterprise with a generated SM2 test
 * certificate — pushes one 9710 and one 9810 shipment to their final statuses while printing the progression, then
 * stays up with the API (or, with {@code --once}, exits: 0 only when both reached their final statuses).
 */
public final class Demo {
    public static final String DXP_ID = "DXPENT0000012345";
    public static final String CUSTOMS_CODE = "3301964ABC";

    private Demo() {
    }

    /**
     * @param stepMillis time between the sandbox's receipts (slow enough to watch, fast for tests)
     */
    public record Options(Path dataDir, int port, boolean once, Duration timeout, long stepMillis) {
    }

    public static int run(Options o, PrintStream out, Locale locale) throws Exception {
        boolean en = "en".equals(locale.getLanguage());
        Path data = o.dataDir().toAbsolutePath();
        Files.createDirectories(data.resolve("keys"));
        ConfigurableApplicationContext context = GatewayApplication.start(
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("cebgw") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000",
                "--cebgw.exchange-folder=" + data.resolve("exchange"),
                "--cebgw.sandbox=true",
                "--cebgw.sandbox-step-millis=" + o.stepMillis(),
                "--server.port=" + o.port());
        try {
            String port = context.getEnvironment().getProperty("local.server.port", String.valueOf(o.port()));
            EnterpriseRow enterprise;
            String apiKey;
            EnterpriseService service = context.getBean(EnterpriseService.class);
            Optional<EnterpriseRow> existing = context.getBean(EnterpriseStore.class).byDxpId(DXP_ID);
            if (existing.isPresent()) {
                enterprise = existing.get();
                service.registerInSandbox(enterprise);
                apiKey = service.newApiKeyFor(enterprise);
            } else {
                EnterpriseService.Registered registered = service.register("杭州示例鞋业进出口有限公司（演示）", CUSTOMS_CODE, DXP_ID,
                        "EBC,AGENT", demoKey(data.resolve("keys")));
                enterprise = registered.enterprise();
                apiKey = registered.apiKey();
                // `cebgw example` writes the example exporter's documents as sent by its broker and its carrier: the
                // demo enterprise acts for both, so those examples can be posted as they are (docs/api.md)
                service.actFor(enterprise.id(), "3101980123", "上海示例报关有限公司", "AGENT");
                service.actFor(enterprise.id(), "3101987654", "上海示例国际物流有限公司", "LOGISTICS");
            }
            out.println(en ? "CEB Gateway demo — server on http://localhost:" + port + ", H2 at " + data.resolve("cebgw") + ", exchange "
                    + data.resolve("exchange") : "CEB Gateway 演示 —— 服务 http://localhost:" + port + "，数据库 " + data.resolve("cebgw")
                    + "，交换目录 " + data.resolve("exchange"));
            out.println((en ? "demo enterprise " : "演示企业 ") + enterprise.dxpId() + "  X-Api-Key: " + apiKey);
            Path uiPassword = demoUser(context, enterprise, data.resolve("keys"));
            out.println(en ? "web pages: http://localhost:" + port + "/  user demo, password in " + uiPassword
                    : "网页：http://localhost:" + port + "/  用户 demo，密码见 " + uiPassword);
            Map<String, String> flowOf = push(context.getBean(DocumentService.class), enterprise.id(), out, en);
            boolean done = watch(context.getBean(DocumentStore.class), flowOf, o.timeout(), out, en);
            out.println(done ? (en ? "Both shipments reached their final statuses." : "两票货物全部到达最终状态。")
                    : (en ? "Not every document reached its final status in time." : "部分单证未在时限内到达最终状态。"));
            if (o.once()) {
                return done ? 0 : 1;
            }
            out.println(en ? "API: http://localhost:" + port + "/swagger-ui.html (header X-Api-Key)  ·  Ctrl-C stops"
                    : "API：http://localhost:" + port + "/swagger-ui.html（请求头 X-Api-Key）  ·  按 Ctrl-C 停止");
            out.println("curl -H 'X-Api-Key: " + apiKey + "' http://localhost:" + port + "/api/v1/documents");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
            return 0;
        } finally {
            context.close();
        }
    }

    /** Signs and sends one 9710 and one 9810 flow; returns document id → flow name. */
    private static Map<String, String> push(DocumentService documents, String enterpriseId, PrintStream out, boolean en) throws Exception {
        String tag = "D" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        Map<String, String> flowOf = new LinkedHashMap<>();
        for (String mode : List.of("9710", "9810")) {
            for (CebMessage m : FlowDocuments.flow(mode, tag + ("9710".equals(mode) ? "B-" : "W-"), CUSTOMS_CODE, DXP_ID)) {
                DocumentService.Created created = documents.create(enterpriseId, new CebWriter().write(m), false, null, true);
                flowOf.put(created.document().id(), mode);
            }
            out.println((en ? "submitted the " : "已提交 ") + mode + (en ? " shipment (order, waybill, list, 总分单, arrival, departure)"
                    : " 货物的订单、运单、清单、总分单、运抵单、离境单"));
        }
        return flowOf;
    }

    /** Prints every status change until all documents are final or time runs out. */
    private static boolean watch(DocumentStore store, Map<String, String> flowOf, Duration timeout, PrintStream out,
                                 boolean en) throws InterruptedException {
        Map<String, String> seen = new HashMap<>();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            boolean all = true;
            for (String id : flowOf.keySet()) {
                DocumentRow d = store.stateById(id).orElseThrow();
                String status = d.status() == null ? "-" : d.status();
                if (!status.equals(seen.put(id, status)) && d.status() != null) {
                    out.printf("  [%s] %-14s %-28s → %s%s%n", flowOf.get(id), d.messageType(), d.businessKey(),
                            ReturnStatus.of(status).label(en ? Locale.ENGLISH : Locale.CHINESE),
                            d.finalState() ? (en ? "  (final)" : "  （最终）") : "");
                }
                all &= d.finalState();
            }
            if (all) {
                return flowOf.keySet().stream().allMatch(id -> {
                    return !Lifecycle.failed(store.stateById(id).orElseThrow().status());
                });
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The demo's web user; its generated password is kept in a file only the owner can read (never printed). */
    private static Path demoUser(ConfigurableApplicationContext context, EnterpriseRow enterprise, Path keys) throws java.io.IOException {
        Path file = keys.resolve("demo-ui.password");
        if (context.getBean(io.cebgw.server.store.UserStore.class).byUsername("demo").isEmpty()) {
            io.cebgw.server.document.WebUsers.Created user = context.getBean(io.cebgw.server.document.WebUsers.class)
                    .forEnterprise(enterprise.id(), "demo", "演示用户");
            Files.writeString(file, user.password() + "\n", StandardCharsets.US_ASCII);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
        return file;
    }

    /** A generated SM2 test key in PKCS#12, its password in a file only the owner can read. */
    private static String demoKey(Path keys) throws java.io.IOException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path passwordFile = keys.resolve("demo.password");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
        Path p12 = keys.resolve("demo.p12");
        KeyPairs.writePkcs12(KeyPairs.selfSigned(SignatureSuite.SM2_SM3, "CN=演示操作员,O=杭州示例鞋业进出口有限公司,C=CN", Duration.ofDays(365)),
                p12, password.toCharArray(), "cebgw");
        return "type=pkcs12\npath=" + p12 + "\npassword.file=" + passwordFile + "\n";
    }
}
