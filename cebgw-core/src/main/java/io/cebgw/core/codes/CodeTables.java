package io.cebgw.core.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The national code tables shipped with the project (see {@code tools/gen_code_tables.py} for their making). */
public final class CodeTables {
    public static final String CURRENCY = "currency";
    public static final String COUNTRY = "country";
    public static final String UNIT = "unit";
    public static final String TRANSPORT_MODE = "transport-mode";
    public static final String WRAP_TYPE = "wrap-type";
    public static final String TRADE_MODE = "trade-mode";
    public static final String CUSTOMS_AREA = "customs-area";
    private static final List<String> NAMES = List.of(CURRENCY, COUNTRY, UNIT, TRANSPORT_MODE, WRAP_TYPE, TRADE_MODE, CUSTOMS_AREA);
    private static final CodeTables STANDARD = load();

    private final Map<String, CodeList> tables;

    private CodeTables(Map<String, CodeList> tables) {
        this.tables = Map.copyOf(tables);
    }

    public static CodeTables standard() {
        return STANDARD;
    }

    public CodeList table(String name) {
        CodeList list = tables.get(name);
        if (list == null) {
            throw new IllegalArgumentException("no code table " + name);
        }
        return list;
    }

    private static CodeTables load() {
        Map<String, CodeList> tables = new LinkedHashMap<>();
        for (String name : NAMES) {
            tables.put(name, loadTable(name));
        }
        return new CodeTables(tables);
    }

    private static CodeList loadTable(String name) {
        String resource = name + ".tsv";
        try (InputStream in = CodeTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing code table " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> meta = new LinkedHashMap<>();
            Map<String, CodeEntry> entries = new LinkedHashMap<>();
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    String[] kv = line.substring(1).split("\t", 2);
                    if (kv.length == 2) {
                        meta.put(kv[0], kv[1]);
                    }
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                entries.put(c[0], new CodeEntry(c[0], c[1], c[2], c[3]));
            }
            return new CodeList(name, meta.getOrDefault("title-zh", name), meta.getOrDefault("title-en", name),
                    "yes".equals(meta.get("complete")), entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
