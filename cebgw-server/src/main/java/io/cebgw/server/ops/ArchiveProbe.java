package io.cebgw.server.ops;

import io.cebgw.server.ops.Check.Text;
import io.cebgw.server.store.Archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Whether retention can do its work on this node ({@code cebgw doctor}): every export file the database records is in
 * this node's export folder — on several nodes the folder must be the one they share, or {@code archive verify} and
 * {@code archive find} miss what another node exported — and the folder can be written while the policy is on.
 */
public final class ArchiveProbe {
    static final Text AREA = new Text("存档导出", "archive export");

    private final Archive archive;
    private final Optional<Duration> keep;

    public ArchiveProbe(Archive archive, Optional<Duration> keep) {
        this.archive = archive;
        this.keep = keep;
    }

    public Check check() {
        Path folder = archive.exportFolder().toAbsolutePath().normalize();
        String target = folder.toString();
        List<Archive.ExportFile> exports = archive.exportFiles();
        List<String> missing = exports.stream().filter(f -> !f.present()).map(f -> f.export().fileName()).toList();
        if (!missing.isEmpty()) {
            return Check.fail(AREA, target,
                    new Text("导出目录中缺少 " + missing.size() + " 个导出文件（共 " + exports.size() + " 个），例如 " + missing.get(0),
                            missing.size() + " of " + exports.size() + " export files are not in the export folder, e.g. " + missing.get(0)),
                    new Text("各节点的 cebgw.archive.export-folder 必须是同一个共用目录（NFS 或共享卷）；把导出文件放回该目录，再运行 ./cebgw archive verify",
                            "every node's cebgw.archive.export-folder must be the one folder they share (NFS or a shared volume); put the files back, "
                                    + "then run ./cebgw archive verify"));
        }
        if (keep.isPresent() && !writable(folder)) {
            return Check.fail(AREA, target, new Text("保留策略已开启，但无法写入导出目录", "retention is on but the export folder cannot be written"),
                    new Text("创建该目录并让运行网关的用户可以写入（或改 cebgw.archive.export-folder）",
                            "create the folder and let the gateway's user write to it (or change cebgw.archive.export-folder)"));
        }
        String files = exports.isEmpty() ? "" : "；" + exports.size() + " 个导出文件都在";
        String filesEn = exports.isEmpty() ? "" : "; all " + exports.size() + " export files are here";
        return keep.map(k -> Check.pass(AREA, target, new Text("保留 " + k.toDays() + " 天，更早的存档和回执导出到此目录" + files,
                        "keeps " + k.toDays() + " days; older archive entries and receipts are exported here" + filesEn)))
                .orElseGet(() -> Check.pass(AREA, target, new Text("保留策略未开启（cebgw.retention.keep）：存档和回执都留在数据库中" + files,
                        "retention is off (cebgw.retention.keep): archive and receipts stay in the database" + filesEn)));
    }

    /** The folder, or the nearest folder above it that exists (the export creates the rest), can be written. */
    private static boolean writable(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
    }
}
