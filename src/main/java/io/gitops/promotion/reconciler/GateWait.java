package io.gitops.promotion.reconciler;

import io.gitops.promotion.gate.GateDecision;
import java.time.Clock;
import java.time.Duration;

/** How long a gated resource waits before it is reconciled again: until its gate opens. */
final class GateWait {
  /** When no opening is known (an allow window that never comes), look again after this long. */
  static final Duration UNKNOWN_OPENING = Duration.ofHours(1);

  private static final Duration AT_LEAST = Duration.ofSeconds(1);

  private GateWait() {}

  static Duration until(GateDecision gate, Clock clock) {
    if (gate.opensAt() == null) {
      return UNKNOWN_OPENING;
    }
    Duration wait = Duration.between(clock.instant(), gate.opensAt());
    return wait.compareTo(AT_LEAST) < 0 ? AT_LEAST : wait;
  }
}
