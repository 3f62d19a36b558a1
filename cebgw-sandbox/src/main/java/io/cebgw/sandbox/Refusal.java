package io.cebgw.sandbox;

import java.util.Optional;

/**
 * Processing errors customs answers with a negative {@code returnStatus} instead of 100 退单 (SPEC22 table 7-2, texts
 * as the spec gives them): a second new order or waybill with a number already live, a change or deletion of one that
 * does not exist, of an order or waybill a live list already names, or older than the data held.
 */
enum Refusal {
    ORDER_NOT_FOUND("-301009", "订单标识(appType)不正确,未找到操作的订单"),
    ORDER_EXISTS("-301010", "已存在相同编号的订单"),
    ORDER_LISTED("-301011", "该订单已向海关申报清单，状态不符"),
    ORDER_OLD("-301014", "订单报文处理失败，接收报文为旧报文数据，不做处理"),
    WAYBILL_NOT_FOUND("-504014", "运单标识(appType)不正确,未找到操作的运单"),
    WAYBILL_EXISTS("-504015", "已存在相同编号的运单"),
    WAYBILL_LISTED("-504016", "该运单已向海关申报运单，状态不符");

    final String code;
    final String text;

    Refusal(String code, String text) {
        this.code = code;
        this.text = text;
    }

    /**
     * The refusal an order or waybill gets, if any; other kinds are answered 100 with the reason.
     *
     * @param any the document with the same business key, if any (live or rejected)
     */
    static Optional<Refusal> of(Document incoming, Optional<Document> any, Ledger ledger) {
        Optional<Document> existing = LedgerPartners.live(any);
        boolean order = incoming.kind() == Kind.ORDER;
        if (!order && incoming.kind() != Kind.WAYBILL) {
            return Optional.empty();
        }
        String appType = incoming.head().getOrDefault("appType", "1");
        if ("1".equals(appType)) {
            return existing.map(e -> order ? ORDER_EXISTS : WAYBILL_EXISTS);
        }
        if (any.isEmpty()) {
            return Optional.of(order ? ORDER_NOT_FOUND : WAYBILL_NOT_FOUND);
        }
        if (existing.isEmpty()) {
            return Optional.empty();   // correcting a rejected one
        }
        String number = order ? "orderNo" : "logisticsNo";
        boolean listed = ledger.byNumber(Kind.LIST, number, incoming.field(number)).stream().anyMatch(LedgerPartners::isLive);
        if (listed) {
            return Optional.of(order ? ORDER_LISTED : WAYBILL_LISTED);
        }
        String before = existing.get().field("appTime");
        String now = incoming.field("appTime");
        if (order && before != null && now != null && now.compareTo(before) < 0) {
            return Optional.of(ORDER_OLD);
        }
        return Optional.empty();
    }
}
