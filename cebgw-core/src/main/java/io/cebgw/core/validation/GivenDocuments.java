package io.cebgw.core.validation;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.spec.MessageType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The partners of a document among the documents given with it (several files, a shipment, an import batch). */
public final class GivenDocuments implements Partners {
    private static final Localized SCOPE = new Localized("一同校验的单证", "the documents given with it");

    private final Set<MessageType> types = EnumSet.noneOf(MessageType.class);
    private final Map<String, List<Declared>> orders = new HashMap<>();
    private final Map<String, List<Declared>> waybills = new HashMap<>();
    private final Map<String, List<Declared>> listsByOrderNo = new HashMap<>();
    private final Map<String, List<Declared>> listsByLogisticsNo = new HashMap<>();
    private final Map<String, List<Declared>> listsByInvtNo = new HashMap<>();
    /** Waybill and list numbers that a 总分单, arrival, departure, cancellation or summary names. */
    private final Set<String> named = new HashSet<>();

    public GivenDocuments(List<Declared> documents) {
        for (Declared d : documents) {
            types.add(d.type());
            switch (d.type()) {
                case CEB303 -> index(orders, d.get("orderNo"), d);
                case CEB505 -> index(waybills, d.get("logisticsNo"), d);
                case CEB603 -> {
                    index(listsByOrderNo, d.get("orderNo"), d);
                    index(listsByLogisticsNo, d.get("logisticsNo"), d);
                    index(listsByInvtNo, d.get("invtNo"), d);
                }
                case CEB607, CEB507, CEB509, CEB605, CEB701 -> LinkKeys.of(d).forEach(key -> named.add(key.value()));
                default -> {
                    // the other types are nobody's partner by key
                }
            }
        }
    }

    /** Whether another given document names this one (a list by its logisticsNo or invtNo, a waybill by its logisticsNo). */
    boolean isNamed(Declared d) {
        String logisticsNo = d.get("logisticsNo");
        String invtNo = d.get("invtNo");
        return (d.type() == MessageType.CEB603 || d.type() == MessageType.CEB505) && logisticsNo != null && named.contains(logisticsNo)
                || d.type() == MessageType.CEB603 && invtNo != null && named.contains(invtNo);
    }

    private static void index(Map<String, List<Declared>> map, String key, Declared d) {
        if (key != null) {
            map.computeIfAbsent(key, k -> new ArrayList<>(1)).add(d);
        }
    }

    @Override
    public List<Declared> orders(String orderNo) {
        return orders.getOrDefault(orderNo, List.of());
    }

    @Override
    public List<Declared> waybills(String logisticsNo) {
        return waybills.getOrDefault(logisticsNo, List.of());
    }

    @Override
    public List<Declared> listsByOrderNo(String orderNo) {
        return listsByOrderNo.getOrDefault(orderNo, List.of());
    }

    @Override
    public List<Declared> listsByLogisticsNo(String logisticsNo) {
        return listsByLogisticsNo.getOrDefault(logisticsNo, List.of());
    }

    @Override
    public List<Declared> listsByInvtNo(String invtNo) {
        return listsByInvtNo.getOrDefault(invtNo, List.of());
    }

    @Override
    public boolean expects(MessageType type) {
        return types.contains(type);
    }

    @Override
    public boolean knowsListNumbers() {
        return !listsByInvtNo.isEmpty();
    }

    @Override
    public Localized scope() {
        return SCOPE;
    }
}
