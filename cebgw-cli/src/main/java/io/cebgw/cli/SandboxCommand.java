package io.cebgw.cli;

import io.cebgw.core.signing.SigningException;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.key.SigningKey;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.sandbox.Enterprise;
import io.cebgw.sandbox.Registry;
import io.cebgw.sandbox.Sandbox;
import io.cebgw.sandbox.SandboxConfig;
import io.cebgw.sandbox.SelfTest;
import io.cebgw.sandbox.StatusServer;
import io.cebgw.transport.folder.FolderTransport;
import io.cebgw.transports.TransportCatalog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
        description = {"联调沙箱：扮演电子口岸和海关，检查报文并按规范回执 /",
                "the joint-test sandbox: plays the E-Port exchange and customs, checks messages and answers with receipts."},
        subcommands = {SandboxCommand.SelfTestCommand.class},
        footer = {"", "Examples / 示例:",
                "  ./cebgw sandbox --config sandbox.yml",
                "  ./cebgw sandbox --folder exchange/ --register DXPENT0000012345=cert.pem --http-port 8099",
                "  ./cebgw sandbox --transport-config amqp.properties          在 AMQP 上扮演数据中心 / play the data center over AMQP",
                "  ./cebgw sandbox selftest                                   生成测试企业和 SM2 证书自测 / with a generated enterprise",
                "  ./cebgw sandbox selftest --transport http                  经区域 HTTP 网关自测 / over the regional HTTP style",
                "  ./cebgw sandbox selftest --transport as2                   经 AS2（生成的 RSA 密钥）自测 / over AS2 with generated keys",
                "  ./cebgw sandbox selftest --key key.p12 --dxp-id DXPENT0000012345 --customs-code 3301964ABC -o report.txt",
                "", "See docs/sandbox.md (scenarios: copNo/orderNo/logisticsNo starting SBX-REJECT, SBX-INSPECT, …)."})
final class SandboxCommand implements Callable<Integer> {
    @ParentCommand
    CebgwCommand root;

    @Option(names = "--config", paramLabel = "FILE", description = "sandbox.yml")
    Path config;

    @Option(names = "--folder", paramLabel = "DIR", description = "交换目录（默认 sandbox-exchange）/ exchange folder (default sandbox-exchange)")
    Path folder;

    @Option(names = "--http-port", paramLabel = "PORT", description = "状态页端口（默认 8099，-1 不开）/ status page port (default 8099, -1 for none)")
    Integer httpPort;

    @Option(names = "--step-millis", paramLabel = "MS", description = "回执间隔毫秒 / milliseconds between receipts")
    Long stepMillis;

    @Option(names = "--transport-config", paramLabel = "FILE",
            description = "在此传输上扮演数据中心（.properties，见 docs/transports.md；默认交换目录）/ play the data center on this transport (default: the folder)")
    Path transportConfig;

    @Option(names = "--register", paramLabel = "DXPID=CERT", description = "登记企业及其证书（可重复）/ register an enterprise's certificate (repeatable)")
    Map<String, Path> register = Map.of();

    @Override
    public Integer call() throws Exception {
        SandboxConfig cfg;
        try {
            cfg = config != null ? SandboxConfig.load(config) : new SandboxConfig(null, null, 8099, 1000, null, List.of(), null);
        } catch (IOException e) {
            root.error("无法读取沙箱配置 " + config + "：" + e.getMessage(), "cannot read the sandbox configuration " + config + ": " + e.getMessage());
            return ExitCode.UNREADABLE;
        }
        cfg = new SandboxConfig(cfg.nodeId(), folder != null ? folder : cfg.folder(), httpPort != null ? httpPort : cfg.httpPort(),
                stepMillis != null ? stepMillis : cfg.stepMillis(), cfg.schemaDir(), cfg.enterprises(), cfg.rules());
        List<SandboxConfig.EnterpriseEntry> entries = new ArrayList<>(cfg.enterprises());
        register.forEach((dxpId, cert) -> entries.add(new SandboxConfig.EnterpriseEntry(dxpId, "", dxpId, List.of(cert))));
        Registry registry;
        try {
            registry = Registry.of(entries);
        } catch (SigningException e) {
            root.err.println("cebgw: " + e.describe(root.language().locale()));
            return ExitCode.UNREADABLE;
        }
        Language lang = root.language();
        io.cebgw.core.transport.Transport transport;
        try {
            transport = transportConfig == null
                    ? new FolderTransport(cfg.folder(), FolderTransport.Side.EXCHANGE, Duration.ofMillis(200), 64L << 20)
                    : TransportCatalog.open(TransportSpec.load(transportConfig), End.EXCHANGE);
        } catch (TransportException e) {
            root.err.println("cebgw: " + lang.pick("传输不可用：", "the transport is not usable: ") + e.describe(lang.locale()));
            return ExitCode.UNREADABLE;
        }
        try (Sandbox sandbox = new Sandbox(cfg, registry, transport, Clock.systemUTC());
             StatusServer status = cfg.httpPort() < 0 ? null : new StatusServer(sandbox, cfg.httpPort(), System.getenv("CEBGW_SANDBOX_TOKEN"))) {
            sandbox.start();
            root.err.println(lang.pick("沙箱已启动：", "sandbox running: ") + transport.name() + (transportConfig != null ? ""
                    : lang.pick("（企业放入 out/，回执写入 in/）", " (enterprises put envelopes in out/, receipts go to in/)")));
            if (status != null) {
                root.err.println(lang.pick("状态页：", "status page: ") + "http://127.0.0.1:" + status.port() + "/");
            }
            root.err.println(lang.pick("已登记企业：", "registered enterprises: ") + registry.all().stream().map(Enterprise::dxpId).toList()
                    + lang.pick("  按 Ctrl-C 停止", "  Ctrl-C stops"));
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        } catch (TransportException e) {
            root.error("传输不可用：" + e.getMessage(), "the transport is not usable: " + e.getMessage());
            return ExitCode.UNREADABLE;
        } catch (IOException e) {
            root.error("状态页端口无法使用：" + e.getMessage(), "cannot open the status page port: " + e.getMessage());
            return ExitCode.UNREADABLE;
        }
        return ExitCode.OK;
    }

    @Command(name = "selftest", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
            description = {"联调自测：用企业自己的证书跑完整的 9710 和 9810 流程，打印可留存的通过/未通过报告 /",
                    "joint-test self-test: a full 9710 and 9810 flow with the enterprise's own key; prints a pass/fail report to keep."},
            footer = {"", "Exit codes / 退出码: 0 every step passed, 1 a step failed, 2 bad arguments."})
    static final class SelfTestCommand implements Callable<Integer> {
        @ParentCommand
        SandboxCommand sandbox;

        @ArgGroup(exclusive = false)
        KeyOptions key;

        @Option(names = "--dxp-id", paramLabel = "DXPID", defaultValue = "DXPENT0000012345", description = "企业 DXPID / the enterprise's DXP id")
        String dxpId;

        @Option(names = "--customs-code", paramLabel = "CODE", defaultValue = "3301964ABC", description = "企业海关编码 / customs code")
        String customsCode;

        @Option(names = "--transport", paramLabel = "NAME", defaultValue = "folder",
                description = "传输方式：folder、amqp、jms、http、as2 / transport: folder, amqp, jms, http or as2 (default ${DEFAULT-VALUE})")
        String transport;

        @Option(names = "--transport-config", paramLabel = "FILE",
                description = "传输配置（.properties，见 docs/transports.md），jms 必需 / transport configuration (.properties, docs/transports.md); needed for jms")
        Path transportConfig;

        @Option(names = "--amqp-uri", paramLabel = "URI", defaultValue = "amqp://127.0.0.1:5672",
                description = "AMQP 代理（--transport amqp，无配置文件时）/ the AMQP broker without a configuration file (default ${DEFAULT-VALUE})")
        String amqpUri;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "每个单证等待最终状态的秒数 / seconds to wait per document")
        int timeout;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "报告另存为文件 / also write the report to a file")
        Path output;

        @Override
        public Integer call() throws Exception {
            CebgwCommand root = sandbox.root;
            SelfTestTransport chosen;
            try {
                chosen = SelfTestTransport.choose(transport, transportConfig, amqpUri, dxpId);
            } catch (TransportException e) {
                root.err.println("cebgw: " + e.describe(root.language().locale()));
                return ExitCode.UNREADABLE;
            }
            SigningKey signingKey;
            if (key != null) {
                try {
                    signingKey = key.open();
                } catch (SigningException e) {
                    root.err.println("cebgw: " + e.describe(root.language().locale()));
                    return ExitCode.UNREADABLE;
                }
            } else {
                GeneratedKey generated = KeyPairs.selfSigned(SignatureSuite.SM2_SM3, "CN=自测企业,O=CEB Gateway self-test,C=CN", Duration.ofDays(30));
                signingKey = generated.signingKey();
                root.err.println(root.language().pick("未指定 --key：使用生成的测试企业和 SM2 证书 ", "no --key: a generated test enterprise and SM2 certificate ")
                        + signingKey.certNo());
            }
            SelfTest.Ends ends;
            try {
                ends = chosen.open();
            } catch (TransportException e) {
                signingKey.close();
                root.err.println("cebgw: " + root.language().pick("传输不可用：", "the transport is not usable: ") + e.describe(root.language().locale()));
                return ExitCode.UNREADABLE;
            }
            root.err.println(root.language().pick("传输：", "transport: ") + ends.enterprise().name());
            SelfTest.Report report;
            try (signingKey) {
                report = new SelfTest(dxpId, customsCode, new CebSigner(signingKey), signingKey.certificate(), ends,
                        Duration.ofSeconds(timeout)).run();
            } finally {
                chosen.cleanUp(root);
            }
            report.print(root.out, root.language().locale());
            root.out.flush();
            if (output != null) {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                report.print(new PrintStream(text, true, StandardCharsets.UTF_8), root.language().locale());
                Files.write(output, text.toByteArray());
            }
            return report.passed() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }
}
