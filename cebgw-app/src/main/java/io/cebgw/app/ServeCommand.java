package io.cebgw.app;

import io.cebgw.server.GatewayApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"运行网关服务（Spring Boot；配置见 docs/zh/install.md）/ run the gateway server (Spring Boot; configuration in docs/server.md)"},
        footer = {"", "Examples / 示例:", "  ./cebgw serve",
                "  ./cebgw serve --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/cebgw --spring.datasource.username=postgres"})
final class ServeCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "--property=value", description = "Spring Boot 配置 / Spring Boot properties")
    List<String> properties = List.of();

    @Override
    public Integer call() throws Exception {
        var context = GatewayApplication.start(properties.toArray(String[]::new));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
