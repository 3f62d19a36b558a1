package io.cebgw.core.codes;

import java.util.LinkedHashMap;
import java.util.Map;

/** The code lists the CEB 202205 specification defines itself (SPEC22, XSD22, REV22). */
public final class SpecCodeLists {
    public static final CodeList APP_TYPE = list("appType", "报送类型（1 新增 / 2 变更 / 3 删除）", "appType (1 new, 2 change, 3 delete)",
            "1", "新增", "2", "变更", "3", "删除");
    public static final CodeList APP_STATUS = list("appStatus", "报送状态（1 暂存 / 2 申报）", "appStatus (1 draft, 2 declare)",
            "1", "暂存", "2", "申报");
    public static final CodeList ORDER_TYPE = list("orderType", "订单类型（E B2C 出口订单 / B B2B 出口订单 / W 海外仓订仓单）",
            "orderType (E B2C export order, B B2B export order, W overseas-warehouse booking)",
            "E", "B2C出口订单", "B", "B2B出口订单", "W", "海外仓订仓单");
    public static final CodeList IE_FLAG = list("ieFlag", "进出口标记（I / E）", "ieFlag (I, E)", "I", "进口", "E", "出口");
    public static final CodeList STATISTICS_FLAG = list("statisticsFlag", "申报业务类型（A 简化申报 / B 汇总申报）",
            "statisticsFlag (A simplified, B summary)", "A", "简化申报", "B", "汇总申报");
    public static final CodeList CHARGE_FLAG = list("flag", "费用标志（1 率 / 2 单价 / 3 总价）", "fee flag (1 rate, 2 unit price, 3 total)",
            "1", "率", "2", "单价", "3", "总价");
    public static final CodeList SUMMARY_FLAG = list("summaryFlag", "收发货人汇总标志（1 / 2）", "summaryFlag (1, 2)",
            "1", "按收发货人单一汇总", "2", "按收发货人和生产销售单位汇总");
    public static final CodeList ITEM_NAME_FLAG = list("itemNameFlag", "按商品名汇总标志（1）", "itemNameFlag (1)", "1", "按清单原始商品名相同汇总");
    public static final CodeList DXP_MODE = list("dxpMode", "报文传输模式（DXP）", "dxpMode (DXP)", "DXP", "中国电子口岸数据交换平台");
    public static final CodeList SUBSCRIBE_STATUS = list("subscribeStatus", "订阅状态（ALL / DATA / RET）", "subscription status (ALL, DATA, RET)",
            "ALL", "订阅数据和回执", "DATA", "只订阅数据", "RET", "只订阅回执");
    /** CEB603 tradeMode: 9610 retail, 9710 B2B direct, 9810 overseas warehouse, 1210 special area (1239 per XSD annotation). */
    public static final CodeList INVENTORY_TRADE_MODE = list("tradeMode", "清单贸易方式（9610 / 9710 / 9810 / 1210）",
            "declaration list trade mode (9610, 9710, 9810, 1210)",
            "9610", "跨境电商零售出口", "9710", "跨境电商B2B直接出口", "9810", "跨境电商出口海外仓", "1210", "保税电商（特殊区域出口）",
            "1239", "保税电商A（特殊区域出口）");
    /** CEB213 退货监管方式, as printed in SPEC22. */
    public static final CodeList REFUND_TRADE_MODE = list("refundTradeMode", "退货监管方式（9661 / 1261）", "return trade mode (9661, 1261)",
            "9661", "一般出口退货", "1261", "特殊区域出口退货");
    /** Receipt returnStatus values the spec lists; negative values are error receipts and always valid. */
    public static final CodeList RETURN_STATUS = list("returnStatus", "回执状态", "receipt status",
            "1", "电子口岸已暂存", "2", "电子口岸申报中", "3", "发送海关成功", "4", "发送海关失败", "100", "海关退单",
            "120", "海关入库", "300", "人工审核", "399", "海关审结", "500", "查验", "501", "扣留移送通关", "502", "扣留移送缉私",
            "503", "扣留移送法规", "505", "移交", "599", "其它扣留", "600", "挂起", "700", "退运", "800", "放行", "899", "结关");

    private SpecCodeLists() {
    }

    private static CodeList list(String name, String zh, String en, String... codeAndName) {
        Map<String, CodeEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < codeAndName.length; i += 2) {
            entries.put(codeAndName[i], new CodeEntry(codeAndName[i], codeAndName[i + 1], "", "current"));
        }
        return new CodeList(name, zh, en, true, entries);
    }
}
