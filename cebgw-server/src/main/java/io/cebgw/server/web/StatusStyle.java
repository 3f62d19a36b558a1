package io.cebgw.server.web;

import org.springframework.stereotype.Component;

/** The badge style of a receipt status: rejected or failed, done, or on its way. Used by the templates. */
@Component("statusStyle")
public class StatusStyle {
    public String of(String status, boolean finalState) {
        if (status == null || status.equals("-")) {
            return "";
        }
        if (status.startsWith("-") || status.equals("100") || status.equals("4") || status.equals("900") || status.startsWith("E")) {
            return "bad";
        }
        return finalState || status.equals("399") || status.equals("800") || status.equals("899") ? "ok" : "wait";
    }

    /** The message key of a status name ({@code status.120}); unknown codes fall back to the code itself in the template. */
    public String key(String status) {
        return "status." + (status == null ? "none" : status);
    }
}
