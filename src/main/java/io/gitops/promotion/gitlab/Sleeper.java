package io.gitops.promotion.gitlab;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between retries; tests pass one that records the delays instead of waiting. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  /** Blocks the calling thread. */
  static Sleeper blocking() {
    return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
  }
}
