package io.cebgw.server.ops;

import io.cebgw.core.signing.SigningException;
import io.cebgw.server.document.Signers;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Readiness of the signing keys: each enterprise's key source opens and its certificate is valid now; the details give
 * the days left. An expired certificate or a key that does not open is DOWN, naming the enterprise.
 */
public final class SigningKeysHealth implements HealthIndicator {
    private final EnterpriseStore enterprises;
    private final Signers signers;
    private final Clock clock;

    public SigningKeysHealth(EnterpriseStore enterprises, Signers signers, Clock clock) {
        this.enterprises = enterprises;
        this.signers = signers;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean[] up = {true};
        eachCertificate((e, days) -> {
            if (days == null) {
                up[0] = false;
            } else {
                details.put(e.dxpId() + " " + e.name(), days < 0 ? "expired " + (-days) + " days ago" : days + " days left");
                up[0] &= days >= 0;
            }
        }, (e, problem) -> details.put(e.dxpId() + " " + e.name(), problem));
        return (up[0] ? Health.up() : Health.down()).withDetails(details).build();
    }

    /** Each enterprise with a signing profile: the days its certificate has left (null when it does not open; {@code failed} says why). */
    void eachCertificate(BiConsumer<EnterpriseRow, Long> days, BiConsumer<EnterpriseRow, String> failed) {
        Instant now = clock.instant();
        for (EnterpriseRow e : enterprises.all()) {
            if (e.signingProfile() == null || e.signingProfile().isBlank()) {
                continue;
            }
            try {
                X509Certificate cert = signers.certificate(e);
                days.accept(e, Duration.between(now, cert.getNotAfter().toInstant()).toDays());
            } catch (SigningException ex) {
                failed.accept(e, ex.describe(Locale.CHINA) + " / " + ex.describe(Locale.ENGLISH));
                days.accept(e, null);
            }
        }
    }
}
