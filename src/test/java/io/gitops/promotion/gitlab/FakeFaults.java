package io.gitops.promotion.gitlab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Failures {@link FakeGitLabServer} was told to answer the next matching requests with. */
final class FakeFaults {

  /**
   * @param status 0 drops the connection without a response
   * @param afterApplying the request takes effect and only its response is replaced
   */
  record Fault(
      String method, String pathPrefix, int status, Duration retryAfter, boolean afterApplying) {}

  private static final class Pending {
    final Fault fault;
    int remaining;

    Pending(Fault fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  private final List<Pending> pending = new ArrayList<>();

  synchronized void add(Fault fault, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    pending.add(new Pending(fault, times));
  }

  /** The first fault that matches the request, counted as used. */
  synchronized Optional<Fault> take(String method, String path) {
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      Pending next = it.next();
      if (next.fault.method().equalsIgnoreCase(method)
          && path.startsWith(next.fault.pathPrefix())) {
        if (--next.remaining == 0) {
          it.remove();
        }
        return Optional.of(next.fault);
      }
    }
    return Optional.empty();
  }

  synchronized void clear() {
    pending.clear();
  }
}
