package io.cebgw.crypto.testing;

import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.example.ExampleOptions;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;

import java.math.BigInteger;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Keys and certificates for tests, generated once per JVM: a test CA and an end-entity key per suite. */
public final class TestKeys {
    private static final Map<SignatureSuite, GeneratedKey> CAS = new EnumMap<>(SignatureSuite.class);
    private static final Map<SignatureSuite, GeneratedKey> KEYS = new EnumMap<>(SignatureSuite.class);
    /** A serial whose hex starts with a zero nibble, so KeyName must keep the leading zero ("0300…"). */
    public static final BigInteger SERIAL = new BigInteger("03000000000cde70", 16);

    private TestKeys() {
    }

    public static synchronized GeneratedKey ca(SignatureSuite suite) {
        return CAS.computeIfAbsent(suite, s -> KeyPairs.certificateAuthority(s, "CN=CEB Gateway Test CA " + s + ",O=cebgw,C=CN",
                Duration.ofDays(3650)));
    }

    /** An operator key issued by the test CA, with {@link #SERIAL}. */
    public static synchronized GeneratedKey key(SignatureSuite suite) {
        return KEYS.computeIfAbsent(suite, s -> KeyPairs.issuedBy(ca(s), s,
                "CN=测试操作员 " + s + ",OU=杭州示例鞋业进出口有限公司,C=CN", Duration.ofDays(365), SERIAL));
    }

    /** An unsigned CEB603 declaration list (9710) with {@code items} items, as the writer emits it. */
    public static byte[] declarationList(int items) {
        return new CebWriter().write(new ExampleFactory().create(MessageType.CEB603, new ExampleOptions("9710", null, items)));
    }
}
