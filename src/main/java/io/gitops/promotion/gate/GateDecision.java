package io.gitops.promotion.gate;

import java.time.Instant;

/**
 * Whether a gate lets a run go now; when it does not, why (a reason constant and a message naming
 * the window or the application) and when it opens, if that is known.
 *
 * @param opensAt null when the gate is open, or when no time is known at which it opens
 */
public record GateDecision(boolean open, String reason, String message, Instant opensAt) {
  public static final String FREEZE_WINDOW = "FreezeWindow";
  public static final String SOAKING = "Soaking";
  private static final GateDecision OPEN = new GateDecision(true, null, null, null);

  public static GateDecision openNow() {
    return OPEN;
  }

  public static GateDecision closed(String reason, String message, Instant opensAt) {
    return new GateDecision(false, reason, message, opensAt);
  }
}
