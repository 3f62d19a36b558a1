package io.cebgw.core.problem;

/** What the command line refuses before any work starts (exit code 2). */
public enum CommandProblem implements ProblemCode {
    UNKNOWN_COMMAND("CEB-U001", "没有这个命令：%1$s", "no such command: %1$s"),
    BAD_ARGUMENTS("CEB-U002", "参数有误：%1$s", "bad arguments: %1$s"),
    SPRING_SETTING("CEB-U003", "Spring 配置应写作 --名称=值：%1$s", "a Spring setting is written --name=value: %1$s"),
    CONFIG_FILE("CEB-U004", "配置文件 %1$s 不存在或无法读取", "the configuration file %1$s does not exist or cannot be read");

    private final ProblemSpec spec;

    CommandProblem(String code, String zh, String en) {
        this.spec = new ProblemSpec(code, 0, false, zh, en);
    }

    @Override
    public ProblemSpec spec() {
        return spec;
    }
}
