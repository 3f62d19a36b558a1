package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import io.cebgw.cli.ExitCode;
import io.cebgw.cli.TextColumns;
import io.cebgw.server.ops.Check;
import io.cebgw.server.ops.Doctor;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"检查部署而不申报任何单证：配置、数据库及其版本、时钟、每个传输、每个签名密钥（IC 卡客户端）、磁盘、XSD 目录 /",
                "check a deployment without declaring anything: settings, database and migrations, clock, each transport, each key source, disk, XSDs"},
        footer = {"", "Examples / 示例:", "  ./cebgw doctor", "  ./cebgw doctor --config /etc/cebgw/application.properties",
                "  ./cebgw doctor --config /etc/cebgw/application.properties --enterprise DXPENT0000012345",
                "", "Exit codes / 退出码: 0 every check passed (warnings allowed), 1 a check failed, 2 bad arguments."})
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    CebgwCommand root;

    @Mixin
    GatewaySettings settings;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Option(names = "--enterprise", paramLabel = "DXPID", description = "只检查这个企业（及公共部分）/ only this enterprise (and what all share)")
    String enterprise;

    @Override
    public Integer call() {
        Locale locale = root.language().locale();
        List<String> arguments = settings.arguments(unmatched);
        GatewayStart started = GatewayStart.lookOnly(arguments);
        if (!started.started()) {
            String why = started.mistake();
            print(List.of(new Check(new Check.Text("配置", "settings"), String.join(" ", settings.config.stream().map(Path::toString).toList()), Check.Outcome.FAIL,
                    new Check.Text(why, why), new Check.Text("按说明改正配置后再运行 cebgw doctor", "correct the setting named, then run cebgw doctor again"))), locale);
            return ExitCode.FINDINGS;
        }
        try (ConfigurableApplicationContext context = started.context()) {
            List<Check> checks = context.getBean(Doctor.class).run(Optional.ofNullable(enterprise));
            print(checks, locale);
            return checks.stream().anyMatch(Check::failed) ? ExitCode.FINDINGS : ExitCode.OK;
        }
    }

    private void print(List<Check> checks, Locale locale) {
        int outcome = 6;
        int area = width(checks.stream().map(c -> c.area().in(locale)).toList());
        int target = Math.min(40, width(checks.stream().map(Check::target).toList()));
        root.out.println(TextColumns.pad(root.language().pick("结果", "result"), outcome) + TextColumns.pad(root.language().pick("检查项", "check"), area)
                + TextColumns.pad(root.language().pick("对象", "on"), target) + root.language().pick("说明", "found"));
        for (Check c : checks) {
            root.out.println(TextColumns.pad(c.outcome().label().in(locale), outcome) + TextColumns.pad(c.area().in(locale), area)
                    + TextColumns.pad(c.target(), target) + c.detail().in(locale));
            if (!c.remedy().in(locale).isEmpty()) {
                root.out.println(" ".repeat(outcome + area + target) + "→ " + c.remedy().in(locale));
            }
        }
        long failed = checks.stream().filter(Check::failed).count();
        long warned = checks.stream().filter(c -> c.outcome() == Check.Outcome.WARN).count();
        root.out.println(failed == 0
                ? root.language().pick("全部通过（" + warned + " 项需注意）", "all passed (" + warned + " warnings)")
                : root.language().pick(failed + " 项失败，" + warned + " 项需注意", failed + " failed, " + warned + " warnings"));
    }

    private static int width(List<String> texts) {
        return 2 + texts.stream().mapToInt(TextColumns::width).max().orElse(4);
    }
}
