package io.cebgw.core.codes;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.CodeTableProblem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An operator's own codes, added to or replacing the shipped ones: a UTF-8 CSV file with the header
 * {@code table,code,name_zh,name_en,status} (status {@code current}, {@code obsolete} or {@code removed}; empty is current),
 * {@code #} comments and blank lines allowed. It completes the tables the project holds partially (customs areas)
 * and adds those it has none of (ports, table {@code port}). Every line is checked; the first bad one is reported
 * with its number. Names may not contain commas (no quoting).
 */
final class CodeOverrides {
    static final String HEADER = "table,code,name_zh,name_en,status";
    private static final Set<String> STATUSES = Set.of("current", "obsolete", "removed");
    private static final int MAX_CODE = 10;

    private CodeOverrides() {
    }

    /** The rows of the file, by table, in file order. */
    static Map<String, List<CodeEntry>> read(Path file, Set<String> tables) throws CodeTableException {
        List<String> lines;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            lines = List.of((text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1));
        } catch (CharacterCodingException e) {
            throw new CodeTableException(CodeTableProblem.UNREADABLE.with(file, new Localized("不是 UTF-8 编码", "not UTF-8")));
        } catch (IOException e) {
            throw new CodeTableException(CodeTableProblem.UNREADABLE.with(file, e.getClass().getSimpleName() + " " + e.getMessage()));
        }
        Map<String, List<CodeEntry>> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                if (!line.replace(" ", "").equalsIgnoreCase(HEADER)) {
                    throw bad(file, i, new Localized("第一行应为表头 " + HEADER, "the first line must be the header " + HEADER));
                }
                continue;
            }
            String[] c = line.split(",", -1);
            if (c.length < 4 || c.length > 5) {
                throw bad(file, i, new Localized("应有 4 或 5 列（逗号分隔，名称中不能有逗号），实有 " + c.length,
                        "4 or 5 comma-separated columns expected (no commas in names), found " + c.length));
            }
            String table = c[0].strip();
            String code = c[1].strip();
            String status = c.length == 5 && !c[4].isBlank() ? c[4].strip() : "current";
            if (!tables.contains(table)) {
                throw bad(file, i, new Localized("没有代码表 " + table + "（可用：" + String.join(" ", tables) + "）",
                        "no code table " + table + " (there are: " + String.join(" ", tables) + ")"));
            }
            if (code.isEmpty() || code.length() > MAX_CODE || !code.chars().allMatch(ch -> ch < 128 && Character.isLetterOrDigit(ch))) {
                throw bad(file, i, new Localized("代码“" + code + "”应为 1 到 10 位字母或数字", "the code \"" + code + "\" must be 1 to 10 letters or digits"));
            }
            if (!STATUSES.contains(status)) {
                throw bad(file, i, new Localized("状态“" + status + "”应为 current、obsolete 或 removed",
                        "the status \"" + status + "\" must be current, obsolete or removed"));
            }
            if (!seen.add(table + "|" + code)) {
                throw bad(file, i, new Localized(table + " 的代码 " + code + " 重复出现", "the code " + code + " of " + table + " occurs twice"));
            }
            out.computeIfAbsent(table, t -> new ArrayList<>()).add(new CodeEntry(code, c[2].strip(), c[3].strip(), status));
        }
        return out;
    }

    private static CodeTableException bad(Path file, int index, Localized reason) {
        return new CodeTableException(CodeTableProblem.BAD_LINE.with(file, index + 1, reason));
    }
}
