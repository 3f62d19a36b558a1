package io.cebgw.core.validation;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.spec.MessageType;

import java.util.List;

/**
 * Where the rules across documents look for a document's partners: the other files given with it ({@link GivenDocuments})
 * or, in the sandbox, everything declared and not rejected before. Lookups may return the document being checked
 * itself; the rules leave it out.
 */
public interface Partners {

    /** Orders and bookings (CEB303) with this orderNo. */
    List<Declared> orders(String orderNo);

    /** Waybills (CEB505) with this logisticsNo. */
    List<Declared> waybills(String logisticsNo);

    /** Declaration lists (CEB603) naming this orderNo. */
    List<Declared> listsByOrderNo(String orderNo);

    /** Declaration lists (CEB603) naming this logisticsNo. */
    List<Declared> listsByLogisticsNo(String logisticsNo);

    /** Declaration lists (CEB603) with this invtNo (given with it, or issued by customs). */
    List<Declared> listsByInvtNo(String invtNo);

    /**
     * Whether documents of this type are expected here, so that a missing partner of this type is a finding: among given
     * files, when at least one of the type was given; in the sandbox, per its rules.
     */
    boolean expects(MessageType type);

    /** Whether list numbers (invtNo) are known here, so that an unknown one is a finding. */
    boolean knowsListNumbers();

    /** Where partners were looked for, for the findings' texts ("the files given with it" …). */
    Localized scope();
}
