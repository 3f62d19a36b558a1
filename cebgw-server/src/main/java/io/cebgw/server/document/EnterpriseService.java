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

    private final EnterpriseStore enterprises;
    private final Signers signers;
    private final Optional<Sandbox> sandbox;
    private final Clock clock;

    public EnterpriseService(EnterpriseStore enterprises, Signers signers, Optional<Sandbox> sandbox, Clock clock) {
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
        registerInSandbox(row);
        return new Registered(row, apiKey);
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

    private static String newApiKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "cgw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
