package io.cebgw.server.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.finding.Finding;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Findings as stored with a document and returned by the API: code, severity, path, zh and en messages. */
public final class FindingsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FindingsJson() {
    }

    public static List<Map<String, String>> maps(List<Finding> findings) {
        return findings.stream().map(f -> Map.of("code", f.code(), "severity", f.severity().name(), "path", f.path(),
                "message", f.message(Locale.CHINA), "messageEn", f.message(Locale.ENGLISH))).toList();
    }

    static String write(List<Finding> findings) {
        try {
            return JSON.writeValueAsString(maps(findings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
