package io.cebgw.core.envelope;

/** One of the three DXP envelope documents. */
public sealed interface Envelope permits DxpMsg, DxpMsgSv, DxpRep {
    /** The root element name. */
    String rootName();
}
