package io.gitops.promotion.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakPolicyTest {
  private final SoakPolicy policy =
      new SoakPolicy(Map.of("DEV", Duration.ofMinutes(30), "STG", Duration.ofHours(24)));
  private final Instant now = Instant.parse("2026-12-04T12:00:00Z");

  @Test
  void aTagYoungerThanTheSoakTimeWaitsUntilItIsOldEnough() {
    GateDecision young =
        policy.decide("DEV", "backend/api", now.minus(Duration.ofMinutes(10)), now);

    assertThat(young.open()).isFalse();
    assertThat(young.reason()).isEqualTo("Soaking");
    assertThat(young.opensAt()).isEqualTo(Instant.parse("2026-12-04T12:20:00Z"));
    assertThat(young.message()).contains("backend/api", "DEV", "30m");
  }

  @Test
  void aTagOldEnoughOrASourceWithoutSoakTimeGoes() {
    assertThat(policy.decide("DEV", "backend/api", now.minus(Duration.ofMinutes(30)), now).open())
        .isTrue();
    assertThat(policy.decide("TST", "backend/api", now, now).open()).isTrue();
  }
}
