package io.cebgw.client;

import java.util.List;

/** Events after a cursor, oldest first; ask again after {@code next}. */
public record EventPage(List<Event> events, long next) {
}
