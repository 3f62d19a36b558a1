package io.cebgw.core.finding;

import java.util.Locale;

/**
 * One thing the validator found.
 *
 * @param code      stable code, e.g. {@code CEB-F001}; never changes meaning between releases
 * @param severity  error, warning or info
 * @param path      XPath of the element concerned, e.g. {@code /ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryHead/ceb:tradeMode}
 * @param messageZh the message in Chinese
 * @param messageEn the message in English
 */
public record Finding(String code, Severity severity, String path, String messageZh, String messageEn) {

    /** The message in the language of the locale (Chinese unless the locale is English). */
    public String message(Locale locale) {
        return "en".equals(locale.getLanguage()) ? messageEn : messageZh;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
