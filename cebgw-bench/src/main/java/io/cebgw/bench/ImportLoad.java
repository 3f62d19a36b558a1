package io.cebgw.bench;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.excel.DocumentImport;
import io.cebgw.server.excel.ImportLayout;
import io.cebgw.server.excel.ImportWorkbooks;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;

/**
 * Excel import under load (issue 7): a CEB603 workbook of N rows (two item lines per declaration list) imported as
 * drafts into H2, all or nothing. Reports the time of the import (both passes and the transaction) and the peak heap
 * used while it ran. Run it with the heap limit to hold it to, e.g.
 * {@code java -Xmx512m -cp cebgw-bench/target/cebgw-bench.jar io.cebgw.bench.ImportLoad 50000}.
 */
public final class ImportLoad {
    private ImportLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path dir = Files.createTempDirectory("cebgw-import-load");
        ImportLayout layout = ImportLayout.of(MessageType.CEB603).orElseThrow();
        Path file = dir.resolve("lists.xlsx");
        int written;
        try (OutputStream out = Files.newOutputStream(file)) {
            written = ImportWorkbooks.filled(layout, () -> lists(rows / 2), out);
        }
        ConfigurableApplicationContext context = GatewayApplication.start("--server.port=0", "--cebgw.workers=false",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "--logging.level.root=WARN");
        try {
            Path p12 = dir.resolve("load.p12");
            Files.writeString(dir.resolve("load.pw"), "load-password\n");
            KeyPairs.writePkcs12(KeyPairs.selfSigned(SignatureSuite.SM2_SM3, "CN=load,C=CN", Duration.ofDays(1)), p12, "load-password".toCharArray(), "cebgw");
            EnterpriseService.Registered e = context.getBean(EnterpriseService.class).register("load", "3301964ABC", "DXPENT0000077777", "EBC",
                    "type=pkcs12\npath=" + p12 + "\npassword.file=" + dir.resolve("load.pw") + "\n");
            DocumentImport importer = context.getBean(DocumentImport.class);
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            DocumentImport.Result result = importer.importDrafts(e.enterprise(), layout, file);
            long took = System.nanoTime() - start;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("ImportLoad: %d rows (%d declaration lists, 2 items each), %.1f MB file%n", written, result.documents(),
                    Files.size(file) / 1e6);
            System.out.printf("  imported %s in %.2f s (%.0f rows/s), %d problems%n", result.imported(), took / 1e9, written / (took / 1e9),
                    result.problems().size());
            System.out.printf("  peak heap used %.0f MB (sum of the heap pools' peaks; -Xmx %d MB)%n", peak / 1e6,
                    Runtime.getRuntime().maxMemory() / (1 << 20));
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** Declaration lists with two item lines, made as they are needed. */
    private static Iterator<CebMessage> lists(int count) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public CebMessage next() {
                CebMessage list = FlowDocuments.document(MessageType.CEB603, "9710", "L" + next++ + "-", "DXPENT0000077777");
                Node record = list.businessRecords().get(0);
                if (record.children("InventoryList").size() == 1) {
                    Node second = record.add("InventoryList");
                    record.children("InventoryList").get(0).values().forEach(second::set);
                    second.set("gnum", "2");
                }
                return list;
            }
        };
    }
}
