package io.cebgw.core.envelope;

/** The transfer-node envelope used by third-party platforms: routing header plus the DxpMsg. */
public record DxpMsgSv(SvNo svNo, DxpMsg dxpMsg) implements Envelope {
    public static final String ROOT = "DxpMsgSv";

    public DxpMsgSv {
        if (svNo == null || dxpMsg == null) {
            throw new EnvelopeException("DxpMsgSv", "缺少 SvNo 或 DxpMsg", "SvNo and DxpMsg are required");
        }
    }

    @Override
    public String rootName() {
        return ROOT;
    }
}
