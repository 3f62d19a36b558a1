package io.cebgw.server.document;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.spec.SenderFields;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A message speaks for its sender only. Its transmitting enterprise (BaseTransfer: copCode, copName, dxpId) is always
 * the caller, whatever the request said; and the enterprise it is sent by or for ({@link SenderFields}: a list's agentCode
 * and ebcCode, a waybill's logisticsCode …) must be the caller itself or one it is registered to act for — anything
 * else is refused before it is stored or signed.
 *
 * <p>An enterprise's row and what it acts for are kept {@link #FRESH} at most, so a change made on another node takes
 * effect within that time; a change made here at once ({@link #forget}).
 */
public final class SenderCheck {
    static final Duration FRESH = Duration.ofSeconds(5);

    private record Known(EnterpriseRow row, Set<String> codes, Instant at) {
    }

    private final EnterpriseStore enterprises;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public SenderCheck(EnterpriseStore enterprises, Clock clock) {
        this.enterprises = enterprises;
        this.clock = clock;
    }

    /** The calling enterprise as it is now (within {@link #FRESH}). */
    EnterpriseRow caller(String enterpriseId) {
        return known(enterpriseId).row();
    }

    /** After a change of the enterprise's profile or what it acts for. */
    public void forget(String enterpriseId) {
        known.remove(enterpriseId);
    }

    /** Sets BaseTransfer to the caller and refuses a sender it may not speak for (403 GW-P001). */
    void speaksForCaller(String enterpriseId, CebMessage message) throws ValidationFailed {
        Known k = known(enterpriseId);
        EnterpriseRow caller = k.row();
        Node transfer = message.baseTransfer();
        if (transfer == null) {
            transfer = message.root().add("BaseTransfer");
        }
        transfer.set("copCode", caller.customsCode() != null ? caller.customsCode() : caller.creditCode()).set("copName", caller.name())
                .set("dxpMode", "DXP").set("dxpId", caller.dxpId());
        for (Node record : message.businessRecords()) {
            Node head = record.head();
            for (String field : SenderFields.of(message.type())) {
                String code = head.get(field);
                if (code != null && !code.isBlank() && !k.codes().contains(code.strip())) {
                    String label = head.def().field(field) == null ? field : head.def().field(field).zh();
                    throw ValidationFailed.of(GatewayProblem.NOT_YOUR_SENDER, new Localized(label, field), code.strip(),
                            caller.customsCode());
                }
            }
        }
    }

    private Known known(String enterpriseId) {
        Instant now = clock.instant();
        Known k = known.get(enterpriseId);
        if (k == null || k.at().plus(FRESH).isBefore(now)) {
            EnterpriseRow row = enterprises.byId(enterpriseId).orElseThrow();
            Set<String> codes = new HashSet<>();
            for (String own : List.of(nonNull(row.customsCode()), nonNull(row.creditCode()))) {
                if (!own.isBlank()) {
                    codes.add(own);
                }
            }
            enterprises.actsFor(enterpriseId).forEach(a -> codes.add(a.code()));
            k = new Known(row, Set.copyOf(codes), now);
            known.put(enterpriseId, k);
        }
        return k;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
