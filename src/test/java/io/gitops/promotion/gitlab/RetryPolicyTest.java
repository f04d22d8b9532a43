package io.gitops.promotion.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void theDelayDoublesAfterEachFailedAttemptUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(700));

    assertThat(IntStream.rangeClosed(1, 6).mapToObj(policy::delayAfter))
        .containsExactly(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(700),
            Duration.ofMillis(700),
            Duration.ofMillis(700));
  }

  @Test
  void theDefaultsWaitHalfASecondThenOneThenTwo() {
    RetryPolicy defaults = RetryPolicy.defaults();

    assertThat(defaults.maxAttempts()).isEqualTo(4);
    assertThat(IntStream.rangeClosed(1, 3).mapToObj(defaults::delayAfter))
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aPolicyNeedsAnAttemptAndOrderedDelays() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .hasMessage("maxAttempts must be at least 1, was 0");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("need 0 <= baseDelay <= maxDelay, was PT2S and PT1S");
  }
}
