package io.gitops.promotion.cli;

import io.gitops.promotion.config.MergeRequestSettings;
import io.gitops.promotion.gitlab.MergeRequestState;
import io.gitops.promotion.gitlab.MergeRequests;
import io.gitops.promotion.gitlab.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * {@code --wait}: looks at a merge request until it is merged or closed, or the deadline passes,
 * with the operator's growing wait between looks ({@link MergeRequestSettings#pollAfter}, back to
 * the first after any change of the request).
 */
final class MergeRequestWait {
  private final MergeRequests api;
  private final String project;
  private final Sleeper sleeper;
  private final Clock clock;

  MergeRequestWait(MergeRequests api, String project, Sleeper sleeper, Clock clock) {
    this.api = api;
    this.project = project;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * @return the request as last seen: merged, closed, or still open when the deadline passed
   */
  MergeRequestState until(MergeRequestState opened, Instant deadline, MergeRequestSettings poll) {
    return until(opened, deadline, poll, UnaryOperator.identity());
  }

  /**
   * @param cannotMerge what to do with a request that cannot merge as its branch is (re-plan it);
   *     returns the request as it is afterwards
   * @return the request as last seen: merged, closed, or still open when the deadline passed
   */
  MergeRequestState until(
      MergeRequestState opened,
      Instant deadline,
      MergeRequestSettings poll,
      UnaryOperator<MergeRequestState> cannotMerge) {
    MergeRequestState seen = opened;
    int looks = 0;
    while (!seen.isMerged() && !seen.isClosed()) {
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        return seen;
      }
      Duration wait = poll.pollAfter(looks);
      pause(wait.compareTo(left) < 0 ? wait : left);
      MergeRequestState now = api.get(project, seen.iid());
      if (now.cannotMerge()) {
        now = cannotMerge.apply(now);
      }
      looks = now.equals(seen) ? looks + 1 : 0;
      seen = now;
    }
    return seen;
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the merge request", e);
    }
  }
}
