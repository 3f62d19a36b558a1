package io.cebgw.cli;

import io.cebgw.core.codes.CodeEntry;
import io.cebgw.core.codes.CodeList;
import io.cebgw.core.codes.CodeTables;
import io.cebgw.core.problem.CodeTableProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "codes", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
        description = {"列出或搜索代码表（币制、国别、计量单位、运输方式、包装种类、贸易方式、关区、港口）/",
                "list or search the code tables (currency, country, unit, transport mode, wrap type, trade mode, customs area, port)."},
        footer = {"", "Exit codes / 退出码: 0 有结果 found, 1 没有匹配 nothing matched, 2 没有这个代码表 no such table.",
                "Your own codes: set CEBGW_CODE_TABLES to a CSV file (docs/validation.md, \"Code tables\") / 自定义代码见 docs/validation.md",
                "", "Examples / 示例:",
                "  ./cebgw codes                       全部代码表及条数 / every table and its size",
                "  ./cebgw codes currency 美元          按名称或代码搜索 / search by name or code",
                "  ./cebgw codes customs-area 29        关区代码以 29 开头的 / customs areas starting 29",
                "  CEBGW_CODE_TABLES=my-codes.csv ./cebgw codes port"})
final class CodesCommand implements Callable<Integer> {
    @ParentCommand
    CebgwCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TABLE", description = "代码表名 / table name (none: list the tables)")
    String table;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SEARCH",
            description = "代码前缀或名称中的文字（不区分大小写）/ a code prefix or part of a name (any case)")
    String search;

    @Override
    public Integer call() {
        Language lang = root.language();
        CodeTables tables = CodeTables.standard();
        if (table == null) {
            for (String name : tables.names()) {
                CodeList list = tables.table(name);
                root.out.println(TextColumns.pad(name, 14) + TextColumns.pad(String.valueOf(list.size()), 6) + lang.pick(list.titleZh(), list.titleEn())
                        + (list.complete() ? "" : lang.pick("（不完整：未收录的代码只作警告）", " (partial: an unknown code is a warning)")));
            }
            root.out.flush();
            return ExitCode.OK;
        }
        Optional<CodeList> list = tables.find(table.toLowerCase(Locale.ROOT));
        if (list.isEmpty()) {
            var problem = CodeTableProblem.UNKNOWN_TABLE.with(table, String.join(" ", tables.names()));
            root.error(problem.describe(Locale.CHINA), problem.describe(Locale.ENGLISH));
            return ExitCode.UNREADABLE;
        }
        List<CodeEntry> found = list.get().entries().values().stream().filter(this::matches)
                .sorted(java.util.Comparator.comparing(CodeEntry::code)).toList();
        for (CodeEntry e : found) {
            root.out.println(TextColumns.pad(e.code(), 8) + TextColumns.pad(e.nameZh(), 24) + e.nameEn() + (e.current() ? "" : "  [" + e.status() + "]"));
        }
        root.out.flush();
        return found.isEmpty() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private boolean matches(CodeEntry e) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String s = search.strip().toLowerCase(Locale.ROOT);
        return e.code().toLowerCase(Locale.ROOT).startsWith(s) || e.nameZh().contains(search.strip())
                || e.nameEn().toLowerCase(Locale.ROOT).contains(s);
    }
}
