package io.cebgw.core.problem;

/** A user's code-table file that cannot be used (checked at start: the gateway, the sandbox and the command line refuse it). */
public enum CodeTableProblem implements ProblemCode {
    UNREADABLE("CEB-N001", "无法读取代码表文件 %1$s：%2$s", "cannot read the code-table file %1$s: %2$s"),
    BAD_LINE("CEB-N002", "代码表文件 %1$s 第 %2$s 行：%3$s", "code-table file %1$s, line %2$s: %3$s"),
    UNKNOWN_TABLE("CEB-N003", "没有代码表 %1$s（可用：%2$s）", "no code table %1$s (there are: %2$s)");

    private final ProblemSpec spec;

    CodeTableProblem(String code, String zh, String en) {
        this.spec = new ProblemSpec(code, 0, false, zh, en);
    }

    @Override
    public ProblemSpec spec() {
        return spec;
    }
}
