package io.cebgw.crypto;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sm2SignatureEncodingTest {
    @Test
    void rawAndDerConvertBothWaysIncludingShortAndSignedIntegers() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] raw = new byte[64];
            random.nextBytes(raw);
            switch (i % 4) {
                case 0 -> raw[0] = 0;                       // r shorter than 32 bytes
                case 1 -> { raw[0] = 0; raw[1] = 0; raw[32] = 0; } // both short
                case 2 -> raw[0] |= (byte) 0x80;            // r needs a sign byte in DER
                default -> raw[32] |= (byte) 0x80;          // s needs a sign byte
            }
            byte[] der = Sm2SignatureEncoding.toDer(raw);
            assertThat(Sm2SignatureEncoding.isDer(der)).isTrue();
            assertThat(Sm2SignatureEncoding.toRaw(der)).isEqualTo(raw);
        }
    }

    @Test
    void refusesWhatIsNeitherForm() {
        assertThat(Sm2SignatureEncoding.isDer(new byte[64])).isFalse();
        byte[] der = Sm2SignatureEncoding.toDer(new byte[64]);
        byte[] truncated = Arrays.copyOf(der, der.length - 1);
        assertThat(Sm2SignatureEncoding.isDer(truncated)).isFalse();
        assertThatThrownBy(() -> Sm2SignatureEncoding.toRaw(new byte[70])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2SignatureEncoding.toDer(new byte[63])).isInstanceOf(IllegalArgumentException.class);
    }
}
