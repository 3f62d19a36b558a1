package io.cebgw.core.problem;

/**
 * What can go wrong with a key source (a file, an HSM, a vendor JCE, the E-Port card) and with signing a message.
 * These reach an API only inside a gateway problem (cannot sign, profile invalid): no HTTP status of their own.
 */
public enum SigningProblem implements ProblemCode {
    SETTING_MISSING("CEB-K001", false, "密钥配置（%1$s）缺少 %2$s", "the key configuration (%1$s) lacks %2$s"),
    SECRET_ENV_UNSET("CEB-K002", false, "环境变量 %1$s 未设置（应保存密码/PIN）", "environment variable %1$s is not set (it should hold the password or PIN)"),
    KEY_STORE_LOCKED("CEB-K003", false, "无法打开 %1$s（密码或 PIN 错误，或文件损坏）", "cannot open %1$s (wrong password or PIN, or a damaged file)"),
    NO_PRIVATE_KEY("CEB-K004", false, "%1$s 中没有私钥", "no private key in %1$s"),
    UNSUPPORTED_KEY("CEB-K005", false, "%1$s 的密钥算法 %2$s 不能用于 CEB 签名（只支持 SM2 和 RSA）", "the key algorithm %2$s of %1$s cannot sign CEB messages (SM2 and RSA only)"),
    PKCS11_MODULE("CEB-K006", false, "无法初始化 PKCS#11 模块 %1$s", "cannot initialise the PKCS#11 module %1$s"),
    CERTIFICATE_UNREADABLE("CEB-K007", false, "无法读取证书 %1$s（不是 PEM 或 DER 格式的 X.509 证书）", "cannot read the certificate %1$s (not an X.509 certificate in PEM or DER)"),
    CARD_CERTIFICATE_NUMBER("CEB-K008", false, "卡返回的证书编号 %1$s 与证书序列号 %2$s 不一致", "the card's certificate number %1$s differs from its certificate serial %2$s"),
    CARD_CLIENT_UNAVAILABLE("CEB-K009", true, "电子口岸客户端控件（%1$s）不可用：%2$s", "the E-Port card client (%1$s) is not usable: %2$s"),
    SIGNING_FAILED("CEB-K010", true, "签名失败（%1$s）：%2$s", "signing failed (%1$s): %2$s"),
    CARD_RATE_LIMIT("CEB-K011", true, "卡签名排队超时（已达每分钟签名上限）", "card signing queue is full (rate limit)"),
    KEY_FILE_MISSING("CEB-K012", false, "密钥文件不存在：%1$s", "key file not found: %1$s"),
    CONFIGURATION_UNREADABLE("CEB-K013", false, "无法读取密钥配置 %1$s", "cannot read the key configuration %1$s"),
    CONFIGURATION_NO_TYPE("CEB-K014", false, "密钥配置 %1$s 缺少 type（%2$s）", "the key configuration %1$s lacks type (%2$s)"),
    CONFIGURATION_INVALID("CEB-K015", false, "密钥配置 %1$s 无效：%2$s", "the key configuration %1$s is invalid: %2$s"),
    UNKNOWN_KEY_SOURCE("CEB-K016", false, "未知的密钥类型 %1$s（可选 %2$s）", "unknown key type %1$s (%2$s)"),
    CERTIFICATE_FILE_MISSING("CEB-K017", false, "证书文件不存在：%1$s", "certificate file not found: %1$s"),
    SECRET_FILE_UNREADABLE("CEB-K018", false, "无法读取密码文件 %1$s", "cannot read the password file %1$s"),
    NO_SUCH_ALIAS("CEB-K019", false, "%2$s 中没有别名为 %1$s 的私钥", "no private key with alias %1$s in %2$s"),
    ENTRY_INCOMPLETE("CEB-K020", false, "%2$s 的条目 %1$s 缺少私钥或 X.509 证书", "entry %1$s of %2$s lacks a private key or an X.509 certificate"),
    NO_CERTIFICATE("CEB-K021", false, "%1$s 中没有证书", "no certificate in %1$s"),
    SUITE_MISMATCH("CEB-K022", false, "配置的签名算法 %1$s 与密钥类型 %2$s 不符", "the configured suite %1$s does not fit the key (%2$s)"),
    JCA_PROVIDER_MISSING("CEB-K023", false, "无法加载 JCA 提供者 %1$s（类路径中缺少厂商 JAR？）", "cannot load the JCA provider %1$s (vendor jar missing from the class path?)"),
    JCA_PROVIDER_CONFIGURATION("CEB-K024", false, "JCA 提供者 %1$s 配置失败：%2$s", "the JCA provider %1$s rejected its configuration: %2$s"),
    CERTIFICATE_NOT_ENCODABLE("CEB-K025", false, "签名证书无法编码", "the signing certificate cannot be encoded"),
    PUBLIC_KEY_UNREADABLE("CEB-K026", false, "无法读取公钥 %1$s", "cannot read the public key %1$s"),
    TRUST_DIRECTORY("CEB-K027", false, "无法读取信任证书目录 %1$s", "cannot list the trust directory %1$s"),
    CARD_CERTIFICATE_UNREADABLE("CEB-K028", false, "卡返回的证书无法解析", "the card returned an unreadable certificate"),
    SECRET_BOTH_WAYS("CEB-K030", false, "%1$s.env 和 %1$s.file 只能写一个", "write %1$s.env or %1$s.file, not both"),
    NO_SIGNING_PROFILE("CEB-K029", false, "企业 %1$s 没有配置签名密钥", "enterprise %1$s has no signing profile"),
    SDF_LIBRARY("CEB-K031", false, "无法加载加密机接口库 %1$s（GM/T 0018 SDF）：%2$s", "cannot load the encryption machine's SDF library %1$s: %2$s"),
    SDF_DEVICE("CEB-K032", false, "加密机无法打开（%1$s）：%2$s；请检查设备地址和厂商配置文件", "the encryption machine cannot be opened (%1$s): %2$s; check its address and the vendor's configuration file"),
    SDF_PASSWORD("CEB-K033", false, "加密机拒绝了密钥索引 %1$s 的访问口令（%2$s）", "the encryption machine refused the password of key index %1$s (%2$s)"),
    SDF_NO_KEY("CEB-K034", false, "加密机中没有密钥索引 %1$s 的签名密钥（%2$s）", "the encryption machine holds no signing key at index %1$s (%2$s)"),
    SDF_KEY_MISMATCH("CEB-K035", false, "加密机密钥索引 %1$s 的公钥与证书 %2$s 不符：证书不是为这把密钥签发的", "the public key at index %1$s of the encryption machine is not that of the certificate %2$s"),
    SDF_CALL("CEB-K036", true, "加密机调用 %1$s 失败：%2$s", "the encryption machine call %1$s failed: %2$s"),
    SECRET_UNKNOWN_WAY("CEB-K037", false, "不认识的设置 %1$s：密码或 PIN 只能写成 %2$s.file（文件）或 %2$s.env（环境变量）",
            "unknown setting %1$s: give the password or PIN as %2$s.file (a file) or %2$s.env (an environment variable)"),
    // The message to sign
    NOT_WELL_FORMED("CEB-G001", false, "报文不是格式正确的 XML：%1$s", "the message is not well-formed XML: %1$s"),
    DTD("CEB-G002", false, "报文含 DOCTYPE/DTD，拒绝签名", "the message carries a DOCTYPE/DTD; refused"),
    NOT_A_CEB_MESSAGE("CEB-G003", false, "根元素 %1$s 不是 CEB 报文（命名空间应为 %2$s）", "root element %1$s is not a CEB message (namespace must be %2$s)"),
    ALREADY_SIGNED("CEB-G004", false, "报文已经签名（含 ds:Signature）；请对未签名的报文签名", "the message is already signed (it has a ds:Signature); sign the unsigned message"),
    ILLEGAL_CHARACTER("CEB-G005", false, "报文含 XML 不允许的字符：%1$s", "the message holds a character XML does not allow: %1$s"),
    NO_BUSINESS_MESSAGE("CEB-G006", false, "%1$s 不含可签名的业务报文", "%1$s carries no business message to sign");

    private final ProblemSpec spec;

    SigningProblem(String code, boolean retryable, String zh, String en) {
        this.spec = new ProblemSpec(code, 0, retryable, zh, en);
    }

    @Override
    public ProblemSpec spec() {
        return spec;
    }
}
