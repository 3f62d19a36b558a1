package io.cebgw.core.transport;

import io.cebgw.core.problem.TransportProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retry as a decision: passing failures back off by the policy, permanent ones give up at once. */
class RetryPolicyTest {
    private static final TransportException PASSING = new TransportException("broker down");
    private static final TransportException REFUSED = new TransportException(TransportProblem.CREDENTIALS_REFUSED.with("AMQP mq", "ACCESS_REFUSED"));

    @Test
    void delaysDoubleUpToTheCap() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(30), 10);
        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.delayAfter(4)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.delayAfter(60)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPermanentFailureGivesUpOnTheFirstAttemptAPassingOneWhenAttemptsRunOut() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 3);
        assertThat(PASSING.transientFailure()).isTrue();
        assertThat(REFUSED.transientFailure()).isFalse();
        assertThat(p.givesUpAfter(1, REFUSED)).isTrue();
        assertThat(p.givesUpAfter(1, PASSING)).isFalse();
        assertThat(p.givesUpAfter(2, PASSING)).isFalse();
        assertThat(p.givesUpAfter(3, PASSING)).isTrue();
        for (TransportProblem problem : TransportProblem.values()) {
            assertThat(p.givesUpAfter(1, new TransportException(problem.with("a", "b", "c"))))
                    .as(problem.code()).isEqualTo(problem != TransportProblem.TRANSIENT);
        }
    }

    @Test
    void aProfileSetsItsOwnPolicyAndIsCheckedForIt() throws TransportException {
        RetryPolicy own = RetryPolicy.of(TransportSpec.of("folder", Map.of("root", "/x", "retry.first-delay-millis", "200",
                "retry.max-delay-millis", "1000", "retry.max-attempts", "4")), RetryPolicy.DEFAULT);
        assertThat(own).isEqualTo(new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 4));
        assertThat(RetryPolicy.of(TransportSpec.of("folder", Map.of("root", "/x")), RetryPolicy.DEFAULT)).isEqualTo(RetryPolicy.DEFAULT);
        assertThatThrownBy(() -> RetryPolicy.of(TransportSpec.of("folder", Map.of("retry.max-attempts", "0")), RetryPolicy.DEFAULT))
                .isInstanceOf(TransportException.class).hasMessageContaining("retry.max-attempts")
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo("CEB-T002"));
        assertThatThrownBy(() -> RetryPolicy.of(TransportSpec.of("folder", Map.of("retry.first-delay-millis", "5000",
                "retry.max-delay-millis", "10")), RetryPolicy.DEFAULT)).isInstanceOf(TransportException.class);
        assertThatThrownBy(() -> RetryPolicy.of(TransportSpec.of("folder", Map.of("retry.max-attempts", "many")), RetryPolicy.DEFAULT))
                .isInstanceOf(TransportException.class);
    }
}
