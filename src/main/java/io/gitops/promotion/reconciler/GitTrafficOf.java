package io.gitops.promotion.reconciler;

import io.gitops.promotion.api.GitTraffic;
import io.gitops.promotion.run.RunCounts;

/** The status form of a run's Git traffic. */
final class GitTrafficOf {
  private GitTrafficOf() {}

  static GitTraffic counts(RunCounts counts) {
    return counts == null
        ? null
        : new GitTraffic(
            counts.roundTrips(), counts.bytesFetched(), counts.bytesPushed(), counts.batchSize());
  }
}
