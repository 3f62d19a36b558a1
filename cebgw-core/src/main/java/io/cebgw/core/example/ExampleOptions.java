package io.cebgw.core.example;

import java.util.Map;
import java.util.Set;

/**
 * How an example is flavoured. {@code tradeMode} and {@code orderType} go together (9710 with B, 9810 with W,
 * 9610 and 1210 with E); giving one derives the other; giving neither gives B2B direct export (9710 / B).
 *
 * @param tradeMode 9710, 9810, 9610 or 1210
 * @param orderType E, B or W
 * @param items     number of item lines where a message has them (1..100)
 */
public record ExampleOptions(String tradeMode, String orderType, int items) {
    private static final Map<String, String> ORDER_TYPE_BY_MODE = Map.of("9710", "B", "9810", "W", "9610", "E", "1210", "E");
    private static final Map<String, String> MODE_BY_ORDER_TYPE = Map.of("B", "9710", "W", "9810", "E", "9610");
    public static final Set<String> TRADE_MODES = ORDER_TYPE_BY_MODE.keySet();
    public static final Set<String> ORDER_TYPES = MODE_BY_ORDER_TYPE.keySet();

    public ExampleOptions {
        if (items < 1 || items > 100) {
            throw new IllegalArgumentException("items must be 1..100 / 商品项数应为 1 到 100");
        }
        if (tradeMode != null && !ORDER_TYPE_BY_MODE.containsKey(tradeMode)) {
            throw new IllegalArgumentException("unknown trade mode " + tradeMode + " (use 9710, 9810, 9610 or 1210) / 未知的贸易方式 " + tradeMode);
        }
        if (orderType != null && !MODE_BY_ORDER_TYPE.containsKey(orderType)) {
            throw new IllegalArgumentException("unknown order type " + orderType + " (use E, B or W) / 未知的订单类型 " + orderType);
        }
        if (tradeMode == null && orderType == null) {
            tradeMode = "9710";
        }
        if (tradeMode == null) {
            tradeMode = MODE_BY_ORDER_TYPE.get(orderType);
        } else if (orderType == null) {
            orderType = ORDER_TYPE_BY_MODE.get(tradeMode);
        } else if (!ORDER_TYPE_BY_MODE.get(tradeMode).equals(orderType)) {
            throw new IllegalArgumentException("trade mode " + tradeMode + " goes with order type " + ORDER_TYPE_BY_MODE.get(tradeMode)
                    + ", not " + orderType + " / 贸易方式 " + tradeMode + " 应对应订单类型 " + ORDER_TYPE_BY_MODE.get(tradeMode));
        }
    }

    /** B2B direct export (9710 / B) with two items. */
    public static ExampleOptions defaults() {
        return new ExampleOptions(null, null, 2);
    }
}
