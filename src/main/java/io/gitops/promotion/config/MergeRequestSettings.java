package io.gitops.promotion.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the merge request of a gated environment is opened and followed: labels, reviewers and
 * assignees (GitLab usernames), squash, source branch removal, auto-merge (merge when the pipeline
 * succeeds), draft, the time limit after which an unmerged request fails its run, and how often the
 * request is looked at (the interval doubles from {@code pollInterval} up to {@code
 * maxPollInterval}).
 *
 * @param timeLimit null: no limit
 */
public record MergeRequestSettings(
    List<String> labels,
    List<String> reviewers,
    List<String> assignees,
    boolean squash,
    boolean removeSourceBranch,
    boolean autoMerge,
    boolean draft,
    Duration timeLimit,
    Duration pollInterval,
    Duration maxPollInterval) {
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
  public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMinutes(2);
  public static final MergeRequestSettings DEFAULT =
      new MergeRequestSettings(
          List.of(),
          List.of(),
          List.of(),
          false,
          true,
          false,
          false,
          null,
          DEFAULT_POLL_INTERVAL,
          DEFAULT_MAX_POLL_INTERVAL);

  public MergeRequestSettings {
    labels = List.copyOf(labels);
    reviewers = List.copyOf(reviewers);
    assignees = List.copyOf(assignees);
  }

  public Optional<Duration> limit() {
    return Optional.ofNullable(timeLimit);
  }

  /** The wait before the next look, after {@code looks} looks at an unchanged request. */
  public Duration pollAfter(int looks) {
    long millis = pollInterval.toMillis() << Math.min(Math.max(looks, 0), 10);
    return Duration.ofMillis(Math.min(millis, maxPollInterval.toMillis()));
  }

  public MergeRequestSettings withPolling(Duration interval, Duration max) {
    return new MergeRequestSettings(
        labels,
        reviewers,
        assignees,
        squash,
        removeSourceBranch,
        autoMerge,
        draft,
        timeLimit,
        interval,
        max);
  }

  public MergeRequestSettings withTimeLimit(Duration limit) {
    return new MergeRequestSettings(
        labels,
        reviewers,
        assignees,
        squash,
        removeSourceBranch,
        autoMerge,
        draft,
        limit,
        pollInterval,
        maxPollInterval);
  }
}
