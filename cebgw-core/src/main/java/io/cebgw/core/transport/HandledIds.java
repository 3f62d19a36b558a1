package io.cebgw.core.transport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the messages a receiving end has handled, the newest {@code capacity} of them: a re-sent copy of a
 * sequenced message (same {@link Transport.Envelope#wireId()}) is recognised and not handed over twice. Thread-safe.
 */
public final class HandledIds {
    /** How many ids the transports remember. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, Boolean> ids;

    public HandledIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public HandledIds() {
        this(DEFAULT_CAPACITY);
    }

    public synchronized boolean seen(String id) {
        return id != null && ids.containsKey(id);
    }

    public synchronized void remember(String id) {
        if (id != null) {
            ids.put(id, Boolean.TRUE);
        }
    }
}
