package io.cebgw.server.access;

import io.cebgw.server.store.AuditStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records who did what: every create, modify, declare, resend, delete and import of a document, every key, user,
 * webhook, profile and relationship change — with the {@link Actor} of the request and its address.
 */
public final class Audit {
    private final AuditStore store;
    private final Clock clock;

    public Audit(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records an action of the current actor (runs in the caller's transaction when there is one). */
    public void record(String enterpriseId, String action, String target, String detail) {
        Actor a = Actor.current();
        store.append(new AuditStore.AuditRow(0, clock.instant(), enterpriseId, a.kind(), a.name(), a.address(), action, target, detail));
    }

    public List<AuditStore.AuditRow> of(String enterpriseId, String target) {
        return store.forTarget(enterpriseId, target);
    }

    /** The trail as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese right): at, actor, address, action, target, detail. */
    public String csv(String enterpriseId, Instant from, Instant to) {
        StringBuilder out = new StringBuilder("\uFEFFat,actor_kind,actor,address,action,target,detail\r\n");
        for (AuditStore.AuditRow r : store.between(enterpriseId, from, to, 100_000)) {
            out.append(String.join(",", List.of(r.at().toString(), r.actorKind(), cell(r.actor()), cell(r.address()), r.action(), cell(r.target()),
                    cell(r.detail())))).append("\r\n");
        }
        return out.toString();
    }

    /** A CSV cell: quoted when needed; a leading =, +, - or @ is escaped so a spreadsheet never runs it as a formula. */
    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
