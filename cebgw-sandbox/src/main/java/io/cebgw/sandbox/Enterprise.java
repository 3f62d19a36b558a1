package io.cebgw.sandbox;

import io.cebgw.crypto.verify.TrustAnchors;

import java.security.cert.X509Certificate;
import java.util.List;

/** A registered enterprise: who may send, and with which certificates its signatures must verify. */
public record Enterprise(String name, String customsCode, String dxpId, List<X509Certificate> certificates) {
    public Enterprise {
        certificates = List.copyOf(certificates);
    }

    public TrustAnchors trust() {
        return new TrustAnchors(certificates);
    }
}
