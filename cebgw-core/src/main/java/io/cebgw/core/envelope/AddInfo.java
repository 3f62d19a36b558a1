package io.cebgw.core.envelope;

import java.util.List;

/**
 * Optional additional information of a DxpMsg.
 *
 * @param fileName original file name (≤255), or null
 * @param icCard   IC card number (≤13), or null
 * @param bizKeys  up to five business keys
 */
public record AddInfo(String fileName, String icCard, List<BizKey> bizKeys) {
    public AddInfo {
        bizKeys = bizKeys == null ? List.of() : List.copyOf(bizKeys);
        if (fileName != null) {
            DxpChecks.length("FileName", fileName, 1, 255);
        }
        if (icCard != null) {
            DxpChecks.length("IcCard", icCard, 1, 13);
        }
        if (bizKeys.size() > 5) {
            throw new EnvelopeException("BizKey", "最多 5 个业务关键字", "at most 5 business keys");
        }
    }

    /** A business key: {@code <Key name="…">value</Key>}. */
    public record BizKey(String name, String value) {
        public BizKey {
            DxpChecks.length("Key@name", name, 1, 32);
            DxpChecks.length("Key", value, 1, 64);
        }
    }
}
