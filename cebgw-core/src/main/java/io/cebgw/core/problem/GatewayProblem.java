package io.cebgw.core.problem;

/** What the gateway's API, pages and import refuse, with the HTTP status they answer with. */
public enum GatewayProblem implements ProblemCode {
    // Documents
    DOCUMENT_JSON("GW-D001", 400, "报文 JSON 无效：%1$s（%2$s）", "invalid message JSON: %1$s (at %2$s)"),
    ONE_RECORD("GW-D002", 422, "每个单证只能是一条申报记录（%1$s 含 %2$s 条）", "a document is one declaration record (%1$s has %2$s)"),
    NOT_VALID("GW-D003", 422, "校验未通过，不能申报（%1$s 个错误）", "the document has %1$s errors and cannot be declared"),
    KEY_EXISTS("GW-D004", 409, "已存在相同业务编号的%1$s（%2$s），修改请用 appType=2", "a %1$s with the key %2$s exists; use appType 2 to modify it"),
    ALREADY_DECLARED("GW-D005", 409, "该单证已申报", "the document has already been declared"),
    NOTHING_TO_CHANGE("GW-D006", 422, "没有可%1$s的%2$s %3$s", "no %2$s %3$s to %1$s"),
    CONCLUDED("GW-D007", 422, "%1$s %2$s 已审结，不能修改或删除", "%1$s %2$s is concluded and cannot be changed"),
    BAD_APP_TYPE("GW-D008", 422, "appType 只能是 1、2、3", "appType must be 1, 2 or 3"),
    CANNOT_SIGN("GW-D010", 503, "网关现在无法为该企业签名：%1$s", "the gateway cannot sign for this enterprise now: %1$s"),
    CANNOT_ROUTE("GW-D011", 503, "该企业的传输配置无法使用：%1$s", "this enterprise's transport profile cannot be used: %1$s"),
    NOT_YOUR_SENDER("GW-D403", 403, "单证的%1$s是 %2$s：既不是本企业（%3$s），也不是本企业登记可代为申报的企业；请在“企业与接入”中登记代理关系",
            "the document's %1$s is %2$s: neither this enterprise (%3$s) nor one it is registered to declare for; register the relationship first"),
    NO_SUCH_DOCUMENT("GW-D404", 404, "没有这个单证：%1$s", "no such document: %1$s"),
    STAGE_NOT_REACHED("GW-D409", 404, "该单证还没有这一阶段的报文（未申报）", "the document has not reached this stage (not declared)"),
    // Shipments
    SHIPMENT_JSON("GW-S001", 400, "货物 JSON 格式错误：%1$s", "invalid shipment JSON: %1$s"),
    SHIPMENT_SHAPE("GW-S002", 400, "需要 tradeMode（9610/9710/9810/1210）和 documents 数组", "tradeMode (9610/9710/9810/1210) and a documents array are required"),
    SHIPMENT_MISMATCH("GW-S003", 422, "货物的单证之间不一致（%1$s 个错误，见 findings），未创建任何单证",
            "the shipment's documents do not agree with each other (%1$s errors, see findings); nothing was created"),
    NO_SUCH_SHIPMENT("GW-S404", 404, "没有这个货物：%1$s", "no such shipment: %1$s"),
    // Enterprises and users (admin API)
    ENTERPRISE_FIELDS("GW-E001", 400, "需要 name、customsCode 和 dxpId（≤16 位字母数字）", "name, customsCode and dxpId (up to 16 letters or digits) are required"),
    DXPID_TAKEN("GW-E002", 409, "DXPID %1$s 已登记；要修改该企业，请用 PATCH /admin/v1/enterprises/%1$s（或在“企业与接入”页面修改）",
            "DXPID %1$s is already registered; to change that enterprise, PATCH /admin/v1/enterprises/%1$s (or use the enterprise page)"),
    ACTS_FOR_FIELDS("GW-E007", 422, "企业代码须为 10 位海关编码或 18 位统一社会信用代码（实为“%1$s”），kind 须为 AGENT、PLATFORM、LOGISTICS 或 PARTNER",
            "the code must be a 10-character customs code or an 18-character credit code (not \"%1$s\"), kind AGENT, PLATFORM, LOGISTICS or PARTNER"),
    NO_SUCH_ACTS_FOR("GW-E008", 404, "企业 %1$s 没有登记代为申报 %2$s", "enterprise %1$s is not registered to declare for %2$s"),
    USER_SCOPE("GW-E003", 400, "需要 dxpId（企业用户）或 manages（平台管理员管理的企业）",
            "dxpId (an enterprise user) or manages (a platform administrator's enterprises) is required"),
    USERNAME_FORMAT("GW-E004", 400, "用户名须为 3 到 64 位字母、数字或 . _ @ -", "a user name is 3 to 64 letters, digits or . _ @ -"),
    USER_ROLE("GW-E009", 400, "role 须为 USER（企业管理员）、DECLARANT（申报员）或 VIEWER（只读），实为“%1$s”",
            "role must be USER (the enterprise's administrator), DECLARANT or VIEWER, not \"%1$s\""),
    USERNAME_TAKEN("GW-E005", 409, "用户名 %1$s 已存在", "the user name %1$s is taken"),
    ENTERPRISE_PROFILE("GW-E006", 422, "企业配置无效：%1$s", "the enterprise's profile is invalid: %1$s"),
    WRONG_ADMIN_KEY("GW-E401", 401, "管理密钥错误（X-Admin-Key）", "wrong admin key (X-Admin-Key)"),
    ADMIN_OFF("GW-E403", 403, "未配置管理密钥（cebgw.admin-key），管理接口已关闭", "no admin key is configured (cebgw.admin-key): the admin API is off"),
    NO_SUCH_ENTERPRISE("GW-E404", 404, "没有 DXPID 为 %1$s 的企业", "no enterprise has the DXPID %1$s"),
    // Requests the API cannot take as they are
    API_KEY("GW-A001", 401, "需要有效的 API 密钥（X-Api-Key）", "a valid API key is required (X-Api-Key)"),
    API_SCOPE("GW-A403", 403, "该 API 密钥（%1$s）没有 %2$s 权限", "this API key (%1$s) lacks the %2$s scope"),
    API_KEY_FIELDS("GW-A020", 422, "需要 name（1 到 100 个字符）和 scopes（read、declare、admin 中的一个或多个）；expiresAt 须为将来的时间（ISO-8601）",
            "name (1 to 100 characters) and scopes (one or more of read, declare, admin) are needed; expiresAt must be a future ISO-8601 instant"),
    NO_SUCH_KEY("GW-A024", 404, "没有这个 API 密钥：%1$s", "no such API key: %1$s"),
    BAD_PARAMETER("GW-A010", 400, "参数 %1$s 的值“%2$s”无效（应为%3$s）", "parameter %1$s has an invalid value \"%2$s\" (expected %3$s)"),
    NO_BODY("GW-A011", 400, "请求体为空或无法读取", "the request body is empty or cannot be read"),
    BAD_HEADER("GW-A012", 400, "请求头含不允许的字符（例如中文）：请求头只能用 ASCII 字符，密钥请只用字母和数字",
            "a request header holds characters HTTP does not allow (such as Chinese): headers are ASCII, keys letters and digits"),
    BAD_REQUEST("GW-A400", 400, "请求无效：%1$s", "bad request: %1$s"),
    NOT_FOUND("GW-A404", 404, "没有这个地址", "no such address"),
    METHOD_NOT_ALLOWED("GW-A405", 405, "该地址不接受这种请求方法", "this address does not take this method"),
    NOT_ACCEPTABLE("GW-A406", 406, "无法以所要求的格式回答", "cannot answer in the format asked for"),
    TOO_LARGE("GW-A413", 413, "请求体过大", "the request body is too large"),
    MEDIA_TYPE("GW-A415", 415, "只接受 application/json 或 application/xml", "send application/json or application/xml"),
    INTERNAL("GW-A500", 500, "内部错误（已记录）", "internal error (logged)"),
    // Excel import
    IMPORT_UNREADABLE("GW-X001", 400, "无法读取导入文件：%1$s", "cannot read the import file: %1$s"),
    IMPORT_NOT_THE_TEMPLATE("GW-X002", 400, "不是 %1$s 的导入模板：第 %2$s 列表头应为“%3$s”，实为“%4$s”（请下载模板）",
            "not the %1$s import template: column %2$s should be headed \"%3$s\", not \"%4$s\" (download the template)"),
    IMPORT_KEY_REPEATED("GW-X003", 422, "业务编号 %1$s 在前面已出现：同一单证的行须相邻，不同单证的编号不能相同",
            "the business number %1$s appeared before: rows of one document are adjacent, and numbers are unique"),
    IMPORT_NOT_KEPT("GW-X005", 500, "上传的文件无法暂存读取", "the upload could not be kept for reading"),
    IMPORT_TOO_LARGE("GW-X006", 413, "文件超过 %1$s MB，请拆分为多个文件上传", "the file is larger than %1$s MB; split it into several files"),
    // The regional HTTP gateway's receiving end (the peer side of the http transport)
    WEBHOOK_JSON("GW-W001", 400, "Webhook 订阅 JSON 格式错误：%1$s", "invalid webhook subscription JSON: %1$s"),
    WEBHOOK_URL("GW-W002", 422, "url 须为以 http:// 或 https:// 开头的完整地址（不含用户名和密码，最长 2000 个字符），实为“%1$s”",
            "url must be a full http:// or https:// address (no user or password, up to 2000 characters), not \"%1$s\""),
    WEBHOOK_EVENTS("GW-W003", 422, "events 须是以下事件中的一个或多个（或 *）：%1$s", "events must list one or more of (or *): %1$s"),
    WEBHOOK_SECRET("GW-W004", 422, "secret 须为 16 到 200 个字符（不填则由网关生成）", "secret must be 16 to 200 characters (leave it out and the gateway makes one)"),
    WEBHOOK_LIMIT("GW-W005", 422, "每个企业最多 %1$s 个 Webhook 订阅", "an enterprise has at most %1$s webhook subscriptions"),
    WEBHOOK_NOT_DONE("GW-W006", 409, "该投递仍在队列中，会自动重试，无需重放", "the delivery is still queued and will be retried; there is nothing to replay"),
    NO_SUCH_WEBHOOK("GW-W404", 404, "没有这个 Webhook 订阅：%1$s", "no such webhook subscription: %1$s"),
    NO_SUCH_DELIVERY("GW-W414", 404, "该订阅没有这次投递：%1$s", "this subscription has no delivery %1$s"),

    METRICS_TOKEN("GW-M401", 401, "需要 Authorization: Bearer <cebgw.metrics-token>", "Authorization: Bearer <cebgw.metrics-token> is needed"),
    METRICS_OFF("GW-M403", 403, "未配置 cebgw.metrics-token，指标与健康详情已关闭（存活与就绪检查不受影响）",
            "no cebgw.metrics-token is configured: metrics and health details are off (liveness and readiness still answer)"),

    HTTP_BAD_BODY("GW-H400", 400, "请求无效：%1$s", "bad request: %1$s"),
    HTTP_TOKEN("GW-H401", 401, "令牌错误或缺失（Authorization: Bearer …）", "missing or wrong token (Authorization: Bearer …)"),
    HTTP_POST_ONLY("GW-H405", 405, "只接受 POST", "POST only"),
    HTTP_TOO_LARGE("GW-H413", 413, "报文超过 %1$s 字节", "the message exceeds %1$s bytes"),
    HTTP_NOT_RECEIVING("GW-H503", 503, "暂时无法接收，请稍后重发", "cannot take the message now; send it again later");

    /*
     * Retry: only a receiving end that cannot take a message now (GW-H503) is worth asking again unchanged; a gateway
     * that cannot sign or route for an enterprise (503 too) waits for a person to mend its configuration.
     */
    private final ProblemSpec spec;

    GatewayProblem(String code, int httpStatus, String zh, String en) {
        this.spec = new ProblemSpec(code, httpStatus, "GW-H503".equals(code), zh, en);
    }

    @Override
    public ProblemSpec spec() {
        return spec;
    }
}
