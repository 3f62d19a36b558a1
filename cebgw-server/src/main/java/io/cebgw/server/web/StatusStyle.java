package io.cebgw.server.web;

import io.cebgw.server.store.ReceiptStore;
import io.cebgw.core.lifecycle.Meaning;
import io.cebgw.core.lifecycle.ReceiptOutcome;
import io.cebgw.core.lifecycle.ReturnStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** How the pages show a status: its badge style and its name with the code beside it, both from the lifecycle types. */
@Component("statusStyle")
public class StatusStyle {

    /** {@code bad} for refused, failed or in error; {@code ok} for final or accepted; {@code wait} on its way. */
    public String of(String status, boolean finalState) {
        if (status == null || status.isBlank() || status.equals("-")) {
            return "";
        }
        Meaning meaning = ReturnStatus.of(status).meaning();
        if (meaning.bad()) {
            return "bad";
        }
        return finalState || meaning == Meaning.ACCEPTED || meaning == Meaning.FINAL_GOOD ? "ok" : "wait";
    }

    /** The status's name in the page's language with its code beside it: 海关入库（120）; null for no status. */
    public String label(String status) {
        if (status == null || status.isBlank() || status.equals("-")) {
            return null;
        }
        if (ReceiptStore.NO_STATUS.equals(status)) {
            return "—"; // a receipt that could not be read has no status; its outcome says why
        }
        return ReturnStatus.of(status).label(LocaleContextHolder.getLocale());
    }

    /** What the gateway did with a receipt, in words ({@code APPLIED} → 已更新单证状态); unknown names as they are. */
    public String outcome(String name) {
        ReceiptOutcome outcome = ReceiptOutcome.parse(name);
        return outcome == null ? name : outcome.label(LocaleContextHolder.getLocale());
    }
}
