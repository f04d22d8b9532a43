package io.gitops.promotion.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How long a tag must have been in a source environment's overlay before it is promoted out of it,
 * per source environment ({@code minSoak: {DEV: 30m, STG: 24h}}).
 */
public record SoakPolicy(Map<String, Duration> minimum) {
  public SoakPolicy {
    minimum = Map.copyOf(minimum);
  }

  public static SoakPolicy none() {
    return new SoakPolicy(Map.of());
  }

  public Optional<Duration> forSource(String environment) {
    return Optional.ofNullable(minimum.get(environment));
  }

  /**
   * @param youngest the application whose tag arrived last, e.g. {@code backend/tbd-test-backend}
   * @param arrivedAt when its tag arrived in the source overlay
   */
  public GateDecision decide(String source, String youngest, Instant arrivedAt, Instant now) {
    Optional<Duration> soak = forSource(source);
    if (soak.isEmpty() || youngest == null) {
      return GateDecision.openNow();
    }
    Instant oldEnough = arrivedAt.plus(soak.get());
    if (!oldEnough.isAfter(now)) {
      return GateDecision.openNow();
    }
    return GateDecision.closed(
        GateDecision.SOAKING,
        "application "
            + youngest
            + " has been in "
            + source
            + " since "
            + arrivedAt
            + ", less than the "
            + soak.get().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
            + " soak time; it may be promoted from "
            + oldEnough,
        oldEnough);
  }
}
