package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import io.cebgw.core.problem.CommandProblem;
import io.cebgw.server.GatewayApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"运行网关服务（Spring Boot；配置见 docs/zh/install.md）/ run the gateway server (Spring Boot; configuration in docs/server.md)"},
        footer = {"", "Examples / 示例:", "  ./cebgw serve", "  ./cebgw serve --server.port=18500",
                "  ./cebgw serve --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/cebgw --spring.datasource.username=postgres"})
final class ServeCommand implements Callable<Integer> {
    private static final Pattern SETTING = Pattern.compile("--[A-Za-z][\\w.\\-\\[\\]]*=.*", Pattern.DOTALL);

    @Parameters(arity = "0..*", paramLabel = "--property=value", description = "Spring Boot 配置，如 --server.port=8080 / Spring Boot properties")
    List<String> properties = new ArrayList<>();

    /** Spring settings are written as options ({@code --server.port=8080}); picocli hands those it does not know here. */
    @Unmatched
    List<String> settings = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> all = new ArrayList<>(settings);
        all.addAll(properties);
        for (String s : all) {
            if (!SETTING.matcher(s).matches()) {
                throw new CebgwCommand.ProblemParameterException(spec.commandLine(), CommandProblem.SPRING_SETTING.with(s));
            }
        }
        properties = all;
        org.springframework.context.ConfigurableApplicationContext context;
        try {
            context = GatewayApplication.start(properties.toArray(String[]::new));
        } catch (RuntimeException e) {
            // a configuration mistake is told in one line (Spring Boot printed its analysis already), not as an internal error
            org.springframework.boot.diagnostics.FailureAnalysis mistake = new io.cebgw.server.ops.StartupFailureAnalyzer().analyze(e);
            if (mistake == null) {
                throw e;
            }
            spec.commandLine().getErr().println("cebgw serve: 无法启动 / cannot start: " + mistake.getDescription());
            return io.cebgw.cli.ExitCode.UNREADABLE;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
