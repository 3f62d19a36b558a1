package io.cebgw.core.finding;

/**
 * Every finding the validator can report: a stable code, a default severity and the message in zh-CN and en.
 * Messages take positional arguments ({@code %1$s}, {@code %2$s} …). Codes are never reused for another meaning.
 */
public enum FindingCode {
    // Structure: what the XSD's content model decides.
    UNKNOWN_ELEMENT("CEB-S001", Severity.ERROR,
            "%2$s 下不应出现元素 %1$s（规范未定义）",
            "Element %1$s is not defined under %2$s"),
    ELEMENT_ORDER("CEB-S002", Severity.ERROR,
            "元素顺序错误：%1$s 应排在 %2$s 之前",
            "Elements out of order: %1$s must come before %2$s"),
    DUPLICATE_FIELD("CEB-S003", Severity.ERROR,
            "字段 %1$s 重复出现",
            "Field %1$s occurs more than once"),
    TOO_FEW("CEB-S004", Severity.ERROR,
            "%1$s（%2$s）至少应出现 %3$s 次，实际 %4$s 次",
            "%1$s (%2$s) must occur at least %3$s times, found %4$s"),
    TOO_MANY("CEB-S005", Severity.ERROR,
            "%1$s（%2$s）最多出现 %3$s 次，实际 %4$s 次",
            "%1$s (%2$s) may occur at most %3$s times, found %4$s"),
    UNEXPECTED_CONTENT("CEB-S006", Severity.ERROR,
            "%1$s 中有不允许的内容：%2$s",
            "%1$s contains content that is not allowed: %2$s"),
    ROOT_ATTRIBUTE("CEB-S007", Severity.ERROR,
            "根元素属性 %1$s 无效：%2$s",
            "Root attribute %1$s is invalid: %2$s"),
    SIGNATURE_COUNT("CEB-S008", Severity.ERROR,
            "报文中有 %1$s 个签名节点，最多允许 1 个",
            "The message has %1$s signatures; at most one is allowed"),
    ELEMENT_NOT_ALLOWED_HERE("CEB-S009", Severity.ERROR,
            "%2$s 报文不应包含 %1$s",
            "A %2$s message must not contain %1$s"),

    // Fields: formats, lengths, required flags.
    REQUIRED("CEB-F001", Severity.ERROR,
            "缺少必填字段 %2$s（%1$s）",
            "Required field %1$s (%2$s) is missing"),
    EMPTY("CEB-F002", Severity.ERROR,
            "必填字段 %2$s（%1$s）为空",
            "Required field %1$s (%2$s) is empty"),
    TOO_LONG("CEB-F003", Severity.ERROR,
            "%2$s（%1$s）长度为 %3$s，超过上限 %4$s",
            "%1$s (%2$s) is %3$s characters long, more than the maximum %4$s"),
    TOO_SHORT("CEB-F004", Severity.ERROR,
            "%2$s（%1$s）长度为 %3$s，应至少 %4$s 位",
            "%1$s (%2$s) is %3$s characters long, less than the minimum %4$s"),
    NOT_DECIMAL("CEB-F005", Severity.ERROR,
            "%2$s（%1$s）应为数值（整数位与小数位合计不超过 %4$s 位，小数不超过 %5$s 位），实际为“%3$s”",
            "%1$s (%2$s) must be a number of at most %4$s digits with at most %5$s decimals, found \"%3$s\""),
    NOT_INTEGER("CEB-F006", Severity.ERROR,
            "%2$s（%1$s）应为不超过 %4$s 位的整数，实际为“%3$s”",
            "%1$s (%2$s) must be a whole number of at most %4$s digits, found \"%3$s\""),
    FIXED_VALUE("CEB-F007", Severity.ERROR,
            "%2$s（%1$s）只能填写“%4$s”，实际为“%3$s”",
            "%1$s (%2$s) must be \"%4$s\", found \"%3$s\""),
    BAD_DATETIME("CEB-F008", Severity.ERROR,
            "%2$s（%1$s）应为有效时间，格式 %4$s，实际为“%3$s”",
            "%1$s (%2$s) must be a valid time in the format %4$s, found \"%3$s\""),
    GUID_FORMAT("CEB-F009", Severity.WARNING,
            "%2$s（%1$s）应为 36 位大写 UUID，实际为“%3$s”",
            "%1$s (%2$s) should be a 36-character upper-case UUID, found \"%3$s\""),
    SPEC_FORMAT("CEB-F010", Severity.WARNING,
            "%2$s（%1$s）不符合规范格式 %4$s：“%3$s”（XSD 不校验此项，海关可能退单）",
            "%1$s (%2$s) does not match the spec format %4$s: \"%3$s\" (the XSD does not check this; customs may reject it)"),
    SPEC_REQUIRED("CEB-F011", Severity.WARNING,
            "规范要求填写 %2$s（%1$s）（XSD 允许为空，海关可能退单）",
            "The spec requires %1$s (%2$s) although the XSD makes it optional; customs may reject the message"),
    SURROUNDING_SPACE("CEB-F012", Severity.WARNING,
            "%2$s（%1$s）首尾含有空白字符",
            "%1$s (%2$s) has leading or trailing white space"),
    INVALID_CHARACTER("CEB-F014", Severity.ERROR,
            "%2$s（%1$s）含有 XML 不允许的控制字符",
            "%1$s (%2$s) contains control characters that XML does not allow"),
    NEGATIVE_AMOUNT("CEB-F013", Severity.ERROR,
            "%2$s（%1$s）不能为负数：“%3$s”",
            "%1$s (%2$s) must not be negative: \"%3$s\""),
    GCODE_DIGITS("CEB-F015", Severity.ERROR,
            "%2$s（%1$s）应为 10 位数字（8 位税则号列 + 2 位附加码），实际为“%3$s”",
            "%1$s (%2$s) must be 10 digits (the 8-digit tariff number and 2 more), found \"%3$s\""),
    PACK_NO_POSITIVE("CEB-F016", Severity.ERROR,
            "%2$s（%1$s）至少为 1，实际为“%3$s”",
            "%1$s (%2$s) must be at least 1, found \"%3$s\""),

    // Codes from the spec and the national code tables.
    CODE_UNKNOWN("CEB-C001", Severity.ERROR,
            "%2$s（%1$s）的值“%3$s”不在%4$s中",
            "%1$s (%2$s): \"%3$s\" is not a code of %4$s"),
    CODE_NOT_IN_PARTIAL_TABLE("CEB-C002", Severity.WARNING,
            "%2$s（%1$s）的值“%3$s”不在本系统收录的%4$s中（该表不完整，请核对）",
            "%1$s (%2$s): \"%3$s\" is not in our copy of %4$s (that table is incomplete; please check the code)"),
    CODE_NOT_CURRENT("CEB-C003", Severity.WARNING,
            "%2$s（%1$s）的值“%3$s”在%4$s中标记为：%5$s",
            "%1$s (%2$s): \"%3$s\" is marked in %4$s as: %5$s"),

    // Rules inside one message.
    ITEM_NUMBERING("CEB-R001", Severity.ERROR,
            "%1$s 序号应从 1 起连续编号：第 %2$s 项为“%3$s”",
            "%1$s numbers must run 1, 2, 3 …: item %2$s is \"%3$s\""),
    LINE_TOTAL("CEB-R002", Severity.ERROR,
            "总价 totalPrice（%1$s）应等于数量 × 单价（%2$s × %3$s = %4$s）",
            "totalPrice (%1$s) must equal qty × price (%2$s × %3$s = %4$s)"),
    HEAD_TOTAL("CEB-R003", Severity.ERROR,
            "%1$s（%2$s）应等于表体 %3$s 之和（%4$s）",
            "%1$s (%2$s) must equal the sum of the items' %3$s (%4$s)"),
    WEIGHT("CEB-R004", Severity.ERROR,
            "净重 netWeight（%1$s）不能大于毛重 grossWeight（%2$s）",
            "netWeight (%1$s) must not exceed grossWeight (%2$s)"),
    MESSAGE_SEQUENCE("CEB-R005", Severity.ERROR,
            "报文序号 msgSeqNo（%1$s）应在 1 到报文总数 msgCount（%2$s）之间",
            "msgSeqNo (%1$s) must lie between 1 and msgCount (%2$s)"),
    TIME_RANGE("CEB-R006", Severity.ERROR,
            "汇总开始时间 startTime 与结束时间 endTime 应成对填写，且结束时间不早于开始时间",
            "startTime and endTime go together, and endTime must not be before startTime"),
    NOT_SIGNED("CEB-R007", Severity.WARNING,
            "报送状态为 2（申报）的报文发送前必须加签（缺少 ds:Signature）",
            "A message with appStatus 2 (declare) must be signed before it is sent (ds:Signature is missing)"),
    REPEATED_GUID("CEB-R008", Severity.WARNING,
            "系统唯一序号 guid “%1$s”在本报文中重复出现（第 %2$s 条）",
            "guid \"%1$s\" occurs again in this message (record %2$s)"),
    IE_FLAG("CEB-R009", Severity.ERROR,
            "%1$s 的进出口标记 ieFlag 应为“%2$s”，实际为“%3$s”",
            "ieFlag of a %1$s must be \"%2$s\", found \"%3$s\""),
    ORIGIN_NOT_CHINA("CEB-R010", Severity.ERROR,
            "退货申请单的启运国 country 不能为中国（142）",
            "The country of departure of a return request must not be China (142)"),
    CURRENCY_MIXED("CEB-R011", Severity.WARNING,
            "表体币制“%1$s”与表头币制“%2$s”不一致",
            "The item currency \"%1$s\" differs from the head currency \"%2$s\""),

    EXPORT_TO_CHINA("CEB-R015", Severity.WARNING,
            "出口清单的运抵国（地区）country 为中国（142）：应填货物直接运抵的境外国家（地区）",
            "The export list's country of arrival is China (142): give the foreign country the goods go to directly"),
    LEGAL_QUANTITY("CEB-R016", Severity.WARNING,
            "法定计量单位 unit1 与申报计量单位 unit 相同（%1$s），法定数量 qty1（%2$s）却与申报数量 qty（%3$s）不同",
            "unit1 equals unit (%1$s) but qty1 (%2$s) differs from qty (%3$s)"),
    REPEATED_REFERENCE("CEB-R012", Severity.ERROR,
            "%1$s “%2$s”在本报文中重复出现（第 %3$s 次）：每个单证只能列一次",
            "%1$s \"%2$s\" is listed again in this message (occurrence %3$s): each document may be listed once"),
    SUMMARY_WITHOUT_SCOPE("CEB-R013", Severity.ERROR,
            "汇总申请单应列出待汇总的清单编号，或给出汇总时间范围 startTime/endTime",
            "A summary request must list the invtNo of the lists to summarise, or give the period startTime/endTime"),
    SUMMARY_PERIOD_HIDES_LIST("CEB-R014", Severity.WARNING,
            "已给出汇总时间范围 startTime/endTime：海关将忽略表体所列的 %1$s 份清单",
            "The period startTime/endTime is given: customs ignores the %1$s lists named in SummaryApplyList"),

    // B2B (9710/9810) and special-area (1210) rules.
    EBP_CODE_NONE("CEB-B001", Severity.INFO,
            "电商平台代码填写“无”：仅适用于无法提供代码的境外电商平台",
            "ebpCode \"无\" is accepted only for a foreign platform that has no customs code"),
    ENTERPRISE_CODE("CEB-B002", Severity.WARNING,
            "%2$s（%1$s）“%3$s”不像 10 位海关编码或 18 位统一社会信用代码",
            "%1$s (%2$s) \"%3$s\" is neither a 10-character customs code nor an 18-character unified social credit code"),
    INVT_NO_FORMAT("CEB-B003", Severity.WARNING,
            "清单编号 %1$s“%2$s”应为 4 位关区 + 4 位年份 + 进出口标记 + 9 至 11 位流水号（共 18–20 位）",
            "List number %1$s \"%2$s\" should be a 4-digit customs code, a 4-digit year, I or E and a 9–11 digit serial (18–20 characters)"),
    TRADE_MODE_ORDER_TYPE("CEB-B004", Severity.ERROR,
            "清单贸易方式 %1$s 与订单类型 %2$s 不匹配：B2B 出口订单（B）对应 9710，海外仓订仓单（W）对应 9810，B2C 订单（E）对应 9610 或 1210",
            "tradeMode %1$s does not match orderType %2$s: B2B orders (B) go with 9710, overseas-warehouse bookings (W) with 9810, B2C orders (E) with 9610 or 1210"),
    SPECIAL_AREA_REQUIRED("CEB-B005", Severity.ERROR,
            "特殊区域出口（%3$s）必须填写 %2$s（%1$s）",
            "Special-area export (%3$s) requires %1$s (%2$s)"),
    LINKED_FIELD_MISMATCH("CEB-B006", Severity.ERROR,
            "%1$s 与关联的 %2$s 不一致：%3$s ≠ %4$s",
            "%1$s does not match the linked %2$s: %3$s ≠ %4$s"),
    INVT_NO_IMPORT_FLAG("CEB-B008", Severity.ERROR,
            "出口报文中的清单编号 %1$s“%2$s”第 9 位应为出口标记 E，实为 I（进口清单编号）",
            "List number %1$s \"%2$s\" in an export message must carry the export flag E in position 9, not I (an import list number)"),
    B2B_LIST_OVER_LIMIT("CEB-B009", Severity.WARNING,
            "%1$s 清单货值 %2$s 元超过 5000 元：B2B 清单申报仅适用于单票 5000 元以内且不涉证、不涉检、不涉税的货物，超过的应以报关单申报",
            "A %1$s list worth %2$s CNY is over 5000: B2B goods go by list only up to 5000 CNY per list and without licence, inspection or tax; this belongs on a customs declaration (报关单)"),
    SIMPLIFIED_WITH_LICENCE("CEB-B010", Severity.WARNING,
            "申报业务类型为 A（简化申报）却填写了许可证号 %1$s：简化申报要求商品不涉许可证、不涉出口关税、不涉出口退税",
            "statisticsFlag A (simplified) with licence number %1$s: simplified declaration is for goods needing no licence, export duty or tax refund"),
    OWNER_CODE("CEB-B007", Severity.INFO,
            "生产销售企业代码填写“NO”：表示生产销售企业未在海关登记",
            "ownerCode \"NO\" means the producer is not registered with customs"),

    // Across documents: what customs compares before it accepts a document (单证比对). The second end of each
    // finding is in Finding.linkedPath; the scope (%N$s, Localized) says where the partner was looked for.
    NO_ORDER("CEB-D001", Severity.ERROR,
            "找不到清单所对应的订单/订仓单：orderNo “%1$s”（电商企业 %2$s）不在%3$s中",
            "No order or booking for this list: orderNo \"%1$s\" (e-commerce enterprise %2$s) is not among %3$s"),
    NO_WAYBILL("CEB-D002", Severity.ERROR,
            "找不到清单所对应的物流运单：logisticsNo “%1$s”（物流企业 %2$s）不在%3$s中",
            "No waybill for this list: logisticsNo \"%1$s\" (logistics enterprise %2$s) is not among %3$s"),
    NO_LIST_FOR_WAYBILL_NO("CEB-D003", Severity.ERROR,
            "%1$s所列物流运单号 logisticsNo “%2$s”没有对应的申报清单（不在%3$s中）",
            "The %1$s names logisticsNo \"%2$s\", which no declaration list among %3$s declares"),
    NO_LIST_FOR_INVT_NO("CEB-D004", Severity.ERROR,
            "%1$s所列清单编号 invtNo “%2$s”没有对应的申报清单（不在%3$s中）",
            "The %1$s names invtNo \"%2$s\", which is not a list among %3$s"),
    UNLINKED("CEB-D005", Severity.WARNING,
            "本文件与一同提供的其他文件都不关联：%1$s 在其中找不到对应单证",
            "This file links to none of the other files given: no partner for %1$s"),
    LINE_NOT_IN_ORDER("CEB-D010", Severity.ERROR,
            "清单商品第 %1$s 项（gnum）在订单 %2$s 中没有同序号的商品项（订单共 %3$s 项）",
            "List item %1$s (gnum) has no item with the same number in order %2$s (the order has %3$s items)"),
    ORDER_LINE_NOT_LISTED("CEB-D011", Severity.WARNING,
            "订单 %1$s 的第 %2$s 项（gnum）不在清单中：清单应与订单逐项一致",
            "Item %2$s (gnum) of order %1$s is not in the list: the list should match the order item by item"),
    LINE_MISMATCH("CEB-D012", Severity.ERROR,
            "清单商品第 %1$s 项的%2$s（%3$s）“%4$s”与订单同项的“%5$s”不一致",
            "List item %1$s: %3$s (%2$s) \"%4$s\" differs from the order's item, \"%5$s\""),
    LINE_ITEM_DIFFERS("CEB-D013", Severity.WARNING,
            "清单商品第 %1$s 项的%2$s（%3$s）“%4$s”与订单同项的“%5$s”不同，请核对是否同一商品",
            "List item %1$s: %3$s (%2$s) \"%4$s\" differs from the order's item, \"%5$s\"; is it the same goods?"),
    WAYBILL_FIGURE("CEB-D014", Severity.WARNING,
            "清单的%1$s（%2$s）“%3$s”与物流运单的“%4$s”不一致",
            "The list's %2$s (%1$s) \"%3$s\" differs from the waybill's \"%4$s\""),
    REFERENCE_MISMATCH("CEB-D020", Severity.ERROR,
            "%1$s的%2$s（%3$s）“%4$s”与所列清单 %5$s 的“%6$s”不一致",
            "The %1$s's %3$s (%2$s) \"%4$s\" differs from that of the list it names, %5$s: \"%6$s\""),
    REFERENCE_FIGURE("CEB-D021", Severity.WARNING,
            "%1$s的%2$s（%3$s）“%4$s”与所列清单合计“%5$s”不一致",
            "The %1$s's %3$s (%2$s) \"%4$s\" differs from the total of the lists it names, \"%5$s\""),
    SUMMARY_OF_B2B_LIST("CEB-D022", Severity.WARNING,
            "汇总申请单所列清单 %1$s 的贸易方式为 %2$s：B2B 清单（9710/9810）不汇总申报，汇总仅用于 9610",
            "The summary names list %1$s of trade mode %2$s: B2B lists (9710/9810) are not summarised; summaries are for 9610"),
    DUPLICATE_DOCUMENT("CEB-D030", Severity.ERROR,
            "%1$s “%2$s”与另一份%3$s重复：同一编号只能有一份有效单证（海关将退回第二份）",
            "%1$s \"%2$s\" repeats another %3$s: one number, one live document (customs refuses the second)"),
    SECOND_LIST_FOR_ORDER("CEB-D031", Severity.ERROR,
            "订单 %1$s 已有另一份申报清单（%2$s）：一份订单只能对应一份清单",
            "Order %1$s already has another declaration list (%2$s): one order, one list"),

    // Official XSD (only when a schema directory is configured).
    XSD_INVALID("CEB-X001", Severity.ERROR,
            "不符合官方 XSD：%1$s",
            "Not valid against the official XSD: %1$s"),
    XSD_UNAVAILABLE("CEB-X002", Severity.WARNING,
            "无法用官方 XSD 校验：%1$s",
            "Could not check against the official XSD: %1$s");

    private final String code;
    private final Severity severity;
    private final String zh;
    private final String en;

    FindingCode(String code, Severity severity, String zh, String en) {
        this.code = code;
        this.severity = severity;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    /** A finding of this code at a path, with the code's default severity. */
    public Finding at(String path, Object... args) {
        return at(severity, path, args);
    }

    /** A finding of this code with another severity (used where a table is known to be incomplete). */
    public Finding at(Severity overridden, String path, Object... args) {
        return new Finding(code, overridden, path, String.format(zh, localize(args, true)), String.format(en, localize(args, false)));
    }

    private static Object[] localize(Object[] args, boolean zh) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Localized l) {
                out[i] = zh ? l.zh() : l.en();
            }
        }
        return out;
    }
}
