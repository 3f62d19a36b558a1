package io.cebgw.core.finding;

import java.util.Locale;

/**
 * One thing the validator found.
 *
 * @param code       stable code, e.g. {@code CEB-F001}; never changes meaning between releases
 * @param severity   error, warning or info
 * @param path       XPath of the element concerned, e.g. {@code /ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryHead/ceb:tradeMode}
 * @param messageZh  the message in Chinese
 * @param messageEn  the message in English
 * @param linkedPath for a finding across documents, the other end: the XPath of the element in the linked document,
 *                   after the document's name and a colon ({@code order.xml:/ceb:CEB303Message/…/ceb:orderNo}); null otherwise
 */
public record Finding(String code, Severity severity, String path, String messageZh, String messageEn, String linkedPath) {

    /** A finding inside one document. */
    public Finding(String code, Severity severity, String path, String messageZh, String messageEn) {
        this(code, severity, path, messageZh, messageEn, null);
    }

    /** The message in the language of the locale (Chinese unless the locale is English). */
    public String message(Locale locale) {
        return "en".equals(locale.getLanguage()) ? messageEn : messageZh;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same finding with the other end of a link. */
    public Finding linkedTo(String otherEnd) {
        return new Finding(code, severity, path, messageZh, messageEn, otherEnd);
    }
}
