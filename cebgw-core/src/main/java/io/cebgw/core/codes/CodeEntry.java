package io.cebgw.core.codes;

/** One code of a table: the code, its names and whether it is in current use. */
public record CodeEntry(String code, String nameZh, String nameEn, String status) {
    public boolean current() {
        return "current".equals(status);
    }
}
