package io.gitops.promotion.engine;

import java.time.Duration;

/**
 * Every push within the time budget was rejected because the branch kept moving (or the remote kept
 * failing to lock it). Nothing of the run is on the branch. Transient: a later run may land it.
 */
public final class PushConflictException extends RuntimeException {
  private final int attempts;
  private final Duration elapsed;

  public PushConflictException(int attempts, Duration elapsed) {
    super(
        "gave up after "
            + attempts
            + " push attempt"
            + (attempts == 1 ? "" : "s")
            + " in "
            + String.format(java.util.Locale.ROOT, "%.1f", elapsed.toMillis() / 1000.0)
            + " s: the branch kept moving under other writers; nothing was pushed");
    this.attempts = attempts;
    this.elapsed = elapsed;
  }

  public int attempts() {
    return attempts;
  }

  public Duration elapsed() {
    return elapsed;
  }
}
