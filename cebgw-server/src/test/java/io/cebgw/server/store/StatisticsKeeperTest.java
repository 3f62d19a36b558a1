package io.cebgw.server.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsKeeperTest {
    @Test
    void autovacuumOffIsWarnedAboutInBothLanguages() {
        assertThat(StatisticsKeeper.warning("off")).hasValueSatisfying(w -> assertThat(w)
                .contains("autovacuum 已关闭").contains("autovacuum is off").contains("ANALYZE").contains("VACUUM"));
        assertThat(StatisticsKeeper.warning(" OFF ")).isPresent();
    }

    @Test
    void autovacuumOnNeedsNoWarning() {
        assertThat(StatisticsKeeper.warning("on")).isEmpty();
    }
}
