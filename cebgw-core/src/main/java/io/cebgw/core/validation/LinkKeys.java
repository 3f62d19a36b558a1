package io.cebgw.core.validation;

import io.cebgw.core.model.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers by which a document links to others: an order by its orderNo, a waybill by its logisticsNo, a list by both,
 * a 总分单, arrival or departure by the logisticsNo of each line, a cancellation by its invtNo, a summary by each line's
 * invtNo. One place for what the rules across documents look up and what a file given with others is named by.
 */
final class LinkKeys {
    /** A field and its value. */
    record Key(String field, String value) {
        @Override
        public String toString() {
            return field + " “" + value + "”";
        }
    }

    private LinkKeys() {
    }

    static List<Key> of(Declared d) {
        List<Key> keys = new ArrayList<>();
        switch (d.type()) {
            case CEB303 -> head(keys, d, "orderNo");
            case CEB505 -> head(keys, d, "logisticsNo");
            case CEB603 -> {
                head(keys, d, "orderNo");
                head(keys, d, "logisticsNo");
            }
            case CEB607, CEB507, CEB509 -> lines(keys, d, "logisticsNo");
            case CEB605 -> head(keys, d, "invtNo");
            case CEB701 -> lines(keys, d, "invtNo");
            default -> {
                // receipts and the other types link to nothing by number
            }
        }
        return keys;
    }

    private static void head(List<Key> keys, Declared d, String field) {
        add(keys, field, d.get(field));
    }

    private static void lines(List<Key> keys, Declared d, String field) {
        for (Node line : d.lines()) {
            add(keys, field, Declared.trimmed(line.get(field)));
        }
    }

    private static void add(List<Key> keys, String field, String value) {
        if (value != null) {
            keys.add(new Key(field, value));
        }
    }
}
