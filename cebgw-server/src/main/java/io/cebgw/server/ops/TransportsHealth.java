package io.cebgw.server.ops;

import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import io.cebgw.transports.TransportCatalog;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readiness of the transports: the default one and each enterprise's own, connected and logged in without sending
 * anything (the plugins' {@code check}); a failure names the enterprise and the problem in words. Each check is kept
 * {@link #KEEP} so that probes do not log in to the broker every few seconds.
 */
public final class TransportsHealth implements HealthIndicator {
    static final Duration KEEP = Duration.ofSeconds(30);

    private record Checked(String problem, long at) {
    }

    private final EnterpriseStore enterprises;
    private final TransportSpec defaultSpec;
    private final Map<TransportSpec, Checked> checked = new ConcurrentHashMap<>();

    public TransportsHealth(EnterpriseStore enterprises, TransportSpec defaultSpec) {
        this.enterprises = enterprises;
        this.defaultSpec = defaultSpec;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        String problem = check(defaultSpec);
        details.put("default (" + defaultSpec.type() + ")", problem == null ? "UP" : problem);
        up &= problem == null;
        for (EnterpriseRow e : enterprises.all()) {
            if (e.transportProfile() == null || e.transportProfile().isBlank()) {
                continue;
            }
            try {
                TransportSpec spec = TransportSpec.parse(e.transportProfile(), "transport profile of " + e.dxpId());
                problem = check(spec);
            } catch (TransportException ex) {
                problem = words(ex);
            }
            details.put(e.dxpId() + " " + e.name(), problem == null ? "UP" : problem);
            up &= problem == null;
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    private String check(TransportSpec spec) {
        Checked c = checked.get(spec);
        if (c == null || c.at() + KEEP.toNanos() < System.nanoTime()) {
            String problem;
            try {
                TransportCatalog.check(spec);
                problem = null;
            } catch (TransportException e) {
                problem = words(e);
            } catch (RuntimeException e) {
                problem = "检查失败 / the check failed: " + e.getClass().getSimpleName();
            }
            c = new Checked(problem, System.nanoTime());
            checked.put(spec, c);
        }
        return c.problem();
    }

    private static String words(TransportException e) {
        return e.describe(Locale.CHINA) + " / " + e.describe(Locale.ENGLISH);
    }
}
