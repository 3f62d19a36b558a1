package io.cebgw.core.lifecycle;

/**
 * What a status tells about a document, whatever its type. Whether a status ends a document's life depends on the
 * type as well (120 ends an order, not a list): that is the {@link Lifecycle}'s part.
 */
public enum Meaning {
    /** Not sent yet, or on its way through E-Port and customs (1, 2, 3, 300, 500 …). */
    IN_PROGRESS(false, false),
    /** Something went wrong that does not end the document by itself (4 发送海关失败, the detentions 501…599). */
    SETBACK(false, true),
    /** Customs took the document (120 海关入库, 399 海关审结, 800 放行); final for the types that end there. */
    ACCEPTED(false, false),
    /** The end of the road, the good way (899 结关). */
    FINAL_GOOD(true, false),
    /** The end of the road, refused (100 海关退单): the business key is free for a corrected declaration. */
    FINAL_BAD(true, true),
    /** The message could not be processed (negative codes, CEB900 format errors, DxpRep exchange errors). */
    PROCESSING_ERROR(true, true);

    private final boolean alwaysFinal;
    private final boolean bad;

    Meaning(boolean alwaysFinal, boolean bad) {
        this.alwaysFinal = alwaysFinal;
        this.bad = bad;
    }

    /** Whether a status of this meaning ends every document, whatever its type. */
    public boolean alwaysFinal() {
        return alwaysFinal;
    }

    /** Whether a person must act (refused, failed, in error). */
    public boolean bad() {
        return bad;
    }
}
