package io.gitops.promotion.gitlab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that records the waits it was asked for and returns at once. */
final class RecordingSleeper implements Sleeper {

  private final List<Duration> delays = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration duration) {
    delays.add(duration);
  }

  synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }
}
