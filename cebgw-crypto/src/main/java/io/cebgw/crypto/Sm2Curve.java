package io.cebgw.crypto;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.gm.GMNamedCurves;

import java.math.BigInteger;
import java.security.spec.ECParameterSpec;

/** Recognises the SM2 curve (GM/T 0003, OID 1.2.156.10197.1.301) in a key's parameters. */
final class Sm2Curve {
    private static final X9ECParameters SM2 = GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1);
    private static final BigInteger ORDER = SM2.getN();

    private Sm2Curve() {
    }

    static boolean matches(ECParameterSpec params) {
        return params != null && ORDER.equals(params.getOrder())
                && SM2.getCurve().getA().toBigInteger().equals(params.getCurve().getA());
    }
}
