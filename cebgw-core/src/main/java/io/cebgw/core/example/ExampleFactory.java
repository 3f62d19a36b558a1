package io.cebgw.core.example;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.MessageType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Builds a complete, valid and realistic example of every message type: a Hangzhou exporter shipping sports
 * shoes by air through Shanghai Pudong, declared through a customs broker. Every field the spec requires is
 * filled, item arithmetic adds up, codes come from the shipped code tables, and B2B documents carry the
 * B2B values (orderType B/W with tradeMode 9710/9810).
 */
public final class ExampleFactory {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter T14 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter T17 = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** Groups that list several waybills: each line gets its own logisticsNo, every other field the first one. */
    /**
     * Groups whose lines name other documents (lists, waybills): the examples declare one list with one waybill, so
     * these have one line whatever {@code --items} says — a 总分单, arrival, departure or summary naming lists that no
     * example declares would be refused (and a summary must not name a list twice).
     */
    private static final Set<String> REFERENCES = Set.of("ArrivalList", "DepartureList", "WayBillList", "SummaryResultList",
            "SummaryApplyList");

    private final Clock clock;

    public ExampleFactory(Clock clock) {
        this.clock = clock;
    }

    public ExampleFactory() {
        this(Clock.system(BEIJING));
    }

    /**
     * The documents of one shipment in the order they are declared: order or booking, waybill, list, 总分单, arrival,
     * departure. Their numbers, lines and totals agree, so they pass the rules across documents together.
     */
    public static final List<MessageType> FLOW = List.of(MessageType.CEB303, MessageType.CEB505, MessageType.CEB603,
            MessageType.CEB607, MessageType.CEB507, MessageType.CEB509);

    /** The documents of {@link #FLOW}, flavoured alike. */
    public List<CebMessage> flow(ExampleOptions options) {
        return FLOW.stream().map(type -> create(type, options)).toList();
    }

    public CebMessage create(MessageType type) {
        return create(type, ExampleOptions.defaults());
    }

    public CebMessage create(MessageType type, ExampleOptions options) {
        CebMessage message = CebMessage.create(type);
        Context ctx = new Context(type, options, LocalDateTime.now(clock));
        Node record = message.addBusinessRecord();
        fill(record, ctx, 1);
        if (type.isDeclaration()) {
            fill(message.root().add("BaseTransfer"), ctx, 1);
        }
        return message;
    }

    private void fill(Node node, Context ctx, int index) {
        GroupDef def = node.def();
        for (FieldDef field : def.fields()) {
            String value = value(field.name(), node.name(), ctx, index);
            if (value != null) {
                node.set(field.name(), value);
            } else if (field.required()) {
                throw new IllegalStateException("no example value for required field " + def.name() + "/" + field.name());
            }
        }
        for (GroupDef group : def.groups()) {
            if ("BaseSubscribe".equals(group.name())) {
                continue;
            }
            int count = group.occurs().repeatable() && !REFERENCES.contains(group.name()) ? ctx.options.items() : 1;
            for (int i = 1; i <= count; i++) {
                fill(node.add(group.name()), ctx, i);
            }
        }
    }

    /**
     * The example value of a field, or null to leave an optional field out: party fields here, the goods' and the
     * documents' own in the switches each default hands on to.
     */
    private String value(String field, String group, Context c, int i) {
        MessageType t = c.type;
        return switch (field) {
            case "ebpCode" -> "W".equals(c.options.orderType()) ? "无" : Party.PLATFORM.code;
            case "ebpName" -> "W".equals(c.options.orderType()) ? "美国洛杉矶示例海外仓" : Party.PLATFORM.name;
            case "ebcCode", "ownerCode" -> Party.EXPORTER.code;
            case "ebcName", "ownerName" -> Party.EXPORTER.name;
            case "ebcTelephone" -> "0571-88880000";
            case "agentCode", "declAgentCode" -> Party.BROKER.code;
            case "agentName", "declAgentName" -> Party.BROKER.name;
            case "logisticsCode" -> Party.CARRIER.code;
            case "logisticsName" -> Party.CARRIER.name;
            case "operatorCode" -> Party.TERMINAL.code;
            case "operatorName" -> Party.TERMINAL.name;
            case "copCode" -> sender(t).code;
            case "copName" -> sender(t).name;
            case "dxpMode" -> "DXP";
            case "dxpId" -> "DXPENT0000012345";
            case "iacCode" -> special(c) ? Party.BONDED_WAREHOUSE.code : null;
            case "iacName" -> special(c) ? Party.BONDED_WAREHOUSE.name : null;
            case "payCode" -> Party.BANK.code;
            case "payName" -> Party.BANK.name;
            default -> goods(field, group, c, i);
        };
    }

    private String goods(String field, String group, Context c, int i) {
        return switch (field) {
            case "emsNo" -> special(c) ? "T2216W000123" : null;
            case "itemRecordNo" -> special(c) ? "SH-REC-" + String.format("%04d", i) : null;
            case "goodsValue" -> c.orderTotal().toPlainString();
            case "charge" -> c.orderTotal().toPlainString();
            case "freight" -> "MessageReturn".equals(group) ? null : "1200.00";
            case "insuredFee" -> "0";
            case "currency" -> "MessageReturn".equals(group) ? null : "502";
            case "fCurrency", "iCurrency" -> "502";
            case "fFlag", "iFlag" -> "3";
            case "gnum" -> String.valueOf(i);
            case "gseqno" -> String.valueOf(i);
            case "itemNo" -> "SKU-RS" + String.format("%03d", i);
            case "itemName", "gname" -> Item.of(i).name;
            case "itemDescribe" -> Item.of(i).name + "，纺织材料鞋面，橡胶外底";
            case "barCode" -> "6901234" + String.format("%06d", 100000 + i);
            case "gcode" -> "6404110000";
            case "gmodel" -> "无品牌|" + Item.of(i).model + "|纺织材料鞋面|橡胶外底";
            case "unit", "unit1" -> "025";
            case "unit2", "qty2" -> null;
            case "qty", "qty1" -> c.qty(i).toPlainString();
            case "price" -> c.price(i).toPlainString();
            case "totalPrice" -> c.qty(i).multiply(c.price(i)).toPlainString();
            case "country" -> "502";
            case "grossWeight" -> c.weight("0.85").toPlainString();
            case "netWeight" -> c.weight("0.70").toPlainString();
            case "packNo" -> "12";
            case "goodsInfo" -> "运动鞋";
            default -> document(field, group, c, i);
        };
    }

    /** Numbers, dates, flags, transport and receipt fields. */
    private String document(String field, String group, Context c, int i) {
        MessageType t = c.type;
        boolean returnGoods = t == MessageType.CEB213 || t == MessageType.CEB215;
        return switch (field) {
            case "guid" -> CebMessage.newGuid();
            case "appType" -> "1";
            case "appStatus" -> "2";
            case "appTime" -> c.now.format(T14);
            case "orderType" -> c.options.orderType();
            case "orderNo" -> orderNo(c);
            case "note" -> null;
            case "payNo" -> "PAY" + c.now.format(D8) + "000001";
            case "accountingDate" -> c.now.format(T14);
            case "logisticsNo" -> "YT" + c.now.format(D8) + "00001";
            case "customsCode" -> "2928";
            case "portCode" -> "2233";
            case "copNo" -> "COP" + c.now.format(D8) + "0001";
            case "coElNo" -> "RT" + c.now.format(D8) + "0001";
            case "preNo" -> t.isDeclaration() ? null : "B" + c.now.format(D8) + "000123456";
            case "invtNo" -> invtNo(t, group, c);
            case "ieFlag" -> returnGoods ? "I" : "E";
            case "ieDate" -> c.now.format(D8);
            case "statisticsFlag" -> "A";
            case "tradeMode" -> t == MessageType.CEB213 ? (special(c) ? "1261" : "9661") : c.options.tradeMode();
            case "trafMode" -> "5";
            case "trafName" -> "CA1071";
            case "voyageNo" -> "CA1071";
            case "billNo" -> "99912345675";
            case "totalPackageNo" -> "MAWB99912345675-01";
            case "domesticTrafNo" -> "浙A12345";
            case "sumNo" -> t == MessageType.CEB792 ? "S" + c.now.format(D8) + "000000001" : null;
            case "loctNo", "licenseNo", "location", "decTmpNo", "decPreNo", "entryId", "startTime", "endTime" -> null;
            case "POD" -> "LAX";
            case "wrapType" -> "2";
            case "leaveTime" -> c.now.format(T14);
            case "msgCount", "msgSeqNo" -> "1";
            case "reason" -> t == MessageType.CEB213 ? "境外客户退货：尺码不符" : "订单取消，申请撤销清单";
            case "summaryFlag", "itemNameFlag" -> "1";
            case "opDate" -> c.now.format(T17);
            case "declSeqNo" -> "D" + c.now.format(D8) + "000000001";
            case "decState" -> "1";
            case "returnStatus" -> t == MessageType.CEB900 ? "-1" : "2";
            case "returnTime" -> c.now.format(T17);
            case "returnInfo" -> t == MessageType.CEB900 ? "报文格式校验失败：缺少必填字段 orderNo" : "新增申报成功";
            case "oriCopMsgId" -> "8D4A3C1E-2B7F-4E5A-9C6D-1F2E3A4B5C6D";
            case "oriMessageType" -> "CEB603Message";
            case "oriBizMessage" -> "<ceb:CEB603Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"/>";
            default -> throw new IllegalStateException("no example value for " + group + "/" + field);
        };
    }

    private static String orderNo(Context c) {
        return switch (c.options.orderType()) {
            case "B" -> "B2B" + c.now.format(D8) + "0001";
            case "W" -> "OWB" + c.now.format(D8) + "0001";
            default -> "SO" + c.now.format(D8) + "0001";
        };
    }

    private static String invtNo(MessageType type, String group, Context c) {
        if (type == MessageType.CEB603 || "WayBillList".equals(group)) {
            return null;
        }
        return "2928" + c.now.getYear() + "E" + "000123456";
    }

    private static boolean special(Context c) {
        return "1210".equals(c.options.tradeMode());
    }

    private static Party sender(MessageType type) {
        return switch (type) {
            case CEB303, CEB403, CEB213 -> Party.EXPORTER;
            case CEB505, CEB509 -> Party.CARRIER;
            case CEB507, CEB215 -> Party.TERMINAL;
            default -> Party.BROKER;
        };
    }

    /** The fictional enterprises of the example shipment (codes have the real shapes; the companies do not exist). */
    private enum Party {
        EXPORTER("3301964ABC", "杭州示例鞋业进出口有限公司"),
        PLATFORM("91330100MA2B3C4D5E", "杭州示例跨境电商平台有限公司"),
        BROKER("3101980123", "上海示例报关有限公司"),
        CARRIER("3101987654", "上海示例国际物流有限公司"),
        TERMINAL("3122690001", "上海示例浦东机场货运站有限公司"),
        BONDED_WAREHOUSE("3122960011", "上海示例保税仓储有限公司"),
        BANK("3301910001", "示例银行股份有限公司杭州分行");

        final String code;
        final String name;

        Party(String code, String name) {
            this.code = code;
            this.name = name;
        }
    }

    private enum Item {
        RUNNING("男式跑步鞋", "RS-100 男款 42码"),
        TRAINING("女式训练鞋", "TR-200 女款 37码"),
        KIDS("儿童运动鞋", "KD-300 童款 32码");

        final String name;
        final String model;

        Item(String name, String model) {
            this.name = name;
            this.model = model;
        }

        static Item of(int index) {
            return values()[(index - 1) % values().length];
        }
    }

    /** Per-example values that must agree across fields (quantities, prices, totals, weights). */
    private static final class Context {
        final MessageType type;
        final ExampleOptions options;
        final LocalDateTime now;

        Context(MessageType type, ExampleOptions options, LocalDateTime now) {
            this.type = type;
            this.options = options;
            this.now = now;
        }

        BigDecimal qty(int i) {
            return BigDecimal.valueOf(60L * i);
        }

        BigDecimal price(int i) {
            return new BigDecimal("12.50").add(BigDecimal.valueOf(i));
        }

        BigDecimal orderTotal() {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 1; i <= options.items(); i++) {
                sum = sum.add(qty(i).multiply(price(i)));
            }
            return sum;
        }

        BigDecimal weight(String perPair) {
            BigDecimal pairs = BigDecimal.ZERO;
            for (int i = 1; i <= options.items(); i++) {
                pairs = pairs.add(qty(i));
            }
            return pairs.multiply(new BigDecimal(perPair));
        }
    }
}
