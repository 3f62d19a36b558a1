package io.cebgw.server.store;

import io.cebgw.core.finding.Localized;

/** Where and how the archive's hash chain fails to verify, in Chinese and English. */
public enum ChainBreak {
    SEQUENCE_GAP("条目序号不连续（有条目被删除）", "sequence gap (an entry was removed)"),
    CONTENT_CHANGED("条目内容被改动（SHA-256 与记录不符）", "content changed (its SHA-256 no longer matches)"),
    CHAIN_BROKEN("哈希链断开（之前的条目被删除或改动）", "chain broken (an entry before it was removed or altered)"),
    TAIL_MISSING("末尾的条目缺失", "entries missing at the end"),
    FILE_MISSING("导出文件不在导出目录中", "exported file missing"),
    FILE_CHANGED("导出文件被改动（SHA-256 与记录不符）", "exported file changed (its SHA-256 no longer matches)"),
    FILE_UNREADABLE("导出文件无法读取或不完整", "exported file cannot be read or is incomplete");

    private final Localized text;

    ChainBreak(String zh, String en) {
        this.text = new Localized(zh, en);
    }

    public Localized text() {
        return text;
    }

    /** Not tampering but a file out of place: put it back and verify again. */
    public boolean fileOutOfPlace() {
        return this == FILE_MISSING;
    }
}
