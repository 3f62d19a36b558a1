package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import io.cebgw.server.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"演示：H2 数据库、目录传输、内置海关沙箱和生成的 SM2 测试证书，把一票 9710 和一票 9810 推到最终状态 /",
                "the demo: H2, folder transport, in-process sandbox and a generated SM2 test certificate; one 9710 and one 9810 shipment to their final statuses."},
        footer = {"", "Examples / 示例:", "  ./cebgw demo                 之后 API 留在 http://localhost:8080 / then stays up with the API",
                "  ./cebgw demo --once          跑完即退出（0 = 两票都到最终状态）/ run once and exit (0 = both final)"})
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    CebgwCommand root;

    @Option(names = "--once", description = "跑完即退出 / run the flow once and exit")
    boolean once;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR", description = "数据目录（默认 ${DEFAULT-VALUE}）/ data folder")
    Path data;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "HTTP 端口（默认 ${DEFAULT-VALUE}）/ HTTP port")
    int port;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS", description = "等待最终状态的秒数 / seconds to wait")
    int timeout;

    @Option(names = "--step-millis", defaultValue = "300", paramLabel = "MS", description = "沙箱回执间隔 / time between sandbox receipts")
    long stepMillis;

    @Override
    public Integer call() throws Exception {
        return Demo.run(new Demo.Options(data, port, once, Duration.ofSeconds(timeout), stepMillis), root.out, root.language().locale());
    }
}
