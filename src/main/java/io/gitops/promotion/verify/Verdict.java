package io.gitops.promotion.verify;

import java.util.List;

/**
 * Where verification stands: {@code VERIFIED} (every Application Synced at the commit or a later
 * one, and Healthy), {@code WAITING}, {@code FAILED} (an Application Degraded, or the time limit
 * passed), or {@code SKIPPED} (no Application found and verification not required).
 */
public record Verdict(Outcome outcome, String message, List<ApplicationState> applications) {
  /** The four ways verification stands. */
  public enum Outcome {
    VERIFIED,
    WAITING,
    FAILED,
    SKIPPED
  }

  public Verdict {
    applications = List.copyOf(applications);
  }
}
