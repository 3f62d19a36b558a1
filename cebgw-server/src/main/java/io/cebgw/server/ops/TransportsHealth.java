package io.cebgw.server.ops;

import io.cebgw.core.transport.TransportSpec;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readiness of the transports (and the transport check onboarding step 5 shows): the default one and each enterprise's own, connected and logged in without sending
 * anything (the plugins' {@code check}); a failure names the enterprise and the problem in words. Each check is kept
 * {@link #KEEP} so that probes do not log in to the broker every few seconds.
 */
public final class TransportsHealth implements HealthIndicator {
    static final Duration KEEP = Duration.ofSeconds(30);

    private record Checked(Check check, long at) {
    }

    private final EnterpriseStore enterprises;
    private final TransportSpec defaultSpec;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    public TransportsHealth(EnterpriseStore enterprises, TransportSpec defaultSpec) {
        this.enterprises = enterprises;
        this.defaultSpec = defaultSpec;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        Check c = defaultTransport();
        details.put("default (" + defaultSpec.type() + ")", c.failed() ? c.detail().both() : "UP");
        up &= !c.failed();
        for (EnterpriseRow e : enterprises.all()) {
            if (e.transportProfile() == null || e.transportProfile().isBlank()) {
                continue;
            }
            c = profile(e);
            details.put(e.dxpId() + " " + e.name(), c.failed() ? c.detail().both() : "UP");
            up &= !c.failed();
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    public TransportSpec defaultSpec() {
        return defaultSpec;
    }

    /** The default transport's check, at most {@link #KEEP} old. */
    public Check defaultTransport() {
        return check("\u0000default", () -> TransportProbe.spec("default", defaultSpec));
    }

    /** The check of an enterprise's own profile, at most {@link #KEEP} old (a changed profile is checked anew). */
    public Check profile(EnterpriseRow e) {
        return check(e.transportProfile(), () -> TransportProbe.profile(e.dxpId(), e.transportProfile()));
    }

    /** The last check of this configuration while it is fresh, else a new one. */
    private Check check(String configuration, java.util.function.Supplier<Check> probe) {
        Checked c = checked.get(configuration);
        if (c == null || c.at() + KEEP.toNanos() < System.nanoTime()) {
            c = new Checked(probe.get(), System.nanoTime());
            checked.put(configuration, c);
        }
        return c.check();
    }
}
