package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import io.cebgw.server.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "archive", mixinStandardHelpOptions = true, description = {"报文存档 / the message archive"},
        subcommands = {ArchiveCommand.Verify.class})
final class ArchiveCommand implements Runnable {
    @ParentCommand
    CebgwCommand root;

    @Override
    public void run() {
        root.error("用法：cebgw archive verify", "usage: cebgw archive verify");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"校验存档的 SHA-256 哈希链：任何条目被删除、调换或修改都会被发现。读取与 cebgw serve 相同的配置 /",
                    "check the archive's SHA-256 hash chain: any removed, reordered or altered entry is found. Reads the configuration cebgw serve reads."},
            footer = {"", "Examples / 示例:", "  ./cebgw archive verify --config /etc/cebgw/application.properties",
                    "", "Exit codes / 退出码: 0 intact, 1 broken (the first broken entry is named), 2 cannot open the database."})
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        ArchiveCommand archive;

        @Mixin
        GatewaySettings settings;

        @Unmatched
        List<String> unmatched = new ArrayList<>();

        @Option(names = "--db-url", paramLabel = "JDBC", description = "数据库（默认取配置中的 spring.datasource.url）/ database URL (default: the configuration's)")
        String url;

        @Option(names = "--db-user", paramLabel = "USER", description = "数据库用户（默认取配置）/ database user (default: the configuration's)")
        String user;

        @Override
        public Integer call() {
            CebgwCommand root = archive.root;
            List<String> args = new ArrayList<>(settings.arguments(unmatched));
            if (url != null) {
                args.add("--spring.datasource.url=" + url);
            }
            if (user != null) {
                args.add("--spring.datasource.username=" + user);
            }
            GatewayStart started = GatewayStart.lookOnly(args);
            if (!started.started()) {
                root.error("无法打开数据库：" + started.mistake(), "cannot open the database: " + started.mistake());
                return 2;
            }
            try (var context = started.context()) {
                String where = context.getEnvironment().getProperty("spring.datasource.url");
                Archive.Verification v = context.getBean(Archive.class).verify();
                if (v.intact()) {
                    root.out.println(root.language().pick("存档完整：", "archive intact: ") + v.entries() + root.language().pick(" 条（", " entries (") + where + ")");
                    return 0;
                }
                root.out.println(root.language().pick("存档被改动：第 ", "archive BROKEN at entry ") + v.firstBrokenSeq().orElseThrow()
                        + root.language().pick(" 条起 —— ", " — ") + v.reason() + " (" + where + ")");
                return 1;
            } catch (RuntimeException e) {
                root.error("无法读取存档：" + e.getMessage(), "cannot read the archive: " + e.getMessage());
                return 2;
            }
        }
    }
}
