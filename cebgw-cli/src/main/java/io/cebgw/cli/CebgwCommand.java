package io.cebgw.cli;

import io.cebgw.core.problem.CommandProblem;
import io.cebgw.core.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The top command; {@link #run} is what the runnable jar calls. */
@Command(name = "cebgw",
        mixinStandardHelpOptions = true,
        versionProvider = CebgwCommand.Version.class,
        description = {
                "CEB Gateway — 跨境电商 B2B 出口（9710/9810，及 9610/1210）报文工具 / cross-border e-commerce export message tool.",
                ""},
        subcommands = {ExampleCommand.class, ValidateCommand.class, WrapCommand.class, UnwrapCommand.class,
                SignCommand.class, VerifyCommand.class, KeygenCommand.class, CsrCommand.class, CertCommand.class,
                SandboxCommand.class, CodesCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"",
                "Examples / 示例:",
                "  ./cebgw example CEB603 --trade-mode 9710 > list.xml      9710 申报清单模板 / a 9710 declaration list",
                "  ./cebgw example CEB303 --order-type W                    海外仓订仓单 / an overseas-warehouse booking",
                "  ./cebgw validate list.xml order.xml                      校验（多文件时交叉校验）/ validate, cross-checking the files",
                "  ./cebgw validate --json --schema-dir ../shared/ceb-spec/202205/xsd list.xml",
                "  ./cebgw example CEB603 | ./cebgw validate -              从标准输入读取 / read standard input",
                "  ./cebgw wrap list.xml --sender DXPENT0000012345 > list.dxp.xml",
                "  ./cebgw unwrap list.dxp.xml                              取出业务报文 / extract the business message",
                "  ./cebgw keygen --alg sm2 --subject \"CN=Test,C=CN\" -o key.p12 --cert-out cert.pem",
                "  ./cebgw sign list.xml --key key.p12 -o signed.xml         加签（密码取自 CEBGW_KEY_PASSWORD）/ sign",
                "  ./cebgw verify signed.xml --trust cert.pem               验签 / verify",
                "  ./cebgw csr --key key.p12 -o req.csr                     证书请求 / certificate request",
                "  ./cebgw cert show cert.pem                               查看证书 / show a certificate",
                "  ./cebgw sandbox selftest                                 联调自测 / joint-test self-test",
                "",
                "Exit codes / 退出码: 0 ok, 1 findings (validate) or invalid signature (verify), 2 unreadable input or bad arguments, 3 internal error.",
                "Language / 语言: --lang zh|en, or CEBGW_LANG=en."})
public final class CebgwCommand implements Runnable {
    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "zh|en",
            description = "输出语言 / output language (default: zh, or CEBGW_LANG)")
    String lang;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "出错时打印堆栈 / print stack traces of internal errors")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where commands write their results (bytes, so XML keeps its exact encoding) and their one-line errors. */
    public PrintStream out = System.out;
    public PrintStream err = System.err;

    /** Prints a one-line error to standard error. */
    public void error(String zh, String en) {
        err.println("cebgw: " + language().pick(zh, en));
    }

    /**
     * Takes the operator's code-table file named by {@code CEBGW_CODE_TABLES} (or {@code -Dcebgw.code-tables}) before
     * any command runs; a bad file is refused on one line with the line at fault (exit 2). Null when all is well.
     */
    Integer configureCodeTables() {
        String file = System.getProperty("cebgw.code-tables", System.getenv("CEBGW_CODE_TABLES"));
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            io.cebgw.core.codes.CodeTables.configure(java.nio.file.Path.of(file));
            return null;
        } catch (io.cebgw.core.codes.CodeTableException e) {
            error(e.problem().describe(java.util.Locale.CHINA), e.problem().describe(java.util.Locale.ENGLISH));
            return ExitCode.UNREADABLE;
        }
    }

    /** Prints why a file could not be read, on one line. */
    void unreadable(String file, io.cebgw.core.xml.CebReadException e) {
        err.println("cebgw: " + file + ": " + e.describe(language().locale()));
    }

    /** Reads a command's input file (or standard input for "-"); when it cannot, says why on one line and returns null. */
    byte[] readInput(String file) {
        try {
            return Input.read(file, io.cebgw.core.xml.XmlLimits.DEFAULT);
        } catch (io.cebgw.core.xml.CebReadException e) {
            unreadable(file, e);
            return null;
        }
    }

    public Language language() {
        if (lang == null) {
            return Language.fromEnvironment();
        }
        return lang.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? Language.EN : Language.ZH;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new Object[0]);
    }

    /**
     * Runs the command line with more subcommands (the runnable jar adds {@code serve} and {@code demo}, which need the
     * server that the CLI module does not depend on).
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Object... extraSubcommands) {
        CommandLine cli = commandLine(out, err, extraSubcommands);
        CebgwCommand root = cli.getCommand();
        root.lang = languageOption(args);
        String unknown = unknownCommand(cli, args);
        if (unknown != null) {
            return root.badArguments(cli, CommandProblem.UNKNOWN_COMMAND.with(unknown),
                    new CommandLine.UnmatchedArgumentException(cli, java.util.List.of(unknown)).getSuggestions());
        }
        Integer refused = root.configureCodeTables();
        if (refused != null) {
            return refused;
        }
        root.lang = null; // picocli sets it again from the same words
        return cli.execute(args);
    }

    /**
     * The command line as {@link #run} executes it — every command, its handlers for bad arguments and internal errors —
     * without running it (the documentation test parses every documented command with it).
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err, Object... extraSubcommands) {
        CebgwCommand root = new CebgwCommand();
        root.out = out;
        root.err = err;
        CommandLine cli = new CommandLine(root);
        for (Object sub : extraSubcommands) {
            cli.addSubcommand(sub);
        }
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String what = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
            commandLine.getErr().println("cebgw: " + root.language().pick("内部错误（请报告此问题）：", "internal error (please report it): ") + what);
            if (root.debug) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ExitCode.INTERNAL;
        });
        cli.setParameterExceptionHandler((ex, args1) -> root.badArguments(ex.getCommandLine(), problemOf(ex),
                ex instanceof CommandLine.UnmatchedArgumentException unmatched ? unmatched.getSuggestions() : java.util.List.of()));
        return cli;
    }

    /** A bad command line as a problem: its own when a command raised one, else picocli's words under CEB-U002. */
    private static Problem problemOf(CommandLine.ParameterException e) {
        return e instanceof ProblemParameterException p ? p.problem : CommandProblem.BAD_ARGUMENTS.with(e.getMessage());
    }

    /** A command's refusal of its arguments with a problem code (exit code 2). */
    public static final class ProblemParameterException extends CommandLine.ParameterException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        public ProblemParameterException(CommandLine commandLine, Problem problem) {
            super(commandLine, problem.en());
            this.problem = problem;
        }
    }

    /** The value of {@code --lang} when the words hold one (read before picocli, for the unknown-command message). */
    private static String languageOption(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if ("--lang".equals(args[i])) {
                return args[i + 1];
            }
        }
        return null;
    }

    /** Says what is wrong with the command line (code and words), the nearest valid words, and where the usage is; exit 2. */
    private int badArguments(CommandLine c, Problem problem, java.util.List<String> suggestions) {
        c.getErr().println("cebgw: " + problem.describe(language().locale()));
        if (!suggestions.isEmpty()) {
            c.getErr().println(language().pick("您是否想用：", "Did you mean: ") + String.join(", ", suggestions));
        }
        c.getErr().println(language().pick("用法见：", "See: ") + c.getCommandSpec().qualifiedName() + " --help");
        return ExitCode.UNREADABLE;
    }

    /**
     * The first word of the command line when it names no command (picocli would let {@code cebgw doctor --help} print
     * the main usage and exit 0); null when the line starts with a command or an option.
     */
    public static String unknownCommand(CommandLine cli, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("--lang".equals(a)) {
                i++;
                continue;
            }
            if (a.startsWith("-")) {
                continue;
            }
            return cli.getSubcommands().containsKey(a) ? null : a;
        }
        return null;
    }

    /** Prints the version from the jar manifest (or "dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CebgwCommand.class.getPackage().getImplementationVersion();
            return new String[] {"cebgw " + (v == null ? "dev" : v) + " (CEB spec 202205)"};
        }
    }
}
