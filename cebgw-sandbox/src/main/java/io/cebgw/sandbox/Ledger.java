package io.cebgw.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the sandbox has seen and decided: arrivals (every message, accepted or not), documents by business
 * key and by the numbers other documents name them by, declaration lists by list number, CopMsgIds for duplicate
 * deliveries.
 * Documents are changed only on the sandbox's worker thread; arrivals may be read from any thread. Only the newest
 * {@value #KEPT_ARRIVALS} arrivals are kept (a sandbox left running would otherwise grow with every message); their
 * numbers keep counting from the first.
 */
public final class Ledger {
    static final int KEPT_ARRIVALS = 100_000;
    /** Appended once per message and read rarely (status page, tests): a copy-on-write list would copy it on every append. */
    private final ArrayDeque<Arrival> arrivals = new ArrayDeque<>();
    private final int keptArrivals;
    private final Map<String, Document> documents = new LinkedHashMap<>();
    /** Documents by a number they carry: kind|field|value (orders by orderNo, waybills by logisticsNo, lists by both). */
    private final Map<String, List<Document>> byNumber = new HashMap<>();
    private final Map<String, Document> listsByInvtNo = new HashMap<>();
    private final Map<String, Integer> copMsgIds = new HashMap<>();
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    Ledger() {
        this(KEPT_ARRIVALS);
    }

    Ledger(int keptArrivals) {
        this.keptArrivals = keptArrivals;
    }

    Arrival arrival(String transportId, Instant time, int size) {
        Arrival arrival = new Arrival(numbers.incrementAndGet(), transportId, time, size);
        synchronized (arrivals) {
            arrivals.addLast(arrival);
            if (arrivals.size() > keptArrivals) {
                arrivals.removeFirst();
            }
        }
        return arrival;
    }

    /** The kept arrivals, oldest first. */
    public List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** Records a CopMsgId; true when it was seen before (a duplicate delivery). */
    synchronized boolean seen(String copMsgId) {
        boolean before = copMsgIds.merge(copMsgId, 1, Integer::sum) > 1;
        if (before) {
            duplicates.incrementAndGet();
        }
        return before;
    }

    /** How many deliveries repeated a CopMsgId already received. */
    public long duplicateDeliveries() {
        return duplicates.get();
    }

    synchronized Optional<Document> document(Kind kind, String key) {
        return Optional.ofNullable(documents.get(kind.name() + "|" + key));
    }

    synchronized void put(Document document) {
        documents.put(document.kind().name() + "|" + document.key(), document);
        for (String number : numbers(document)) {
            byNumber.computeIfAbsent(number, k -> new ArrayList<>()).add(document);
        }
        if (document.kind() == Kind.LIST) {
            listsByInvtNo.put(document.invtNo(), document);
        }
    }

    synchronized void remove(Document document) {
        documents.remove(document.kind().name() + "|" + document.key());
        for (String number : numbers(document)) {
            List<Document> same = byNumber.get(number);
            if (same != null) {
                same.remove(document);
            }
        }
        if (document.kind() == Kind.LIST) {
            listsByInvtNo.remove(document.invtNo());
        }
    }

    private static List<String> numbers(Document document) {
        List<String> numbers = new ArrayList<>(2);
        for (String field : switch (document.kind()) {
            case ORDER -> List.of("orderNo");
            case WAYBILL -> List.of("logisticsNo");
            case LIST -> List.of("orderNo", "logisticsNo");
            default -> List.<String>of();
        }) {
            if (document.field(field) != null) {
                numbers.add(document.kind().name() + "|" + field + "|" + document.field(field).strip());
            }
        }
        return numbers;
    }

    /** Documents of a kind carrying a number (orders by orderNo, waybills by logisticsNo, lists by either), rejected ones too. */
    synchronized List<Document> byNumber(Kind kind, String field, String value) {
        return List.copyOf(byNumber.getOrDefault(kind.name() + "|" + field + "|" + value, List.of()));
    }

    synchronized List<Document> listsByLogisticsNo(String logisticsNo) {
        return byNumber(Kind.LIST, "logisticsNo", logisticsNo);
    }

    synchronized Optional<Document> listByInvtNo(String invtNo) {
        return Optional.ofNullable(listsByInvtNo.get(invtNo));
    }

    public synchronized List<Document> documents() {
        return List.copyOf(documents.values());
    }
}
