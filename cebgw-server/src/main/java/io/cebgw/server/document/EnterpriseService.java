package io.cebgw.server.document;

import io.cebgw.core.signing.SigningException;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.sandbox.Enterprise;
import io.cebgw.sandbox.Sandbox;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registers enterprises with an API key; with the in-process sandbox, also registers their certificate there. */
public final class EnterpriseService {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How an enterprise may act for another: its customs broker, its platform, its carrier, or a partner. */
    private static final java.util.Set<String> ACTS_FOR_KINDS = java.util.Set.of("AGENT", "PLATFORM", "LOGISTICS", "PARTNER");

    private final EnterpriseStore enterprises;
    private final Signers signers;
    private final Optional<Sandbox> sandbox;
    private final Clock clock;

    private final SenderCheck senders;
    private final io.cebgw.server.access.Audit audit;
    private final io.cebgw.server.store.OutboxStore outbox;
    /** When every node has read a changed transport profile (EnterpriseTransports keeps one 5 seconds), and a second more. */
    private static final java.time.Duration PROFILE_READ_AGAIN = java.time.Duration.ofSeconds(6);

    public EnterpriseService(EnterpriseStore enterprises, Signers signers, SenderCheck senders, io.cebgw.server.access.Audit audit,
                             io.cebgw.server.store.OutboxStore outbox, Optional<Sandbox> sandbox, Clock clock) {
        this.outbox = outbox;
        this.senders = senders;
        this.audit = audit;
        this.enterprises = enterprises;
        this.signers = signers;
        this.sandbox = sandbox;
        this.clock = clock;
    }

    /** A registered enterprise and its API key (shown once; only its hash is stored). */
    public record Registered(EnterpriseRow enterprise, String apiKey) {
    }

    public Registered register(String name, String customsCode, String dxpId, String roles, String signingProfile) throws SigningException {
        try {
            return register(name, customsCode, dxpId, roles, signingProfile, null);
        } catch (TransportException e) {
            throw new IllegalStateException("no transport profile was given", e);
        }
    }

    /**
     * Registers an enterprise with its own transport profile ({@code .properties} text, see docs/transports.md; null:
     * the gateway's default). The profile is checked before anything is stored.
     */
    public Registered register(String name, String customsCode, String dxpId, String roles, String signingProfile, String transportProfile)
            throws SigningException, TransportException {
        if (transportProfile != null && !transportProfile.isBlank()) {
            TransportSpec spec = TransportSpec.parse(transportProfile, "transport profile of " + dxpId);
            io.cebgw.transports.TransportCatalog.validate(spec);
            TransferNode.of(spec);
        }
        EnterpriseRow row = new EnterpriseRow(UUID.randomUUID().toString(), name, customsCode, null, dxpId, roles, signingProfile,
                transportProfile == null || transportProfile.isBlank() ? null : transportProfile, clock.instant());
        enterprises.insert(row);
        String apiKey = newApiKey();
        enterprises.addApiKey(row.id(), apiKey, "initial");
        audit.record(row.id(), "enterprise.register", row.dxpId(), row.name() + " " + row.customsCode());
        registerInSandbox(row);
        return new Registered(row, apiKey);
    }

    /** What an administrator changes in an enterprise's profile; null leaves a value as it is, "" clears an optional one. */
    public record Changes(String name, String customsCode, String creditCode, String roles, String signingProfile, String transportProfile,
                          String alertProfile) {
        /** The profile fields only (alert settings unchanged). */
        public Changes(String name, String customsCode, String creditCode, String roles, String signingProfile, String transportProfile) {
            this(name, customsCode, creditCode, roles, signingProfile, transportProfile, null);
        }
    }

    /**
     * Changes an enterprise's profile. A new transport profile is checked and a new signing profile opened before
     * anything is stored; the change takes effect at once here and within seconds on other nodes, without a restart.
     */
    public EnterpriseRow update(EnterpriseRow old, Changes c) throws ValidationFailed {
        try {
            return change(old, c);
        } catch (SigningException e) {
            throw ValidationFailed.of(io.cebgw.core.problem.GatewayProblem.ENTERPRISE_PROFILE,
                    new io.cebgw.core.finding.Localized(e.describe(java.util.Locale.CHINA), e.describe(java.util.Locale.ENGLISH)));
        } catch (TransportException e) {
            throw ValidationFailed.of(io.cebgw.core.problem.GatewayProblem.ENTERPRISE_PROFILE,
                    new io.cebgw.core.finding.Localized(e.describe(java.util.Locale.CHINA), e.describe(java.util.Locale.ENGLISH)));
        }
    }

    private EnterpriseRow change(EnterpriseRow old, Changes c) throws SigningException, TransportException, ValidationFailed {
        EnterpriseRow row = new EnterpriseRow(old.id(), pick(c.name(), old.name()), pick(c.customsCode(), old.customsCode()),
                blankIsNull(pick(c.creditCode(), old.creditCode())), old.dxpId(), pick(c.roles(), old.roles()),
                pick(c.signingProfile(), old.signingProfile()), blankIsNull(pick(c.transportProfile(), old.transportProfile())), old.createdAt());
        if (row.transportProfile() != null && !row.transportProfile().equals(old.transportProfile())) {
            TransportSpec spec = TransportSpec.parse(row.transportProfile(), "transport profile of " + row.dxpId());
            io.cebgw.transports.TransportCatalog.validate(spec);
            TransferNode.of(spec);
        }
        if (row.signingProfile() != null && !row.signingProfile().equals(old.signingProfile())) {
            signers.certificate(row); // opens the new key: a wrong path or password is refused here, not at the next declaration
        }
        String alerts = c.alertProfile() == null ? null : alertProfile(c.alertProfile());
        enterprises.update(row);
        if (c.alertProfile() != null) {
            enterprises.setAlertProfile(row.id(), alerts);
            audit.record(row.id(), "enterprise.alerts", row.dxpId(), alerts == null ? "(none)" : alerts.replace('\n', ' '));
        }
        senders.forget(row.id());
        audit.record(row.id(), "enterprise.update", row.dxpId(), changed(old, row));
        if (!java.util.Objects.equals(row.transportProfile(), old.transportProfile())) {
            // what failed over the old profile goes again over the new one, once every node reads it (EnterpriseTransports)
            int again = outbox.retryAfterTransportChange(row.id(), clock.instant().plus(PROFILE_READ_AGAIN));
            if (again > 0) {
                audit.record(row.id(), "outbox.retry", row.dxpId(), again + " envelopes sent again over the new transport profile");
            }
        }
        registerInSandbox(row);
        return row;
    }

    /** Checked alert settings, blank as none; a mistake is refused with what is wrong. */
    private static String alertProfile(String text) throws ValidationFailed {
        try {
            io.cebgw.server.settings.AlertProfile.parse(text);
        } catch (io.cebgw.server.settings.AlertProfile.Invalid e) {
            throw ValidationFailed.of(io.cebgw.core.problem.GatewayProblem.ENTERPRISE_PROFILE, new io.cebgw.core.finding.Localized(e.zh(), e.getMessage()));
        }
        return text.isBlank() ? null : text.replace("\r\n", "\n");
    }

    /** Registers that the enterprise may declare for another one (its customs code); replaces an earlier entry. */
    public EnterpriseStore.ActsFor actFor(String enterpriseId, String code, String name, String kind) throws ValidationFailed {
        if (code == null || !code.matches("[0-9A-Za-z]{10}|[0-9A-Za-z]{18}") || !ACTS_FOR_KINDS.contains(kind)) {
            throw ValidationFailed.of(io.cebgw.core.problem.GatewayProblem.ACTS_FOR_FIELDS, code);
        }
        EnterpriseStore.ActsFor a = new EnterpriseStore.ActsFor(code, name, kind, clock.instant());
        enterprises.putActsFor(enterpriseId, a);
        senders.forget(enterpriseId);
        audit.record(enterpriseId, "acts_for.add", code, kind + " " + (name == null ? "" : name));
        return a;
    }

    public boolean stopActingFor(String enterpriseId, String code) {
        boolean removed = enterprises.removeActsFor(enterpriseId, code);
        senders.forget(enterpriseId);
        if (removed) {
            audit.record(enterpriseId, "acts_for.remove", code, null);
        }
        return removed;
    }

    /** The fields that changed, by name (profiles only named: they may be long, and hold no secrets but are not shown). */
    private static String changed(EnterpriseRow a, EnterpriseRow b) {
        List<String> out = new java.util.ArrayList<>();
        if (!java.util.Objects.equals(a.name(), b.name())) {
            out.add("name: " + a.name() + " -> " + b.name());
        }
        if (!java.util.Objects.equals(a.customsCode(), b.customsCode())) {
            out.add("customsCode: " + a.customsCode() + " -> " + b.customsCode());
        }
        if (!java.util.Objects.equals(a.creditCode(), b.creditCode())) {
            out.add("creditCode: " + a.creditCode() + " -> " + b.creditCode());
        }
        if (!java.util.Objects.equals(a.roles(), b.roles())) {
            out.add("roles: " + a.roles() + " -> " + b.roles());
        }
        if (!java.util.Objects.equals(a.signingProfile(), b.signingProfile())) {
            out.add("signingProfile changed");
        }
        if (!java.util.Objects.equals(a.transportProfile(), b.transportProfile())) {
            out.add("transportProfile changed");
        }
        return out.isEmpty() ? "no change" : String.join("; ", out);
    }

    private static String pick(String changed, String old) {
        return changed == null ? old : changed.strip();
    }

    private static String blankIsNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Issues another API key for an existing enterprise. */
    public String newApiKeyFor(EnterpriseRow enterprise) {
        String apiKey = newApiKey();
        enterprises.addApiKey(enterprise.id(), apiKey, "issued");
        return apiKey;
    }

    /** Makes the in-process sandbox accept the enterprise's signatures (demo, tests). */
    public void registerInSandbox(EnterpriseRow row) throws SigningException {
        if (sandbox.isPresent() && row.signingProfile() != null) {
            sandbox.get().registry().register(new Enterprise(row.name(), row.customsCode(), row.dxpId(), List.of(signers.certificate(row))));
        }
    }

    /** A new API key value: 24 random bytes, URL-safe Base64, with a prefix that tells what it is when it turns up somewhere. */
    public static String newApiKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "cgw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
