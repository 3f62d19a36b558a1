package io.cebgw.core.problem;

/** What can go wrong with a transport: its configuration, and a send or receive that failed. */
public enum TransportProblem implements ProblemCode {
    TRANSIENT("CEB-T000", true, "传输暂时失败，稍后重试：%1$s", "transport failure, to be retried: %1$s"),
    MISSING_SETTING("CEB-T001", false, "传输配置（%1$s）缺少 %2$s", "the transport configuration (%1$s) lacks %2$s"),
    BAD_VALUE("CEB-T002", false, "传输配置 %1$s 应为%2$s，实为 %3$s", "the transport setting %1$s should be %2$s, not %3$s"),
    SECRET_ENV_UNSET("CEB-T003", false, "环境变量 %1$s 未设置（%2$s.env）", "the environment variable %1$s is not set (%2$s.env)"),
    CREDENTIALS_IN_ADDRESS("CEB-T004", false, "%1$s 中不得含用户名和密码：请用 %2$s", "%1$s must not carry credentials: use %2$s"),
    UNKNOWN_TYPE("CEB-T005", false, "未知的传输方式 %1$s（可用 %2$s）", "unknown transport %1$s (known: %2$s)"),
    JMS_FACTORY_MISSING("CEB-T006", false, "类路径上没有 JMS 连接工厂 %1$s（请把提供方的 Jakarta JMS 客户端放到 lib/）",
            "the JMS connection factory %1$s is not on the class path (put the provider's Jakarta JMS client in lib/)"),
    CURSOR_FILE("CEB-T007", false, "无法读取回执位置文件 %1$s", "cannot read the receipt position file %1$s"),
    TYPE_MISMATCH("CEB-T008", false, "--transport %1$s 与配置文件中的 type=%2$s 不符", "--transport %1$s does not match type=%2$s in the configuration file"),
    AS2_KEYSTORE_UNREADABLE("CEB-T009", false, "无法读取 AS2 密钥库 %1$s（密码是否正确？）", "cannot read the AS2 key store %1$s (is the password right?)"),
    UNREADABLE_CONFIGURATION("CEB-T010", false, "无法读取传输配置 %1$s", "cannot read the transport configuration %1$s"),
    NO_TYPE("CEB-T011", false, "传输配置 %1$s 缺少 type（%2$s）", "the transport configuration %1$s lacks type (%2$s)"),
    INVALID_CONFIGURATION("CEB-T028", false, "传输配置 %1$s 无效：%2$s", "the transport configuration %1$s is invalid: %2$s"),
    INLINE_SECRET("CEB-T012", false, "传输配置中不得直接写 %1$s：请写 %1$s.env 或 %1$s.file", "write %1$s.env or %1$s.file, never the secret %1$s itself"),
    SECRET_FILE_UNREADABLE("CEB-T013", false, "无法读取 %2$s.file %1$s", "cannot read %2$s.file %1$s"),
    SECRET_BOTH_WAYS("CEB-T014", false, "%1$s.env 和 %1$s.file 只能写一个", "write %1$s.env or %1$s.file, not both"),
    JMS_FACTORY_FAILED("CEB-T015", false, "无法创建 JMS 连接工厂 %1$s：%2$s", "cannot create the JMS connection factory %1$s: %2$s"),
    JMS_NOT_A_FACTORY("CEB-T016", false, "%1$s 不是 jakarta.jms.ConnectionFactory", "%1$s is not a jakarta.jms.ConnectionFactory"),
    JMS_FACTORY_PROPERTY("CEB-T017", false, "JMS 连接工厂属性 %1$s=%2$s 无效：%3$s", "the JMS connection factory property %1$s=%2$s is invalid: %3$s"),
    JMS_FACTORY_NO_PROPERTY("CEB-T018", false, "JMS 连接工厂 %1$s 没有属性 %2$s", "the JMS connection factory %1$s has no property %2$s"),
    AS2_NO_PRIVATE_KEY("CEB-T019", false, "%1$s 中没有私钥", "%1$s holds no private key"),
    CREDENTIALS_REFUSED("CEB-T020", false, "%1$s 拒绝了登录（用户名、密码或令牌错误）：%2$s", "%1$s refused the credentials (user, password or token): %2$s"),
    DESTINATION_UNKNOWN("CEB-T021", false, "%1$s 上没有队列或地址 %2$s：%3$s", "%1$s has no queue or address %2$s: %3$s"),
    MESSAGE_TOO_LARGE("CEB-T022", false, "报文 %1$s 过大（%2$s 字节），对方不接收：%3$s", "message %1$s is too large (%2$s bytes) for the peer: %3$s"),
    PEER_REFUSED("CEB-T023", false, "对方拒收 %1$s：%2$s", "the peer refused %1$s: %2$s"),
    AS2_NO_ENTRY("CEB-T024", false, "%1$s 中没有条目 %2$s", "%1$s has no entry %2$s"),
    AS2_CERTIFICATE_UNREADABLE("CEB-T025", false, "无法读取证书 %1$s", "cannot read the certificate %1$s"),
    AS2_KEY_UNUSABLE("CEB-T026", false, "AS2 本端密钥无法使用：%1$s", "the AS2 key of this end cannot be used: %1$s"),
    TRANSFER_NODE("CEB-T027", false, "传输节点配置需同时给出 transfer-sta-node（8 位数字）和 transfer-end-node（1 到 8 位数字）",
            "a transfer node needs both transfer-sta-node (8 digits) and transfer-end-node (1 to 8 digits)"),
    SECRET_UNKNOWN_WAY("CEB-T029", false, "不认识的设置 %1$s：密码只能写成 %2$s.file（文件）或 %2$s.env（环境变量）",
            "unknown setting %1$s: give the secret as %2$s.file (a file) or %2$s.env (an environment variable)");

    /*
     * HTTP status: a configuration mistake is refused with 422 where an API takes a transport profile; a failed send
     * or receive reaches an API only through the documents it keeps from going out (no status of its own).
     */
    private final ProblemSpec spec;

    TransportProblem(String code, boolean retryable, String zh, String en) {
        this.spec = new ProblemSpec(code, retryable || code.compareTo("CEB-T020") >= 0 ? 0 : 422, retryable, zh, en);
    }

    @Override
    public ProblemSpec spec() {
        return spec;
    }
}
