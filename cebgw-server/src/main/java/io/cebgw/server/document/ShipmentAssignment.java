package io.cebgw.server.document;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.BusinessKey;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.validation.Declared;
import io.cebgw.server.store.ShipmentStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every document belongs to a shipment (货物). One created through the shipment API is put into it by the caller; any other —
 * entered by hand, imported, sent one by one — joins the shipment of the documents it names (a list its order's and its
 * waybill's, a 总分单, arrival or departure its waybills'), and an order or waybill that names nothing starts a shipment of
 * its own. When a list brings together an order and a waybill that each started one, the two become one.
 */
final class ShipmentAssignment {
    private static final Map<String, String> MODE_BY_ORDER_TYPE = Map.of("B", "9710", "W", "9810", "E", "9610");
    private static final Set<MessageType> BY_WAYBILL = Set.of(MessageType.CEB607, MessageType.CEB507, MessageType.CEB509);

    private final ShipmentStore shipments;
    private final Clock clock;

    ShipmentAssignment(ShipmentStore shipments, Clock clock) {
        this.shipments = shipments;
        this.clock = clock;
    }

    /**
     * The shipment a new document goes into, made or merged as needed; runs inside the transaction that stores the
     * document, which is inserted with it.
     */
    String shipmentFor(String enterpriseId, CebMessage message) {
        Declared d = Declared.of(message, null).get(0);
        Set<String> found = new LinkedHashSet<>();
        for (String[] key : partnerKeys(d)) {
            found.addAll(shipments.shipmentsOf(enterpriseId, key[0], key[1]));
        }
        List<String> partners = new ArrayList<>(found);
        String mode = tradeMode(d);
        String target;
        if (partners.isEmpty()) {
            target = UUID.randomUUID().toString();
            shipments.insert(new ShipmentStore.ShipmentRow(target, enterpriseId, mode, number(d), null, clock.instant(), false));
        } else {
            target = partners.get(0);
            for (String other : partners.subList(1, partners.size())) {
                shipments.merge(enterpriseId, other, target);
            }
            if (!mode.isEmpty()) {
                shipments.tradeModeIfUnknown(target, mode);
            }
        }
        return target;
    }

    /** The message type and business key of each document this one names. */
    private static List<String[]> partnerKeys(Declared d) {
        List<String[]> keys = new ArrayList<>();
        if (d.type() == MessageType.CEB603) {
            keys.add(key(MessageType.CEB303, d, Map.of()));
            keys.add(key(MessageType.CEB505, d, Map.of()));
        } else if (BY_WAYBILL.contains(d.type())) {
            for (Node line : d.lines()) {
                String logisticsNo = line.get("logisticsNo");
                if (logisticsNo != null) {
                    keys.add(key(MessageType.CEB505, d, Map.of("logisticsNo", logisticsNo.strip())));
                }
            }
        }
        return keys;
    }

    private static String[] key(MessageType type, Declared d, Map<String, String> overrides) {
        return new String[] {type.rootName(), BusinessKey.of(type, f -> overrides.getOrDefault(f, d.get(f)))};
    }

    private static String tradeMode(Declared d) {
        String mode = d.type() == MessageType.CEB303 ? MODE_BY_ORDER_TYPE.get(String.valueOf(d.get("orderType"))) : d.get("tradeMode");
        return mode == null ? "" : mode;
    }

    /** The shipment's name: the number of the document that started it. */
    private static String number(Declared d) {
        for (String field : List.of("orderNo", "logisticsNo", "copNo", "billNo")) {
            if (d.get(field) != null) {
                return d.get(field);
            }
        }
        return d.type().zh();
    }
}
