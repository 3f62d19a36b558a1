package io.cebgw.server.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutovacuumCheckTest {
    @Test
    void offNeedsAWarningInBothLanguages() {
        assertThat(AutovacuumCheck.warning("off")).hasValueSatisfying(w -> assertThat(w)
                .contains("autovacuum 已关闭").contains("autovacuum is off").contains("ANALYZE"));
        assertThat(AutovacuumCheck.warning(" OFF ")).isPresent();
    }

    @Test
    void onNeedsNone() {
        assertThat(AutovacuumCheck.warning("on")).isEmpty();
    }
}
