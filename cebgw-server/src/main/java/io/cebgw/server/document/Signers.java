package io.cebgw.server.document;

import io.cebgw.core.problem.SigningProblem;
import io.cebgw.core.signing.MessageSigner;
import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.KeySources;
import io.cebgw.crypto.key.SigningKey;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.server.store.EnterpriseRow;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One signer per enterprise, opened from its signing profile the first time it signs and kept open. */
public final class Signers implements AutoCloseable {
    private final KeySources sources;
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();

    /** A key opened for an enterprise's signing profile as it was then; a changed profile opens its key anew. */
    private record Opened(String profile, SigningKey key, CebSigner signer) {
    }

    public Signers(KeySources sources) {
        this.sources = sources;
    }

    public MessageSigner signer(EnterpriseRow enterprise) throws SigningException {
        return open(enterprise).signer();
    }

    public X509Certificate certificate(EnterpriseRow enterprise) throws SigningException {
        return open(enterprise).key().certificate();
    }

    private Opened open(EnterpriseRow enterprise) throws SigningException {
        Opened o = opened.get(enterprise.id());
        if (o != null && o.profile().equals(enterprise.signingProfile())) {
            return o;
        }
        synchronized (this) {
            o = opened.get(enterprise.id());
            if (o == null || !o.profile().equals(enterprise.signingProfile())) {
                if (enterprise.signingProfile() == null || enterprise.signingProfile().isBlank()) {
                    throw SigningException.of(SigningProblem.NO_SIGNING_PROFILE, enterprise.dxpId());
                }
                SigningKey key = sources.open(KeySourceSpec.parse(enterprise.signingProfile(), "signing profile of " + enterprise.dxpId()));
                if (o != null) {
                    o.key().close(); // the profile changed: its old key is not used again
                }
                o = new Opened(enterprise.signingProfile(), key, new CebSigner(key));
                opened.put(enterprise.id(), o);
            }
            return o;
        }
    }

    @Override
    public void close() {
        opened.values().forEach(o -> o.key().close());
        opened.clear();
    }
}
