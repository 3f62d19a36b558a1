package io.cebgw.server.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.finding.Localized;
import io.cebgw.core.lifecycle.Lifecycle;
import io.cebgw.core.lifecycle.ReturnStatus;
import io.cebgw.core.finding.Finding;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.validation.CrossDocumentRules;
import io.cebgw.core.model.Node;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.spec.MessageType;
import io.cebgw.server.store.DocumentRow;
import io.cebgw.server.store.ShipmentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Shipments (9610/9710/9810): the documents of one consignment, sent in order — each only once what it depends on
 * has been accepted (B2B-EXPORT-RULES.md §2): the list after its order/booking and waybill reached 120, 总分单 and
 * arrival after the list's 399, departure after the arrival's 399, a summary after the lists' release. What blocks
 * a document is shown. Lists over ¥5000, or goods needing licences, inspection or tax, belong on a 报关单: warned.
 */
public final class ShipmentService {
    private static final Logger LOG = LoggerFactory.getLogger(ShipmentService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TRADE_MODES = Set.of("9610", "9710", "9810", "1210");
    private static final BigDecimal LIST_LIMIT_CNY = new BigDecimal("5000");
    private static final Map<MessageType, List<Requirement>> NEEDS = Map.of(
            MessageType.CEB603, List.of(new Requirement(MessageType.CEB303, ReturnStatus.ENTERED), new Requirement(MessageType.CEB505,
                    ReturnStatus.ENTERED)),
            MessageType.CEB607, List.of(new Requirement(MessageType.CEB603, ReturnStatus.CONCLUDED)),
            MessageType.CEB507, List.of(new Requirement(MessageType.CEB603, ReturnStatus.CONCLUDED), new Requirement(MessageType.CEB607,
                    ReturnStatus.CONCLUDED)),
            MessageType.CEB509, List.of(new Requirement(MessageType.CEB507, ReturnStatus.CONCLUDED)),
            MessageType.CEB701, List.of(new Requirement(MessageType.CEB603, ReturnStatus.RELEASED)));

    private final DocumentService documents;
    private final ShipmentStore shipments;
    private final io.cebgw.server.store.DocumentStore store;
    private final Clock clock;

    /** A document type that must have reached a status first. */
    record Requirement(MessageType type, ReturnStatus status) {
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
            throw ValidationFailed.of(GatewayProblem.SHIPMENT_JSON, JsonPosition.of(e));
        }
        String tradeMode = root.path("tradeMode").asText("");
        if (!TRADE_MODES.contains(tradeMode) || !root.path("documents").isArray() || root.path("documents").isEmpty()) {
            throw ValidationFailed.of(GatewayProblem.SHIPMENT_SHAPE);
        }
        List<String> warnings = new ArrayList<>();
        List<CebMessage> messages = new ArrayList<>();
        for (JsonNode doc : root.path("documents")) {
            try {
                messages.add(JsonMessages.read(doc.toString().getBytes(StandardCharsets.UTF_8)));
                warnings.addAll(warnings(tradeMode, messages.get(messages.size() - 1)));
            } catch (JsonMessages.Invalid e) {
                throw ValidationFailed.of(GatewayProblem.DOCUMENT_JSON, new Localized(e.zh(), e.getMessage()), e.path());
            }
        }
        agree(messages);
        String id = UUID.randomUUID().toString();
        shipments.insert(new ShipmentStore.ShipmentRow(id, enterpriseId, tradeMode, root.path("name").asText(null),
                warnings.isEmpty() ? null : String.join("\n", warnings), clock.instant(), true));
        for (JsonNode doc : root.path("documents")) {
            documents.create(enterpriseId, doc.toString().getBytes(StandardCharsets.UTF_8), true, null, false, id);
        }
        return view(enterpriseId, id).orElseThrow();
    }

    /**
     * The shipment's documents against each other by the rule book across documents (order ↔ list ↔ waybill, 总分单 /
     * arrival / departure ↔ lists): an error refuses the whole shipment, naming each end as {@code documents[i]:XPath}.
     */
    private static void agree(List<CebMessage> messages) throws ValidationFailed {
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            sources.add("documents[" + i + "]");
        }
        List<List<Finding>> each = new CrossDocumentRules().checkEach(messages, sources);
        List<Finding> errors = new ArrayList<>();
        for (int i = 0; i < each.size(); i++) {
            for (Finding f : each.get(i)) {
                if (f.isError()) {
                    errors.add(new Finding(f.code(), f.severity(), sources.get(i) + ":" + f.path(), f.messageZh(), f.messageEn(), f.linkedPath()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(GatewayProblem.SHIPMENT_MISMATCH.with(errors.size()), errors);
        }
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
                        LOG.warn("shipment {}: cannot declare {} {}: {}", shipmentId, d.messageType(), d.businessKey(), e.getMessage());
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
                dm.put("reasons", d.copMsgId() == null ? reasons(d, docs) : List.of());
                list.add(dm);
            }
            m.put("documents", list);
            m.put("complete", docs.stream().allMatch(d -> d.finalState() && !Lifecycle.failed(d.status())));
            return m;
        });
    }

    /** What keeps a draft from being sent, as the API gives it: "zh / en". */
    static List<String> blockers(DocumentRow doc, List<DocumentRow> shipment) {
        return reasons(doc, shipment).stream().map(r -> r.zh() + " / " + r.en()).toList();
    }

    /** What keeps a draft from being sent: each required document not yet at its status, in both languages apart. */
    public static List<Localized> reasons(DocumentRow doc, List<DocumentRow> shipment) {
        List<Localized> blockers = new ArrayList<>();
        MessageType type = MessageType.byRootName(doc.messageType()).orElseThrow();
        for (Requirement r : NEEDS.getOrDefault(type, List.of())) {
            for (DocumentRow other : shipment) {
                if (!other.messageType().equals(r.type().rootName())) {
                    continue;
                }
                if (Lifecycle.failed(other.status())) {
                    ReturnStatus failed = ReturnStatus.of(other.status());
                    blockers.add(new Localized(r.type().zh() + " " + other.businessKey() + " 已被拒：" + failed.label(Locale.CHINESE) + "，请修改后重新申报",
                            r.type().en() + " was refused: " + failed.label(Locale.ENGLISH) + "; correct and declare it again"));
                } else if (!Lifecycle.reached(other.status(), r.status())) {
                    blockers.add(new Localized("等待" + r.type().zh() + "达到 " + r.status().label(Locale.CHINESE) + "（当前 "
                            + (other.status() == null ? "未回执" : ReturnStatus.of(other.status()).label(Locale.CHINESE)) + "）",
                            "waiting for the " + r.type().en() + " to reach " + r.status().label(Locale.ENGLISH)));
                }
            }
        }
        return blockers;
    }

    /** Where unreadable JSON went wrong, without the parser's internals. */
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
            String currency = record.children("InventoryList").stream().map(line -> line.get("currency")).filter(java.util.Objects::nonNull)
                    .findFirst().orElse("?");   // the list's head has no currency: its items have
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
