package io.cebgw.server.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.finding.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings as stored with a document and returned by the API: code, severity, path, zh and en messages, and for a
 * finding across documents the other end ({@code linkedPath}).
 */
public final class FindingsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FindingsJson() {
    }

    public static List<Map<String, String>> maps(List<Finding> findings) {
        return findings.stream().map(FindingsJson::map).toList();
    }

    private static Map<String, String> map(Finding f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("code", f.code());
        m.put("severity", f.severity().name());
        m.put("path", f.path());
        if (f.linkedPath() != null) {
            m.put("linkedPath", f.linkedPath());
        }
        m.put("message", f.message(Locale.CHINA));
        m.put("messageEn", f.message(Locale.ENGLISH));
        return m;
    }

    static String write(List<Finding> findings) {
        try {
            return JSON.writeValueAsString(maps(findings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
