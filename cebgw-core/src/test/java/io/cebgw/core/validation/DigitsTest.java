package io.cebgw.core.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** XSD totalDigits / fractionDigits as the spec's N19,5 and N5 need them. */
class DigitsTest {
    @Test
    void significantDigitsOnlyCount() {
        assertThat(FieldRules.digitsFit("12345678912345.12345", 19, 5)).isTrue();
        assertThat(FieldRules.digitsFit("00012.50000", 19, 5)).isTrue();
        assertThat(FieldRules.digitsFit("-1.5", 19, 5)).isTrue();
        assertThat(FieldRules.digitsFit("1.", 19, 5)).isTrue();
        assertThat(FieldRules.digitsFit("+0", 5, 0)).isTrue();
        assertThat(FieldRules.digitsFit("12345678901234567890", 19, 5)).isFalse();
        assertThat(FieldRules.digitsFit("0.000001", 19, 5)).isFalse();
        assertThat(FieldRules.digitsFit("123456", 5, 0)).isFalse();
        assertThat(FieldRules.digitsFit("99999", 5, 0)).isTrue();
    }
}
