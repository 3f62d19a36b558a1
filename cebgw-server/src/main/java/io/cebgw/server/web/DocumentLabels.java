package io.cebgw.server.web;

import io.cebgw.core.lifecycle.ReturnStatus;
import io.cebgw.core.spec.BusinessKey;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.spec.SpecCatalog;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the pages name documents: the type in the reader's language (申报清单, not CEB603Message), the business key as
 * its labelled parts (订单编号 B2B…, 电商企业代码 …), and the statuses a list can be filtered by.
 */
@Component("labels")
public class DocumentLabels {

    /** 订单/订仓单 … for a root name such as CEB303Message; the name itself when unknown. */
    public String type(String rootName) {
        return MessageType.byRootName(rootName).map(t -> english() ? t.en() : t.zh()).orElse(rootName);
    }

    /** The parts of a business key with their field labels, the document's own number first. */
    public List<KeyPart> key(String rootName, String businessKey) {
        List<KeyPart> parts = new ArrayList<>();
        MessageType type = MessageType.byRootName(rootName).orElse(null);
        List<String> fields = type == null ? List.of() : BusinessKey.fields(type).orElse(List.of());
        String[] values = businessKey == null ? new String[0] : businessKey.split("\\|", -1);
        for (int i = 0; i < values.length; i++) {
            String field = i < fields.size() ? fields.get(i) : "";
            parts.add(new KeyPart(field, label(type, field), values[i]));
        }
        if (parts.size() > 1) {
            parts.add(0, parts.remove(parts.size() - 1));   // the number (orderNo, logisticsNo, copNo) is the last key field
        }
        return parts;
    }

    /** The document's own number (orderNo, logisticsNo, copNo …): the part of its key a person looks for. */
    public String number(String rootName, String businessKey) {
        List<KeyPart> parts = key(rootName, businessKey);
        return parts.isEmpty() ? "" : parts.get(0).value();
    }

    /** A customs time ({@code 20261202232341158} or {@code 20261202232341}) as {@code 2026-12-02 23:23:41}; other text as it is. */
    public String time(String text) {
        if (text == null || text.length() < 14 || !text.chars().allMatch(Character::isDigit)) {
            return text;
        }
        return text.substring(0, 4) + "-" + text.substring(4, 6) + "-" + text.substring(6, 8) + " " + text.substring(8, 10) + ":"
                + text.substring(10, 12) + ":" + text.substring(12, 14);
    }

    /** Where a finding points, in words: the field's label and its line ({@code 商品名称（第 2 项）}); the XPath stays in the title. */
    public String where(String rootName, String xpath) {
        var parsed = io.cebgw.server.document.FindingPath.parse(xpath);
        if (parsed.isEmpty()) {
            return xpath;
        }
        MessageType type = MessageType.byRootName(rootName).orElse(null);
        String label = label(type, parsed.get().field());
        var steps = parsed.get().steps();
        var last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        boolean line = last != null && last.group().endsWith("List");
        if (!line) {
            return label;
        }
        return english() ? label + " (item " + (last.row() + 1) + ")" : label + "（第 " + (last.row() + 1) + " 项）";
    }

    /** One part of a business key. */
    public record KeyPart(String field, String label, String value) {
    }

    /** Statuses a list can be filtered by, named (草稿 and 未回执 first). */
    public List<ReturnStatus> statuses() {
        return ReturnStatus.named();
    }

    public String status(ReturnStatus status) {
        return status.label(LocaleContextHolder.getLocale());
    }

    /** A field's Chinese name by type and field, looked up in the definitions once (a list page asks for hundreds). */
    private static final java.util.Map<String, String> ZH = new java.util.concurrent.ConcurrentHashMap<>();

    private static String label(MessageType type, String field) {
        if (type == null || field.isEmpty() || english()) {
            return field;
        }
        return ZH.computeIfAbsent(type.name() + "." + field, k -> SpecCatalog.ceb202205().definition(type).root().groups().stream()
                .flatMap(g -> java.util.stream.Stream.concat(java.util.stream.Stream.of(g), g.groups().stream()))
                .flatMap(g -> g.children().stream()).filter(n -> n instanceof FieldDef f && f.name().equals(field))
                .map(n -> ((FieldDef) n).zh()).findFirst().orElse(field));
    }

    private static boolean english() {
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
