package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.store.Archive;
import picocli.CommandLine.Command;
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
            description = {"校验存档的 SHA-256 哈希链：任何条目被删除、调换或修改都会被发现 /",
                    "check the archive's SHA-256 hash chain: any removed, reordered or altered entry is found."},
            footer = {"", "Exit codes / 退出码: 0 intact, 1 broken (the first broken entry is named), 2 cannot open the database."})
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        ArchiveCommand archive;

        @Option(names = "--db-url", defaultValue = "jdbc:h2:file:./data/cebgw", paramLabel = "JDBC", description = "数据库 / database URL")
        String url;

        @Option(names = "--db-user", defaultValue = "sa", paramLabel = "USER")
        String user;

        @Override
        public Integer call() {
            CebgwCommand root = archive.root;
            List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                    "--spring.main.web-application-type=none", "--cebgw.workers=false", "--logging.level.root=WARN"));
            String password = System.getenv("CEBGW_DB_PASSWORD");
            if (password != null) {
                args.add("--spring.datasource.password=" + password);
            }
            try (var context = GatewayApplication.start(args.toArray(String[]::new))) {
                Archive.Verification v = context.getBean(Archive.class).verify();
                if (v.intact()) {
                    root.out.println(root.language().pick("存档完整：", "archive intact: ") + v.entries() + root.language().pick(" 条", " entries"));
                    return 0;
                }
                root.out.println(root.language().pick("存档被改动：第 ", "archive BROKEN at entry ") + v.firstBrokenSeq().orElseThrow()
                        + root.language().pick(" 条起 —— ", " — ") + v.reason());
                return 1;
            } catch (RuntimeException e) {
                root.error("无法打开数据库 " + url + "：" + e.getMessage(), "cannot open the database " + url + ": " + e.getMessage());
                return 2;
            }
        }
    }
}
