package io.cebgw.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many documents each enterprise has per message type and status, kept as they change instead of counted when
 * asked: counting a million documents' statuses took over a second. Every change writes a row of
 * {@code document_count_delta} in its own transaction (inserts only: no row that concurrent transactions fight over);
 * {@link #fold} adds them into {@code document_count} every few seconds on one node at a time; a reading adds both.
 * The key is {@link DocumentStore#DRAFTS} before declaration, {@link DocumentStore#UNANSWERED} until the first
 * receipt, then the return status.
 */
public final class DocumentCounts {
    /** The status key of a document from its columns, in SQL. */
    static final String KEY_SQL = "case when cop_msg_id is null then '" + DocumentStore.DRAFTS + "' else coalesce(status, '"
            + DocumentStore.UNANSWERED + "') end";
    private final JdbcClient jdbc;

    DocumentCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts the document of this id under its current key, {@code n} times (+1 as it enters a key, -1 as it leaves). */
    void add(String documentId, int n) {
        delta(KEY_SQL, n, documentId, "true");
    }

    /**
     * Takes the document out of its current key where {@code condition} (SQL on its columns) holds; the caller adds it
     * again under its new key after the change (or under the old one when the change did not happen). Returns 1 when it
     * was taken out, 0 when the condition did not hold.
     */
    int leave(String documentId, String condition) {
        return delta(KEY_SQL, -1, documentId, condition);
    }

    /** Counts the document under {@code key} once more: gives back what {@link #leave} took when the change did not happen. */
    void restore(String documentId, String key) {
        delta("'" + key + "'", 1, documentId, "true");
    }

    /** One change row: the document (where {@code condition} holds) counted {@code n} times under {@code keySql}. */
    private int delta(String keySql, int n, String documentId, String condition) {
        return jdbc.sql("insert into document_count_delta (enterprise_id, message_type, status_key, n) select enterprise_id, message_type, " + keySql
                + ", " + n + " from document where id = ? and " + condition).param(documentId).update();
    }

    /** How many of the enterprise's documents have each key. */
    public Map<String, Integer> byStatus(String enterpriseId) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql("select status_key, sum(n) as n from (select status_key, n from document_count where enterprise_id = ?"
                        + " union all select status_key, n from document_count_delta where enterprise_id = ?) c group by status_key")
                .params(enterpriseId, enterpriseId).query(rs -> {
                    if (rs.getInt("n") != 0) {
                        counts.put(rs.getString("status_key"), rs.getInt("n"));
                    }
                });
        return counts;
    }

    /** Every enterprise's documents by message type and key (for the meters). */
    public Map<List<String>, Integer> byTypeAndStatus() {
        Map<List<String>, Integer> counts = new HashMap<>();
        jdbc.sql("select message_type, status_key, sum(n) as n from (select message_type, status_key, n from document_count"
                        + " union all select message_type, status_key, n from document_count_delta) c group by message_type, status_key")
                .query(rs -> {
                    if (rs.getInt("n") != 0) {
                        counts.merge(List.of(rs.getString("message_type"), rs.getString("status_key")), rs.getInt("n"), Integer::sum);
                    }
                });
        return counts;
    }

    /**
     * Adds the changes so far into the totals and removes them, in one transaction; a node that finds another folding
     * waits for it (the lock row). Returns how many change rows were folded.
     */
    public int fold(TransactionTemplate tx) {
        Integer folded = tx.execute(s -> {
            jdbc.sql("select id from document_count_fold where id = 1 for update").query(Integer.class).single();
            Long upTo = jdbc.sql("select max(id) from document_count_delta").query(Long.class).optional().orElse(null);
            if (upTo == null) {
                return 0;
            }
            List<Sum> sums = jdbc.sql("select enterprise_id, message_type, status_key, sum(n) as n from document_count_delta"
                    + " where id <= ? group by enterprise_id, message_type, status_key").param(upTo)
                    .query((rs, i) -> new Sum(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
            for (Sum sum : sums) {
                if (jdbc.sql("update document_count set n = n + ? where enterprise_id = ? and message_type = ? and status_key = ?")
                        .params(sum.n(), sum.enterpriseId(), sum.type(), sum.key()).update() == 0) {
                    jdbc.sql("insert into document_count (enterprise_id, message_type, status_key, n) values (?, ?, ?, ?)")
                            .params(sum.enterpriseId(), sum.type(), sum.key(), sum.n()).update();
                }
            }
            return jdbc.sql("delete from document_count_delta where id <= ?").param(upTo).update();
        });
        return folded == null ? 0 : folded;
    }

    private record Sum(String enterpriseId, String type, String key, long n) {
    }
}
