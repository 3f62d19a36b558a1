package io.cebgw.app;

import io.cebgw.cli.ExitCode;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"运行网关服务（Spring Boot；配置见 docs/zh/install.md）/ run the gateway server (Spring Boot; configuration in docs/server.md)"},
        footer = {"", "Examples / 示例:", "  ./cebgw serve", "  ./cebgw serve --config /etc/cebgw/application.properties", "  ./cebgw serve --server.port=18500",
                "  ./cebgw serve --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/cebgw --spring.datasource.username=postgres"})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    GatewaySettings settings;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GatewayStart started = GatewayStart.of(settings.arguments(unmatched));
        if (!started.started()) {
            spec.commandLine().getErr().println("cebgw serve: 无法启动 / cannot start: " + started.mistake());
            return ExitCode.UNREADABLE;
        }
        ConfigurableApplicationContext context = started.context();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
