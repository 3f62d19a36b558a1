package io.cebgw.server.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;
import io.cebgw.server.store.DocumentRow;
import io.cebgw.server.store.ShipmentStore;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Shipments (9610/9710/9810): the documents of one consignment, sent in order — each only once what it depends on
 * has been accepted (B2B-EXPORT-RULES.md §2): the list after its order/booking and waybill reached 120, 总分单 and
 * arrival after the list's 399, departure after the arrival's 399, a summary after the lists' release. What blocks
 * a document is shown. Lists over ¥5000, or goods needing licences, inspection or tax, belong on a 报关单: warned.
 */
public final class ShipmentService {
    private static final Logger LOG = Logger.getLogger(ShipmentService.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROGRESS = List.of("1", "2", "3", "4", "120", "300", "399", "500", "800", "899");
    private static final Set<String> TRADE_MODES = Set.of("9610", "9710", "9810", "1210");
    private static final BigDecimal LIST_LIMIT_CNY = new BigDecimal("5000");
    private static final Map<MessageType, List<Requirement>> NEEDS = Map.of(
            MessageType.CEB603, List.of(new Requirement(MessageType.CEB303, "120"), new Requirement(MessageType.CEB505, "120")),
            MessageType.CEB607, List.of(new Requirement(MessageType.CEB603, "399")),
            MessageType.CEB507, List.of(new Requirement(MessageType.CEB603, "399"), new Requirement(MessageType.CEB607, "399")),
            MessageType.CEB509, List.of(new Requirement(MessageType.CEB507, "399")),
            MessageType.CEB701, List.of(new Requirement(MessageType.CEB603, "800")));

    private final DocumentService documents;
    private final ShipmentStore shipments;
    private final io.cebgw.server.store.DocumentStore store;
    private final Clock clock;

    /** A document type that must have reached a status first. */
    record Requirement(MessageType type, String status) {
    }

    public ShipmentService(DocumentService documents, ShipmentStore shipments, io.cebgw.server.store.DocumentStore store, Clock clock) {
        this.documents = documents;
        this.shipments = shipments;
        this.store = store;
        this.clock = clock;
    }

    /** Creates the shipment with its documents as drafts; the dispatcher declares them in order. */
    public Map<String, Object> create(String enterpriseId, byte[] body) throws ValidationFailed {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new ValidationFailed(400, "GW-S001", "JSON 格式错误", "invalid JSON: " + e.getMessage(), List.of());
        }
        String tradeMode = root.path("tradeMode").asText("");
        if (!TRADE_MODES.contains(tradeMode) || !root.path("documents").isArray() || root.path("documents").isEmpty()) {
            throw new ValidationFailed(400, "GW-S002", "需要 tradeMode（9610/9710/9810/1210）和 documents 数组",
                    "tradeMode (9610/9710/9810/1210) and a documents array are required", List.of());
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode doc : root.path("documents")) {
            try {
                warnings.addAll(warnings(tradeMode, JsonMessages.read(doc.toString().getBytes(StandardCharsets.UTF_8))));
            } catch (JsonMessages.Invalid e) {
                throw new ValidationFailed(400, "GW-D001", e.zh() + "（" + e.path() + "）", e.getMessage(), List.of());
            }
        }
        String id = UUID.randomUUID().toString();
        shipments.insert(new ShipmentStore.ShipmentRow(id, enterpriseId, tradeMode, root.path("name").asText(null),
                warnings.isEmpty() ? null : String.join("\n", warnings), clock.instant()));
        for (JsonNode doc : root.path("documents")) {
            DocumentService.Created created = documents.create(enterpriseId, doc.toString().getBytes(StandardCharsets.UTF_8), true, null, false);
            shipments.attach(created.document().id(), id);
        }
        return view(enterpriseId, id).orElseThrow();
    }

    /** Declares every waiting draft whose requirements are met. Returns how many were declared. */
    public int dispatch() {
        int declared = 0;
        for (String shipmentId : shipments.withWaitingDrafts()) {
            List<DocumentRow> docs = store.statesOfShipment(shipmentId);
            for (DocumentRow d : docs) {
                if (d.copMsgId() == null && !d.finalState() && blockers(d, docs).isEmpty()) {
                    try {
                        documents.declare(d.enterpriseId(), d.id());
                        declared++;
                    } catch (ValidationFailed e) {
                        LOG.warning("shipment " + shipmentId + ": cannot declare " + d.messageType() + " " + d.businessKey() + ": " + e.getMessage());
                    }
                }
            }
        }
        return declared;
    }

    public Optional<Map<String, Object>> view(String enterpriseId, String id) {
        return shipments.byId(enterpriseId, id).map(s -> {
            List<DocumentRow> docs = store.statesOfShipment(id);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("tradeMode", s.tradeMode());
            m.put("name", s.name());
            m.put("warnings", s.warnings() == null ? List.of() : List.of(s.warnings().split("\n")));
            List<Map<String, Object>> list = new ArrayList<>();
            for (DocumentRow d : docs) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("id", d.id());
                dm.put("messageType", d.messageType());
                dm.put("businessKey", d.businessKey());
                dm.put("status", d.status());
                dm.put("final", d.finalState());
                dm.put("declared", d.copMsgId() != null);
                dm.put("blockedBy", d.copMsgId() == null ? blockers(d, docs) : List.of());
                list.add(dm);
            }
            m.put("documents", list);
            m.put("complete", docs.stream().allMatch(d -> d.finalState() && !rejected(d.status())));
            return m;
        });
    }

    /** What keeps a draft from being sent: each required document not yet at its status (zh / en). */
    static List<String> blockers(DocumentRow doc, List<DocumentRow> shipment) {
        List<String> blockers = new ArrayList<>();
        MessageType type = MessageType.byRootName(doc.messageType()).orElseThrow();
        for (Requirement r : NEEDS.getOrDefault(type, List.of())) {
            for (DocumentRow other : shipment) {
                if (!other.messageType().equals(r.type().rootName())) {
                    continue;
                }
                if (rejected(other.status())) {
                    blockers.add(r.type().zh() + " " + other.businessKey() + " 已被拒（" + other.status() + "），请修改后重新申报 / "
                            + r.type().en() + " was rejected (" + other.status() + "): correct and declare it again");
                } else if (!reached(other.status(), r.status())) {
                    blockers.add("等待" + r.type().zh() + "达到 " + r.status() + "（当前 " + (other.status() == null ? "未申报" : other.status())
                            + "）/ waiting for the " + r.type().en() + " to reach " + r.status());
                }
            }
        }
        return blockers;
    }

    private static boolean reached(String status, String needed) {
        return status != null && !rejected(status) && PROGRESS.indexOf(status) >= PROGRESS.indexOf(needed);
    }

    private static boolean rejected(String status) {
        return status != null && ("100".equals(status) || status.startsWith("-") || status.startsWith("E") || "900".equals(status));
    }

    /** B2B lists go by 清单 only up to ¥5000 and without licence, inspection or tax (B2B-EXPORT-RULES.md §1). */
    static List<String> warnings(String tradeMode, CebMessage message) {
        if (message.type() != MessageType.CEB603 || !("9710".equals(tradeMode) || "9810".equals(tradeMode))) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        for (Node record : message.businessRecords()) {
            Node head = record.child("InventoryHead");
            String copNo = head == null ? "?" : head.get("copNo");
            BigDecimal total = BigDecimal.ZERO;
            for (Node line : record.children("InventoryList")) {
                try {
                    total = total.add(new BigDecimal(line.get("totalPrice")));
                } catch (RuntimeException e) {
                    // an unreadable price is a validation finding of its own
                }
            }
            String currency = head == null ? null : head.get("currency");
            if ("142".equals(currency) && total.compareTo(LIST_LIMIT_CNY) > 0) {
                warnings.add("清单 " + copNo + " 货值 " + total.toPlainString() + " 元超过 5000 元，应以报关单申报 / list " + copNo
                        + " is worth " + total.toPlainString() + " CNY, over 5000: it belongs on a customs declaration (报关单)");
            } else if (!"142".equals(currency)) {
                warnings.add("清单 " + copNo + " 货值 " + total.toPlainString() + "（币制 " + currency + "），请确认折合人民币不超过 5000 元 / list "
                        + copNo + " is in currency " + currency + ": confirm it is worth at most 5000 CNY");
            }
            warnings.add("清单 " + copNo + "：清单申报仅适用于不涉证、不涉检、不涉税的货物 / list " + copNo
                    + ": the list route is only for goods needing no licence, inspection or tax");
        }
        return warnings;
    }
}
