package io.cebgw.sandbox;

import io.cebgw.crypto.key.KeySourceException;
import io.cebgw.crypto.key.Pem;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The enterprises the sandbox knows, by DXPID; enterprises can be added while it runs (admin API). */
public final class Registry {
    private final Map<String, Enterprise> byDxpId = new ConcurrentHashMap<>();

    public static Registry of(List<SandboxConfig.EnterpriseEntry> entries) throws KeySourceException {
        Registry registry = new Registry();
        for (SandboxConfig.EnterpriseEntry e : entries) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Path p : e.certificates()) {
                certificates.addAll(Pem.readCertificates(p));
            }
            registry.register(new Enterprise(e.name(), e.customsCode(), e.dxpId(), certificates));
        }
        return registry;
    }

    public void register(Enterprise enterprise) {
        byDxpId.put(enterprise.dxpId(), enterprise);
    }

    public Optional<Enterprise> byDxpId(String dxpId) {
        return Optional.ofNullable(dxpId == null ? null : byDxpId.get(dxpId));
    }

    public Collection<Enterprise> all() {
        return List.copyOf(byDxpId.values());
    }
}
