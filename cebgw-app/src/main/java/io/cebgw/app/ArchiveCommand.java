package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import io.cebgw.server.store.Archive;
import io.cebgw.server.store.ArchiveRetention;
import io.cebgw.server.store.ArchiveStore;
import io.cebgw.server.store.ChainBreak;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

@Command(name = "archive", mixinStandardHelpOptions = true, description = {"报文存档 / the message archive"},
        subcommands = {ArchiveCommand.Verify.class, ArchiveCommand.Export.class, ArchiveCommand.Find.class})
final class ArchiveCommand implements Runnable {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @ParentCommand
    CebgwCommand root;

    @Override
    public void run() {
        root.error("用法：cebgw archive verify | export | find", "usage: cebgw archive verify | export | find");
    }

    /** Where the archive is: the gateway's configuration, or a database and an export folder named here. */
    static final class Place {
        @Mixin
        GatewaySettings settings;

        @Option(names = "--db-url", paramLabel = "JDBC", description = "数据库（默认取配置中的 spring.datasource.url）/ database URL (default: the configuration's)")
        String url;

        @Option(names = "--db-user", paramLabel = "USER", description = "数据库用户（默认取配置）/ database user (default: the configuration's)")
        String user;

        @Option(names = "--export-folder", paramLabel = "DIR",
                description = "导出文件所在目录（默认取配置中的 cebgw.archive.export-folder）/ the export files' folder (default: the configuration's)")
        Path exportFolder;

        /** Opens the gateway's context and runs {@code work} with it; exit 2 when the database cannot be opened. */
        int with(CebgwCommand root, List<String> unmatched, Function<org.springframework.context.ConfigurableApplicationContext, Integer> work) {
            List<String> args = new ArrayList<>(settings.arguments(unmatched));
            if (url != null) {
                args.add("--spring.datasource.url=" + url);
            }
            if (user != null) {
                args.add("--spring.datasource.username=" + user);
            }
            if (exportFolder != null) {
                args.add("--cebgw.archive.export-folder=" + exportFolder);
            }
            GatewayStart started = GatewayStart.lookOnly(args);
            if (!started.started()) {
                root.error("无法打开数据库：" + started.mistake(), "cannot open the database: " + started.mistake());
                return 2;
            }
            try (var context = started.context()) {
                return work.apply(context);
            } catch (RuntimeException e) {
                root.error("无法读取存档：" + e.getMessage(), "cannot read the archive: " + e.getMessage());
                return 2;
            }
        }
    }

    /** What every archive subcommand has: the archive command above it, where the archive is, Spring settings as words. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        ArchiveCommand archive;

        @Mixin
        Place place;

        @Unmatched
        List<String> unmatched = new ArrayList<>();
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"校验存档的 SHA-256 哈希链：任何条目被删除、调换或修改都会被发现；已导出的条目在导出文件中校验。读取与 cebgw serve 相同的配置 /",
                    "check the archive's SHA-256 hash chain: any removed, reordered or altered entry is found; exported entries are checked in "
                            + "their files. Reads the configuration cebgw serve reads."},
            footer = {"", "Examples / 示例:", "  ./cebgw archive verify --config /etc/cebgw/application.properties",
                    "", "Exit codes / 退出码: 0 intact, 1 broken (the first broken entry is named), 2 cannot open the database."})
    static final class Verify extends Subcommand {

        @Override
        public Integer call() {
            CebgwCommand root = archive.root;
            return place.with(root, unmatched, context -> {
                String where = context.getEnvironment().getProperty("spring.datasource.url");
                Archive.Verification v = context.getBean(Archive.class).verify();
                if (v.intact()) {
                    root.out.println(root.language().pick("存档完整：", "archive intact: ") + v.entries() + root.language().pick(" 条（", " entries (")
                            + root.language().pick("其中 " + v.exported() + " 条在导出文件中；", v.exported() + " of them in export files; ") + where
                            + root.language().pick("）", ")"));
                    return 0;
                }
                ChainBreak why = v.chainBreak().orElseThrow();
                String detail = v.detail().isEmpty() ? "" : root.language().pick("：", ": ") + v.detail();
                if (why.fileOutOfPlace()) {
                    root.out.println(root.language().pick("存档无法校验：第 " + v.firstBrokenSeq().orElseThrow() + " 条起的" + why.text().zh() + detail
                                    + " —— 把导出文件放回导出目录（多个节点时 cebgw.archive.export-folder 须是共用目录），再校验一次",
                            "archive cannot be verified from entry " + v.firstBrokenSeq().orElseThrow() + ": " + why.text().en() + detail
                                    + " — put the file back in the export folder (on several nodes, cebgw.archive.export-folder must be the shared one) and verify again")
                            + " (" + where + ")");
                } else {
                    root.out.println(root.language().pick("存档被改动：第 " + v.firstBrokenSeq().orElseThrow() + " 条起 —— " + why.text().zh() + detail,
                            "archive BROKEN at entry " + v.firstBrokenSeq().orElseThrow() + " — " + why.text().en() + detail) + " (" + where + ")");
                }
                return 1;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"保留期：把某日（北京时间）之前的存档条目和已终态单证的回执写入导出目录的 ZIP 文件，读回校验后从数据库删除；哈希链跨文件与数据库保持可校验 /",
                    "retention: write the archive entries before a day (Beijing time) and the receipts of final documents to a ZIP file in the "
                            + "export folder, read it back, then remove them from the database; the chain stays verifiable across files and database."},
            footer = {"", "Examples / 示例:", "  ./cebgw archive export --before 2024-01-01 --config /etc/cebgw/application.properties",
                    "", "Exit codes / 退出码: 0 done (or nothing old enough), 2 cannot open the database or write the file."})
    static final class Export extends Subcommand {

        @Option(names = "--before", required = true, paramLabel = "YYYY-MM-DD", converter = Day.class,
                description = "导出此日（北京时间）之前的 / export what is older than this day (Beijing time)")
        LocalDate before;

        @Override
        public Integer call() {
            CebgwCommand root = archive.root;
            return place.with(root, unmatched, context -> {
                ArchiveRetention.Result r = context.getBean(ArchiveRetention.class).exportBefore(before.atStartOfDay(BEIJING).toInstant());
                Path folder = context.getBean(Archive.class).exportFolder().toAbsolutePath();
                if (r.export().isEmpty() && r.entriesRemoved() == 0) {
                    root.out.println(root.language().pick("没有 " + before + " 之前的存档条目需要导出", "nothing in the archive before " + before + " to export"));
                    return 0;
                }
                String file = r.export().map(ArchiveStore.Export::fileName).orElse("-");
                root.out.println(root.language().pick("已导出并从数据库删除：存档 " + r.entriesRemoved() + " 条，回执 " + r.receiptsRemoved() + " 条 → " + folder.resolve(file),
                        "exported and removed from the database: " + r.entriesRemoved() + " archive entries, " + r.receiptsRemoved() + " receipts → "
                                + folder.resolve(file)));
                return 0;
            });
        }
    }

    /** A day as YYYY-MM-DD, told in both languages when it is not one. */
    static final class Day implements picocli.CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("“" + value + "”不是日期，应写作 YYYY-MM-DD（如 2024-01-01）/ not a day: write YYYY-MM-DD");
            }
        }
    }

    @Command(name = "find", mixinStandardHelpOptions = true,
            description = {"按单证编号或 CopMsgId 在导出文件和数据库中找回存档的报文，以及保留期导出的回执 /",
                    "find the archived messages of a document (its id) or a CopMsgId, in the export files and the database, and the receipts "
                            + "retention exported"},
            footer = {"", "Examples / 示例:", "  ./cebgw archive find --id 3f1c2a9e-0000-4000-8000-000000000001 --out found",
                    "", "Exit codes / 退出码: 0 found, 1 not found, 2 cannot open the database."})
    static final class Find extends Subcommand {

        @Option(names = "--id", required = true, paramLabel = "ID", description = "单证编号或 CopMsgId / a document id or a CopMsgId")
        String id;

        @Option(names = "--out", paramLabel = "DIR", description = "把找到的报文写入此目录 / write the messages found into this folder")
        Path out;

        @Override
        public Integer call() {
            CebgwCommand root = archive.root;
            return place.with(root, unmatched, context -> {
                Archive archived = context.getBean(Archive.class);
                List<Archive.ExportedReceipt> receipts = archived.exportedReceipts(id);
                List<Archive.Found> found = new ArrayList<>(archived.find(id));
                // the received messages behind the exported receipts (archived under the receipt's own CopMsgId)
                for (Archive.ExportedReceipt r : receipts) {
                    archived.find(r.row().path("cop_msg_id").asText("")).stream().filter(f -> Archive.IN.equals(f.entry().direction()))
                            .filter(f -> found.stream().noneMatch(known -> known.entry().seq() == f.entry().seq())).forEach(found::add);
                }
                found.sort(Comparator.comparingLong(f -> f.entry().seq()));
                if (found.isEmpty() && receipts.isEmpty()) {
                    root.out.println(root.language().pick("存档中没有 " + id, "nothing in the archive names " + id));
                    return 1;
                }
                for (Archive.Found f : found) {
                    ArchiveStore.Entry e = f.entry();
                    String written = out == null ? "" : " → " + write("%012d-%s.xml".formatted(e.seq(), e.direction()), e.content());
                    root.out.println("#" + e.seq() + " " + e.direction() + " " + e.copMsgId() + " " + e.at() + " "
                            + root.language().pick("位于 ", "in ") + f.place() + written);
                }
                for (Archive.ExportedReceipt r : receipts) {
                    root.out.println(root.language().pick("回执 ", "receipt ") + r.row().path("message_type").asText() + " "
                            + r.row().path("return_status").asText() + " " + r.row().path("return_time").asText() + " " + r.row().path("return_info").asText()
                            + " " + root.language().pick("位于 ", "in ") + r.place());
                }
                if (out != null && !receipts.isEmpty()) {
                    String lines = receipts.stream().map(r -> r.row().toString() + "\n").collect(Collectors.joining());
                    root.out.println(root.language().pick("回执已写入 ", "receipts written to ")
                            + write("receipts-" + id + ".jsonl", lines.getBytes(StandardCharsets.UTF_8)));
                }
                return 0;
            });
        }

        private Path write(String name, byte[] content) {
            try {
                Files.createDirectories(out);
                Path file = out.resolve(name);
                Files.write(file, content);
                return file;
            } catch (IOException x) {
                throw new java.io.UncheckedIOException("cannot write to " + out.toAbsolutePath(), x);
            }
        }
    }
}
