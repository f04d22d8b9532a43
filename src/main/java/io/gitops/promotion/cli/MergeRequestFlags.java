package io.gitops.promotion.cli;

import io.gitops.promotion.config.MergeRequestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --merge-request} and its options: the commit goes to a review branch of its own and a
 * GitLab merge request into the repository's branch is opened instead of a direct push; {@code
 * --wait} follows the request until it is merged (then the GitLab steps run on the merged commit),
 * closed, or {@code --timeout} passes.
 */
final class MergeRequestFlags {
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  @Option(
      names = "--merge-request",
      description =
          "Open a GitLab merge request from a branch of its own instead of pushing to the branch"
              + " (needs --gitlab-url and --gitlab-project).")
  boolean enabled;

  @Option(
      names = "--mr-label",
      paramLabel = "<label>",
      description = "A label of the merge request (repeatable).")
  List<String> labels = new ArrayList<>();

  @Option(
      names = "--mr-reviewer",
      paramLabel = "<username>",
      description = "A reviewer of the merge request, by GitLab username (repeatable).")
  List<String> reviewers = new ArrayList<>();

  @Option(
      names = "--mr-assignee",
      paramLabel = "<username>",
      description = "An assignee of the merge request, by GitLab username (repeatable).")
  List<String> assignees = new ArrayList<>();

  @Option(names = "--mr-squash", description = "Squash the request's commits when merging.")
  boolean squash;

  @Option(
      names = "--mr-remove-source-branch",
      arity = "0..1",
      defaultValue = "true",
      fallbackValue = "true",
      paramLabel = "<true|false>",
      description = "Delete the review branch when merged (default: ${DEFAULT-VALUE}).")
  boolean removeSourceBranch;

  @Option(
      names = "--mr-auto-merge",
      description = "Ask GitLab to merge the request when its pipeline succeeds.")
  boolean autoMerge;

  @Option(names = "--mr-draft", description = "Open the request as a draft.")
  boolean draft;

  @Option(
      names = "--wait",
      description =
          "Wait until the merge request is merged, then run the GitLab steps on the merged commit"
              + " (exit 1 when it is closed or --timeout passes).")
  boolean await;

  @Option(
      names = "--timeout",
      paramLabel = "<duration>",
      converter = TimeoutOptions.PositiveDuration.class,
      description = "How long --wait waits, e.g. 30m (default: 30m).")
  Duration timeout;

  @Option(
      names = "--mr-poll-interval",
      paramLabel = "<duration>",
      converter = TimeoutOptions.PositiveDuration.class,
      hidden = true,
      description = "The first wait between two looks at the request (default: 15s, up to 2m).")
  Duration pollInterval;

  /**
   * Refuses merge request options without {@code --merge-request}, and {@code --merge-request}
   * without GitLab.
   */
  void check(CommandLine command, GitLabOptions gitlab) {
    if (!enabled) {
      boolean given =
          !labels.isEmpty()
              || !reviewers.isEmpty()
              || !assignees.isEmpty()
              || squash
              || autoMerge
              || draft
              || await
              || timeout != null
              || pollInterval != null;
      if (given) {
        throw new ParameterException(
            command, "--mr-* options, --wait and --timeout need --merge-request");
      }
      return;
    }
    if (gitlab == null) {
      throw new ParameterException(
          command,
          "--merge-request needs --gitlab-url and --gitlab-project (and GITLAB_TOKEN):"
              + " the merge request is opened in that GitLab project");
    }
    if (timeout != null && !await) {
      throw new ParameterException(command, "--timeout needs --wait");
    }
  }

  /** The request's options; with {@code --mr-poll-interval} the wait grows up to 8 times it. */
  MergeRequestSettings settings() {
    MergeRequestSettings settings =
        new MergeRequestSettings(
                labels,
                reviewers,
                assignees,
                squash,
                removeSourceBranch,
                autoMerge,
                draft,
                null,
                MergeRequestSettings.DEFAULT_POLL_INTERVAL,
                MergeRequestSettings.DEFAULT_MAX_POLL_INTERVAL)
            .withTimeLimit(timeout());
    return pollInterval == null
        ? settings
        : settings.withPolling(pollInterval, pollInterval.multipliedBy(8));
  }

  Duration timeout() {
    return timeout == null ? DEFAULT_TIMEOUT : timeout;
  }
}
