package io.cebgw.server.web;

import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.FieldType;

import java.util.Map;

/**
 * The short hint under a field, from its definition: how long or what number, its date format, and where the spec
 * allows a word for "none" (无, NO). Chinese, as the declarant reads it; the full definition stays in the tooltip.
 */
final class EntryHints {
    private static final Map<String, String> SPECIAL = Map.ofEntries(
            Map.entry("ebpCode", "10 位海关编码或 18 位信用代码；境外平台无代码可填“无”"),
            Map.entry("barCode", "没有条形码填“无”"),
            Map.entry("ownerCode", "未在海关登记的填 NO"),
            Map.entry("gcode", "10 位数字（8 位税则号列 + 2 位附加码）"),
            Map.entry("ieDate", "日期 YYYYMMDD，如 20261203"),
            Map.entry("leaveTime", "时间 YYYYMMDDhhmmss"),
            Map.entry("startTime", "时间 YYYYMMDDhhmmss，与结束时间成对"),
            Map.entry("endTime", "时间 YYYYMMDDhhmmss，不早于开始时间"),
            Map.entry("packNo", "件数，至少 1"),
            Map.entry("totalPrice", "= 数量 × 单价"),
            Map.entry("gnum", "从 1 起连续编号，与订单商品序号对应"),
            Map.entry("msgCount", "未拆分填 1"),
            Map.entry("msgSeqNo", "未拆分填 1"));

    private EntryHints() {
    }

    static String of(FieldDef f) {
        String special = SPECIAL.get(f.name());
        if (special != null) {
            return special;
        }
        if (f.type() == FieldType.DECIMAL) {
            return f.fractionDigits() > 0 ? "数字，最多 " + f.fractionDigits() + " 位小数" : "数字";
        }
        if (f.type() == FieldType.INT) {
            return "整数";
        }
        if (f.minLength() > 0 && f.minLength() == f.maxLength()) {
            return f.maxLength() + " 位";
        }
        return f.maxLength() < 10_000 ? "最多 " + f.maxLength() + " 字" : null;
    }
}
