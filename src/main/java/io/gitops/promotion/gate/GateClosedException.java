package io.gitops.promotion.gate;

import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import java.time.Instant;

/**
 * A run that may not go now: a freeze window is open or a tag has not soaked long enough. Nothing
 * was written. The CLI treats it as a refused request (exit 2); the operator keeps the resource
 * Pending with condition {@code Gated} and runs it again when the gate opens.
 */
public final class GateClosedException extends RequestRejectedException {
  private final transient GateDecision decision;

  public GateClosedException(GateDecision decision) {
    super(RejectionReason.GATED, decision.message() + "; force with a reason overrides");
    this.decision = decision;
  }

  public GateDecision decision() {
    return decision;
  }

  /** When the gate opens; null when no opening is known. */
  public Instant opensAt() {
    return decision.opensAt();
  }
}
