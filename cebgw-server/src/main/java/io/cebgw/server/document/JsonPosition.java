package io.cebgw.server.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cebgw.core.finding.Localized;

import java.io.IOException;

/** Where a JSON body stopped being readable, in words for a problem answer (no parser internals). */
public final class JsonPosition {
    private JsonPosition() {
    }

    public static Localized of(IOException e) {
        if (e instanceof JsonProcessingException p && p.getLocation() != null) {
            return new Localized("第 " + p.getLocation().getLineNr() + " 行第 " + p.getLocation().getColumnNr() + " 列",
                    "line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr());
        }
        return new Localized("无法读取", "unreadable");
    }
}
