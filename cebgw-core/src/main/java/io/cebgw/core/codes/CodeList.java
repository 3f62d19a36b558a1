package io.cebgw.core.codes;

import java.util.Map;
import java.util.Optional;

/**
 * A list of valid codes with the title users see in findings.
 *
 * @param name     short name, e.g. {@code currency}
 * @param titleZh  e.g. 《JGS-20》币制代码表
 * @param titleEn  e.g. the JGS-20 currency table
 * @param complete false where the project's copy is known to be partial (an unknown code is then only a warning)
 * @param entries  the codes
 */
public record CodeList(String name, String titleZh, String titleEn, boolean complete, Map<String, CodeEntry> entries) {
    public CodeList {
        entries = Map.copyOf(entries);
    }

    public Optional<CodeEntry> lookup(String code) {
        return Optional.ofNullable(entries.get(code));
    }

    public int size() {
        return entries.size();
    }
}
