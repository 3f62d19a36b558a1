package io.cebgw.core.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The national code tables shipped with the project (see {@code tools/gen_code_tables.py} for their making). */
public final class CodeTables {
    public static final String CURRENCY = "currency";
    public static final String COUNTRY = "country";
    public static final String UNIT = "unit";
    public static final String TRANSPORT_MODE = "transport-mode";
    public static final String WRAP_TYPE = "wrap-type";
    public static final String TRADE_MODE = "trade-mode";
    public static final String CUSTOMS_AREA = "customs-area";
    /** Ports (POD): no public table was found, so none is shipped; an operator's file may add one (partial). */
    public static final String PORT = "port";
    private static final List<String> NAMES = List.of(CURRENCY, COUNTRY, UNIT, TRANSPORT_MODE, WRAP_TYPE, TRADE_MODE, CUSTOMS_AREA);
    private static final CodeTables SHIPPED = load();
    private static volatile CodeTables configured;

    private final Map<String, CodeList> tables;

    private CodeTables(Map<String, CodeList> tables) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** The tables in use: the shipped ones with the operator's file, once {@link #configure} took it, else the shipped ones. */
    public static CodeTables standard() {
        CodeTables tables = configured;
        return tables != null ? tables : SHIPPED;
    }

    /** The tables shipped with the project, without any operator's file. */
    public static CodeTables shipped() {
        return SHIPPED;
    }

    /**
     * Checks an operator's code-table file and makes the shipped tables with it the ones in use ({@link #standard()})
     * for this process. Called at start by the gateway ({@code cebgw.code-tables}), the sandbox and the command line
     * ({@code CEBGW_CODE_TABLES}); a bad file is refused with the line at fault.
     */
    public static CodeTables configure(Path file) throws CodeTableException {
        CodeTables tables = SHIPPED.with(file);
        configured = tables;
        return tables;
    }

    /** These tables with an operator's file: its codes added or replacing, status {@code removed} taking a code out. */
    public CodeTables with(Path file) throws CodeTableException {
        Set<String> names = new LinkedHashSet<>(tables.keySet());
        names.add(PORT);
        Map<String, List<CodeEntry>> rows = CodeOverrides.read(file, names);
        Map<String, CodeList> merged = new LinkedHashMap<>(tables);
        rows.forEach((name, entries) -> {
            CodeList base = merged.getOrDefault(name, new CodeList(PORT, "港口代码（运营方提供）", "ports (from the operator's file)", false, Map.of()));
            Map<String, CodeEntry> codes = new LinkedHashMap<>(base.entries());
            for (CodeEntry e : entries) {
                if ("removed".equals(e.status())) {
                    codes.remove(e.code());
                } else {
                    codes.put(e.code(), e);
                }
            }
            merged.put(name, new CodeList(base.name(), base.titleZh(), base.titleEn(), base.complete(), codes));
        });
        return new CodeTables(merged);
    }

    /** The names of the tables held (the shipped ones, and {@code port} when a file added it). */
    public Set<String> names() {
        return tables.keySet();
    }

    /** A table, if held. */
    public Optional<CodeList> find(String name) {
        return Optional.ofNullable(tables.get(name));
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
