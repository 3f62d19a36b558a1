package io.cebgw.server.web;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;
import io.cebgw.server.document.DocumentService;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.EnterpriseRow;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a new form starts with, so that nobody types the same thing twice: the enterprise's own codes and names where its
 * roles say it is that party (电商企业, 申报企业, 物流企业, 电商平台), and the enterprise's usual values — its platform,
 * partners, customs area, port, country, transport — taken from its newest document of the type.
 */
@Component
class EntryDefaults {
    /** Head fields an enterprise's documents of one type usually repeat. */
    private static final Set<String> USUAL = Set.of("ebpCode", "ebpName", "ebcCode", "ebcName", "agentCode", "agentName", "logisticsCode",
            "logisticsName", "ownerCode", "ownerName", "customsCode", "portCode", "country", "POD", "trafMode", "wrapType", "currency",
            "fCurrency", "iCurrency", "statisticsFlag", "tradeMode", "orderType", "operatorCode", "operatorName", "loctNo", "declAgentCode",
            "declAgentName", "ebcTelephone", "summaryFlag", "itemNameFlag", "iacCode", "iacName", "emsNo");

    private final DocumentStore store;
    private final DocumentService documents;

    EntryDefaults(DocumentStore store, DocumentService documents) {
        this.store = store;
        this.documents = documents;
    }

    /** The transfer block: the enterprise itself, over the data exchange (DXP). */
    static Map<String, String> transfer(EnterpriseRow e) {
        return Map.of("copCode", nonNull(e.customsCode()), "copName", nonNull(e.name()), "dxpId", nonNull(e.dxpId()), "dxpMode", "DXP");
    }

    /** Head values for a new document of the type: usual values first, the enterprise's own codes over them. */
    Map<String, String> of(EnterpriseRow e, MessageType type) {
        Map<String, String> values = new HashMap<>(usual(e, type));
        List<String> roles = List.of(nonNull(e.roles()).split(","));
        own(values, roles, "EBC", "ebcCode", "ebcName", e);
        own(values, roles, "AGENT", "agentCode", "agentName", e);
        own(values, roles, "LOGISTICS", "logisticsCode", "logisticsName", e);
        own(values, roles, "EBP", "ebpCode", "ebpName", e);
        values.putIfAbsent("appType", "1");
        return values;
    }

    private Map<String, String> usual(EnterpriseRow e, MessageType type) {
        Map<String, String> values = new HashMap<>();
        store.newestOfType(e.id(), type.rootName()).ifPresent(row -> {
            try {
                CebMessage last = documents.message(e.id(), row.id());
                for (Node record : last.businessRecords()) {
                    record.head().values().forEach((field, value) -> {
                        if (USUAL.contains(field) && !value.isBlank()) {
                            values.putIfAbsent(field, value.strip());
                        }
                    });
                }
            } catch (ValidationFailed ignored) {
                // a stored document always reads; if one did not, the form simply starts empty
            }
        });
        return values;
    }

    private static void own(Map<String, String> values, List<String> roles, String role, String code, String name, EnterpriseRow e) {
        if (roles.stream().anyMatch(r -> r.strip().equalsIgnoreCase(role))) {
            values.put(code, nonNull(e.customsCode()));
            values.put(name, nonNull(e.name()));
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
