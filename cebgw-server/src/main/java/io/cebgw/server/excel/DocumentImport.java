package io.cebgw.server.excel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cebgw.core.finding.Finding;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.spec.BusinessKey;
import io.cebgw.server.document.DocumentService;
import io.cebgw.server.document.FindingPath;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.store.EnterpriseRow;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a filled-in template as drafts (暂存), all or nothing. The file is read twice, streamed: first every
 * document is checked exactly as the API would (findings, existing business keys) and every problem is tied to its
 * row and column; only when no row has an error is it read again and every document stored, in one transaction.
 */
public final class DocumentImport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter APP_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Problems kept for the report; an upload with more is cut off there (the report says so). */
    static final int MAX_PROBLEMS = 100_000;

    private final DocumentService documents;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DocumentImport(DocumentService documents, TransactionTemplate tx, Clock clock) {
        this.documents = documents;
        this.tx = tx;
        this.clock = clock;
    }

    /** One problem: its Excel row, its column header (blank for the whole document), and the finding. */
    public record Problem(int row, String column, boolean error, String code, String message, String messageEn) {
    }

    /** What happened: documents and rows read, the problems, and whether the documents were stored. */
    public record Result(int documents, int rows, List<Problem> problems, boolean imported) {
        public long errors() {
            return problems.stream().filter(Problem::error).count();
        }
    }

    /** The rows of one document, as read. */
    private record Group(String key, List<SheetRows.Row> rows) {
    }

    public Result importDrafts(EnterpriseRow enterprise, ImportLayout layout, Path file) throws ImportException {
        List<Problem> problems = new ArrayList<>();
        int[] counts = new int[2];
        read(layout, file, group -> {
            counts[0]++;
            counts[1] += group.rows().size();
            check(enterprise, layout, group, problems);
        }, problems);
        boolean clean = problems.stream().noneMatch(Problem::error);
        if (clean && counts[0] > 0) {
            tx.executeWithoutResult(status -> {
                try {
                    read(layout, file, group -> store(enterprise, layout, group), new ArrayList<>());
                } catch (ImportException e) {
                    throw new IllegalStateException("the file changed between the check and the import", e);
                }
            });
        }
        return new Result(counts[0], counts[1], problems, clean && counts[0] > 0);
    }

    @FunctionalInterface
    private interface GroupVisitor {
        void group(Group group) throws ImportException;
    }

    /** Reads the rows, checks the header, and hands over the documents: adjacent rows with the same business key. */
    private void read(ImportLayout layout, Path file, GroupVisitor visitor, List<Problem> problems) throws ImportException {
        List<Integer> keyColumns = BusinessKey.fields(layout.type()).orElseThrow().stream()
                .map(f -> layout.column(false, f).map(ImportLayout.Column::index).orElse(-1)).toList();
        Set<String> seen = new HashSet<>();
        Group[] current = new Group[1];
        SheetRows.read(file, layout.columns().size(), row -> {
            if (row.number() == 1) {
                checkHeader(layout, row);
                return;
            }
            if (row.blank()) {
                return;
            }
            String key = String.join("|", keyColumns.stream().map(c -> c < 0 ? "" : row.cell(c)).toList());
            boolean keyed = !key.replace("|", "").isBlank();
            boolean sameDocument = keyed ? current[0] != null && current[0].key().equals(key) : continuation(layout, row);
            if (current[0] != null && sameDocument && layout.items().isPresent()) {
                current[0].rows().add(row);   // another item line of the document above (its header columns repeated, or left empty)
                return;
            }
            if (current[0] != null) {
                visitor.group(current[0]);
            }
            if (keyed && !seen.add(key) && problems.size() < MAX_PROBLEMS) {
                io.cebgw.core.problem.Problem repeated = GatewayProblem.IMPORT_KEY_REPEATED.with(key);
                problems.add(new Problem(row.number(), "", true, repeated.code().code(), repeated.zh(), repeated.en()));
            }
            current[0] = new Group(keyed ? key : "#" + row.number(), new ArrayList<>(List.of(row)));
        });
        if (current[0] != null) {
            visitor.group(current[0]);
        }
    }

    /** A continuation row: every header column empty, some item column filled (docs/zh/web.md, the template's 说明 sheet). */
    private static boolean continuation(ImportLayout layout, SheetRows.Row row) {
        boolean headEmpty = layout.columns().stream().filter(c -> !c.item()).allMatch(c -> row.cell(c.index()).isBlank());
        boolean itemFilled = layout.columns().stream().filter(ImportLayout.Column::item).anyMatch(c -> !row.cell(c.index()).isBlank());
        return headEmpty && itemFilled;
    }

    private static void checkHeader(ImportLayout layout, SheetRows.Row header) throws ImportException {
        for (ImportLayout.Column c : layout.columns()) {
            if (!header.cell(c.index()).equals(c.header())) {
                throw new ImportException(GatewayProblem.IMPORT_NOT_THE_TEMPLATE.with(layout.type().name(), c.index() + 1, c.header(),
                        header.cell(c.index())));
            }
        }
    }

    private void check(EnterpriseRow enterprise, ImportLayout layout, Group group, List<Problem> problems) {
        List<Finding> findings;
        try {
            findings = documents.dryRun(enterprise.id(), json(enterprise, layout, group), true);
        } catch (ValidationFailed e) {
            add(problems, new Problem(group.rows().get(0).number(), "", true, e.code(), e.zh(), e.getMessage()));
            return;
        }
        for (Finding f : findings) {
            Place place = place(layout, group, f.path());
            add(problems, new Problem(place.row(), place.column(), f.isError(), f.code(), f.message(Locale.CHINA), f.message(Locale.ENGLISH)));
        }
    }

    private static void add(List<Problem> problems, Problem problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    private void store(EnterpriseRow enterprise, ImportLayout layout, Group group) {
        try {
            documents.create(enterprise.id(), json(enterprise, layout, group), true, null, false);
        } catch (ValidationFailed e) {
            throw new IllegalStateException("a checked document was refused: " + e.getMessage(), e);
        }
    }

    /** Where a finding's XPath points in the sheet: the item's row (or the document's first row) and the field's column. */
    private record Place(int row, String column) {
    }

    private static Place place(ImportLayout layout, Group group, String path) {
        int first = group.rows().get(0).number();
        Optional<FindingPath> where = FindingPath.parse(path);
        if (where.isEmpty()) {
            return new Place(first, "");
        }
        Optional<Integer> item = layout.items().flatMap(items -> where.get().rowOf(items.name()));
        int row = item.filter(i -> i < group.rows().size()).map(i -> group.rows().get(i).number()).orElse(first);
        return new Place(row, layout.column(item.isPresent(), where.get().field()).map(ImportLayout.Column::header).orElse(""));
    }

    /** The document as the API's JSON: head from the first row, one item per row, the transfer block from the enterprise. */
    private byte[] json(EnterpriseRow enterprise, ImportLayout layout, Group group) {
        ObjectNode root = JSON.createObjectNode().put("type", layout.type().rootName());
        ObjectNode record = root.putArray(layout.record()).addObject();
        ObjectNode head = layout.flat() ? record : record.putObject(layout.head().name());
        SheetRows.Row first = group.rows().get(0);
        for (ImportLayout.Column c : layout.columns()) {
            if (!c.item() && !first.cell(c.index()).isEmpty()) {
                head.put(c.field(), first.cell(c.index()));
            }
        }
        defaults(head);
        layout.items().ifPresent(items -> {
            ArrayNode list = record.putArray(items.name());
            for (SheetRows.Row row : group.rows()) {
                ObjectNode item = list.addObject();
                for (ImportLayout.Column c : layout.columns()) {
                    if (c.item() && !row.cell(c.index()).isEmpty()) {
                        item.put(c.field(), row.cell(c.index()));
                    }
                }
            }
        });
        root.putObject("BaseTransfer").put("copCode", enterprise.customsCode()).put("copName", enterprise.name())
                .put("dxpMode", "DXP").put("dxpId", enterprise.dxpId());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void defaults(ObjectNode head) {
        if (!head.has("guid")) {
            head.put("guid", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        }
        if (!head.has("appType")) {
            head.put("appType", "1");
        }
        if (!head.has("appTime")) {
            head.put("appTime", clock.instant().atZone(ZoneId.of("Asia/Shanghai")).format(APP_TIME));
        }
    }
}
