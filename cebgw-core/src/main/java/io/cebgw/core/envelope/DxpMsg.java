package io.cebgw.core.envelope;

/**
 * The terminal-node envelope: a transfer header and the business XML bytes (base64 in {@code Data}).
 *
 * @param transInfo the transfer header
 * @param data      the business message exactly as signed (never re-serialized, so its signature stays valid)
 * @param addInfo   optional additional information, or null
 */
public record DxpMsg(TransInfo transInfo, byte[] data, AddInfo addInfo) implements Envelope {
    public static final String ROOT = "DxpMsg";
    /** The data-center CEB node that receives export messages. */
    public static final String EXPORT_RECEIVER = "DXPEDCCEB0000003";
    /** The data-center CEB node that receives import messages. */
    public static final String IMPORT_RECEIVER = "DXPEDCCEB0000002";

    public DxpMsg {
        if (transInfo == null || data == null) {
            throw new EnvelopeException("DxpMsg", "缺少 TransInfo 或 Data", "TransInfo and Data are required");
        }
    }

    @Override
    public String rootName() {
        return ROOT;
    }
}
