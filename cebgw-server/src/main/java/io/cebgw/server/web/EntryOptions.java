package io.cebgw.server.web;

import io.cebgw.core.codes.CodeEntry;
import io.cebgw.core.codes.CodeList;
import io.cebgw.core.spec.MessageType;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The values a form offers for a coded field: current codes only (no 德国马克 or 苏联卢布), sorted by code, and only those
 * that fit the message — an export declaration is E (出口), never I.
 */
final class EntryOptions {
    private static final Set<MessageType> EXPORT = Set.of(MessageType.CEB603, MessageType.CEB507, MessageType.CEB607,
            MessageType.CEB509, MessageType.CEB605, MessageType.CEB701);
    private static final Set<MessageType> IMPORT = Set.of(MessageType.CEB213, MessageType.CEB215);

    private EntryOptions() {
    }

    static List<CodeEntry> of(MessageType type, String field, CodeList list) {
        return list.entries().values().stream()
                .filter(CodeEntry::current)
                .filter(e -> !"ieFlag".equals(field) || fits(type, e.code()))
                .sorted(Comparator.comparing(CodeEntry::code))
                .toList();
    }

    private static boolean fits(MessageType type, String flag) {
        return EXPORT.contains(type) ? "E".equals(flag) : !IMPORT.contains(type) || "I".equals(flag);
    }
}
