package io.cebgw.cli;

import io.cebgw.core.codec.CebReader;
import io.cebgw.core.codec.ReadResult;
import io.cebgw.core.codes.CodeTables;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.validation.CrossDocumentRules;
import io.cebgw.core.finding.Finding;
import io.cebgw.core.validation.MessageValidator;
import io.cebgw.core.finding.Severity;
import io.cebgw.core.validation.ValidationReport;
import io.cebgw.core.validation.XsdCheck;
import io.cebgw.core.xml.CebReadException;
import io.cebgw.core.xml.XmlLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
        description = {"校验报文（裸报文或 DxpMsg/DxpMsgSv 中的报文），一次列出全部问题 /",
                "validate messages (bare or inside DxpMsg/DxpMsgSv), listing every finding at once."},
        footer = {"", "Exit codes / 退出码: 0 无错误 no errors (warnings allowed), 1 有错误 errors found, 2 无法读取 unreadable or unsafe input.",
                "Several files are also checked against each other, as customs compares them (单证比对): order/booking ↔ list ↔ waybill,",
                "总分单/arrival/departure/cancel/summary ↔ the lists they name; each such finding shows its other end after ↔.",
                "", "Examples / 示例:",
                "  ./cebgw validate CEB603Message.xml",
                "  ./cebgw validate --json list.xml order.xml waybill.xml",
                "  ./cebgw validate --schema-dir ../shared/ceb-spec/202205/xsd list.xml   加做官方 XSD 校验 / also check the official XSD"})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    CebgwCommand root;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "报文文件，- 表示标准输入 / message files, - for standard input")
    List<String> files;

    @Option(names = "--json", description = "JSON 输出 / print JSON for machines")
    boolean json;

    @Option(names = "--schema-dir", paramLabel = "DIR",
            description = "官方 XSD 目录（可选，也可设 CEBGW_SCHEMA_DIR）/ directory of the official XSDs (optional; or CEBGW_SCHEMA_DIR)")
    Path schemaDir;

    @Option(names = "--max-size", paramLabel = "BYTES", defaultValue = "" + XmlLimits.DEFAULT_MAX_BYTES,
            description = "单个文件大小上限 / largest file accepted (default ${DEFAULT-VALUE} bytes)")
    long maxSize;

    /** What became of one file. */
    private record Outcome(String file, ReadResult read, ValidationReport report, CebReadException error) {
    }

    @Override
    public Integer call() {
        Path dir = schemaDir != null ? schemaDir : envSchemaDir();
        if (dir != null && !Files.isDirectory(dir)) {
            root.error("XSD 目录不存在：" + dir, "schema directory not found: " + dir);
            return ExitCode.UNREADABLE;
        }
        if (maxSize <= 0) {
            root.error("--max-size 必须为正数", "--max-size must be positive");
            return ExitCode.UNREADABLE;
        }
        XmlLimits limits = new XmlLimits(maxSize, XmlLimits.DEFAULT_MAX_DEPTH);
        MessageValidator validator = new MessageValidator(CodeTables.standard(), dir == null ? null : new XsdCheck(dir));
        CebReader reader = new CebReader(limits);
        List<Outcome> outcomes = new ArrayList<>();
        List<CebMessage> messages = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String file : files) {
            try {
                ReadResult read = reader.read(Input.read(file, limits));
                outcomes.add(new Outcome(file, read, validator.validate(read), null));
                messages.add(read.message());
                sources.add(file);
            } catch (CebReadException e) {
                outcomes.add(new Outcome(file, null, null, e));
            }
        }
        if (messages.size() > 1) {
            crossCheck(outcomes, messages, new CrossDocumentRules().checkEach(messages, sources));
        }
        if (json) {
            printJson(outcomes, root.out);
        } else {
            printText(outcomes, root.out);
        }
        return exitCode(outcomes);
    }

    /** Attaches the findings across documents to the file they concern (the other end is in each finding's linkedPath). */
    private static void crossCheck(List<Outcome> outcomes, List<CebMessage> messages, List<List<Finding>> cross) {
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            int index = o.read() == null ? -1 : messages.indexOf(o.read().message());
            if (index >= 0 && !cross.get(index).isEmpty()) {
                outcomes.set(i, new Outcome(o.file(), o.read(), o.report().plus(cross.get(index)), null));
            }
        }
    }

    private static Path envSchemaDir() {
        String env = System.getenv("CEBGW_SCHEMA_DIR");
        if (env == null || env.isBlank()) {
            env = System.getProperty("cebgw.schema-dir");
        }
        return env == null || env.isBlank() ? null : Path.of(env);
    }

    private static int exitCode(List<Outcome> outcomes) {
        int code = ExitCode.OK;
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                return ExitCode.UNREADABLE;
            }
            if (!o.report().valid()) {
                code = ExitCode.FINDINGS;
            }
        }
        return code;
    }

    private void printText(List<Outcome> outcomes, PrintStream out) {
        Language lang = root.language();
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                root.unreadable(o.file(), o.error());
                out.println(o.file() + "  " + lang.pick("无法读取", "UNREADABLE") + "  " + o.error().describe(lang.locale()));
                continue;
            }
            ValidationReport r = o.report();
            var type = o.read().message().type();
            String envelope = o.read().envelope() == null ? "" : " (" + o.read().envelope().rootName() + ")";
            out.println(o.file() + "  " + type.rootName() + " " + lang.pick(type.zh(), type.en()) + envelope + "  "
                    + (r.valid() ? lang.pick("通过", "VALID") : lang.pick("不通过", "INVALID")) + "  "
                    + lang.pick(r.count(Severity.ERROR) + " 个错误，" + r.count(Severity.WARNING) + " 个警告，" + r.count(Severity.INFO) + " 个提示",
                    r.count(Severity.ERROR) + " errors, " + r.count(Severity.WARNING) + " warnings, " + r.count(Severity.INFO) + " notes"));
            for (Finding f : r.findings()) {
                out.println("  " + TextColumns.pad(lang.pick(f.severity().zh(), f.severity().en()), 8) + TextColumns.pad(f.code(), 10) + f.message(lang.locale()));
                out.println("  " + " ".repeat(18) + f.path());
                if (f.linkedPath() != null) {
                    out.println("  " + " ".repeat(18) + "↔ " + f.linkedPath());
                }
            }
        }
        out.flush();
    }

    private static void printJson(List<Outcome> outcomes, PrintStream out) {
        StringBuilder b = new StringBuilder("{\"files\":[");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"file\":").append(JsonText.quote(o.file()));
            if (o.error() != null) {
                b.append(",\"readable\":false,\"valid\":false,\"error\":{\"code\":").append(JsonText.quote(o.error().error().code()))
                        .append(",\"line\":").append(o.error().line())
                        .append(",\"message_zh\":").append(JsonText.quote(o.error().describe(Language.ZH.locale())))
                        .append(",\"message_en\":").append(JsonText.quote(o.error().describe(Language.EN.locale()))).append("}}");
                continue;
            }
            b.append(",\"readable\":true,\"messageType\":").append(JsonText.quote(o.read().message().type().rootName()))
                    .append(",\"envelope\":").append(o.read().envelope() == null ? "null" : JsonText.quote(o.read().envelope().rootName()))
                    .append(",\"valid\":").append(o.report().valid())
                    .append(",\"findings\":[");
            List<Finding> findings = o.report().findings();
            for (int j = 0; j < findings.size(); j++) {
                Finding f = findings.get(j);
                if (j > 0) {
                    b.append(',');
                }
                b.append("{\"code\":").append(JsonText.quote(f.code()))
                        .append(",\"severity\":").append(JsonText.quote(f.severity().name()))
                        .append(",\"path\":").append(JsonText.quote(f.path()))
                        .append(",\"linkedPath\":").append(f.linkedPath() == null ? "null" : JsonText.quote(f.linkedPath()))
                        .append(",\"message_zh\":").append(JsonText.quote(f.messageZh()))
                        .append(",\"message_en\":").append(JsonText.quote(f.messageEn())).append('}');
            }
            b.append("]}");
        }
        b.append("]}");
        out.println(b);
        out.flush();
    }
}
