package io.cebgw.server.document;

import io.cebgw.core.codec.CebReader;
import io.cebgw.core.finding.Localized;
import io.cebgw.core.lifecycle.Lifecycle;
import io.cebgw.core.spec.BusinessKey;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.validation.Declared;
import io.cebgw.core.validation.Partners;
import io.cebgw.core.xml.CebReadException;
import io.cebgw.server.store.DocumentRow;
import io.cebgw.server.store.DocumentStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A document's partners among what its enterprise has entered here (drafts and live documents, never another
 * enterprise's): the order or booking and the waybill of a declaration list, found by their exact business keys
 * (ebpCode + ebcCode + orderNo, logisticsCode + logisticsNo, both indexed). A partner that is not here is no
 * finding — the order and the waybill are often declared by other enterprises (the platform, the carrier) — but one
 * that is here must agree with the list.
 */
final class StoredPartners implements Partners {
    private static final Localized SCOPE = new Localized("本企业在网关录入的单证", "this enterprise's documents in the gateway");

    private final DocumentStore store;
    private final String enterpriseId;
    private final Declared subject;
    private final String ownId;

    /**
     * @param subject the document being checked (its enterprise codes complete the partners' keys)
     * @param ownId   its stored id when it is stored already (left out of the partners), else null
     */
    StoredPartners(DocumentStore store, String enterpriseId, Declared subject, String ownId) {
        this.store = store;
        this.enterpriseId = enterpriseId;
        this.subject = subject;
        this.ownId = ownId;
    }

    @Override
    public List<Declared> orders(String orderNo) {
        return stored(MessageType.CEB303, BusinessKey.of(MessageType.CEB303, f -> "orderNo".equals(f) ? orderNo : subject.get(f)));
    }

    @Override
    public List<Declared> waybills(String logisticsNo) {
        return stored(MessageType.CEB505, BusinessKey.of(MessageType.CEB505, f -> "logisticsNo".equals(f) ? logisticsNo : subject.get(f)));
    }

    @Override
    public List<Declared> listsByOrderNo(String orderNo) {
        return List.of();   // lists are keyed by agentCode + copNo: no index by orderNo (the shipment and the sandbox check this)
    }

    @Override
    public List<Declared> listsByLogisticsNo(String logisticsNo) {
        return List.of();
    }

    @Override
    public List<Declared> listsByInvtNo(String invtNo) {
        return List.of();
    }

    @Override
    public boolean expects(MessageType type) {
        return false;
    }

    @Override
    public boolean knowsListNumbers() {
        return false;
    }

    @Override
    public Localized scope() {
        return SCOPE;
    }

    /** The live documents of a type and key, read with their XML in one query. */
    private List<Declared> stored(MessageType type, String key) {
        List<Declared> found = new ArrayList<>(1);
        for (DocumentRow row : store.byKey(enterpriseId, type.rootName(), key)) {
            if (Objects.equals(row.id(), ownId) || !Lifecycle.holdsKey(row.status())) {
                continue;
            }
            try {
                found.addAll(Declared.of(new CebReader().read(row.unsignedXml()).message(), "documents/" + row.id()));
            } catch (CebReadException e) {
                // a stored document is one the gateway wrote: unreadable only if damaged, and then no partner
            }
        }
        return found;
    }
}
