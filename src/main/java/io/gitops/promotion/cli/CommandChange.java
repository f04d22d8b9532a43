package io.gitops.promotion.cli;

import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.run.Delivery;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What one command's change (a promotion, a rollback) brings to the {@link CommandRun} that both
 * commands share: how to run it directly, through a merge request and from its landed commit, its
 * GitLab steps and how it reads in a report.
 *
 * @param <R> the change's result
 */
interface CommandChange<R> {
  /** Commits of history the workspace fetches, see {@link Workspaces}. */
  int depth();

  /** The {@code --release-from} environments; empty for the default (or none to release). */
  List<String> releaseFrom();

  boolean dryRun();

  /** The branch a merge request of this change comes from. */
  String reviewBranch();

  /** Runs the change (a preview, or pushed straight to the branch). */
  R run(GitWorkspace workspace);

  /**
   * Runs the change delivered through a merge request.
   *
   * @param publishing the GitLab connection, e.g. for the changelog the request's description shows
   */
  R deliver(GitWorkspace workspace, Delivery delivery, GitLabPublishing publishing);

  /** The result of the change once its merge request landed as this commit. */
  R landed(GitWorkspace workspace, String commit);

  /**
   * The GitLab steps on a landed result.
   *
   * @throws io.gitops.promotion.publish.PublishFailedException when a GitLab call failed
   */
  PublishResult publish(GitLabPublishing publishing, R result, Instant startedAt);

  /**
   * What makes two results the same change, e.g. when a re-run finds the merge request of an
   * earlier run: the tags they set.
   */
  Set<?> tagChanges(R result);

  /** The result as the report prints it. */
  ReportedChange reported(R result);
}
