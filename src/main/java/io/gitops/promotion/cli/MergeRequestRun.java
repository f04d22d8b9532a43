package io.gitops.promotion.cli;

import io.gitops.promotion.config.ConnectionTimeouts;
import io.gitops.promotion.config.MergeRequestSettings;
import io.gitops.promotion.gitlab.GitLabRejectedException;
import io.gitops.promotion.gitlab.MergeRequestState;
import io.gitops.promotion.gitlab.MergeRequests;
import io.gitops.promotion.gitlab.Sleeper;
import io.gitops.promotion.run.Delivery;
import io.gitops.promotion.run.MergeRequestDelivery;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The merge request of one {@code promote --merge-request} or {@code rollback --merge-request}: the
 * delivery that pushes the commit to the review branch and opens the request, the request once
 * opened, and {@code --wait} on it. A request not merged within {@code --timeout} is closed and its
 * branch deleted, as the operator's time limit does.
 */
final class MergeRequestRun {
  private final MergeRequestFlags flags;
  private final MergeRequestSettings settings;
  private final MergeRequests api;
  private final String project;
  private final String branch;
  private final String targetBranch;
  private final boolean resumed;

  /**
   * @param branch the review branch
   * @param targetBranch the branch the request merges into
   */
  MergeRequestRun(
      MergeRequestFlags flags, GitLabPublishing gitlab, String branch, String targetBranch) {
    this.flags = flags;
    this.settings = flags.settings();
    this.api = gitlab.mergeRequests();
    this.project = gitlab.project();
    this.branch = branch;
    this.targetBranch = targetBranch;
    this.resumed = false;
  }

  /** The run following the request an earlier run opened from {@code branch}. */
  private MergeRequestRun(MergeRequestRun run, String branch) {
    this.flags = run.flags;
    this.settings = run.settings;
    this.api = run.api;
    this.project = run.project;
    this.branch = branch;
    this.targetBranch = run.targetBranch;
    this.resumed = true;
  }

  /**
   * What a command does around its merge request: runs its change with a delivery, resumes it from
   * the landed commit, prints, and runs its GitLab steps.
   *
   * @param <R> the command's result
   */
  interface Steps<R> {
    R deliver(Delivery delivery);

    R landed(String commit);

    /** The commit a result made; null when nothing was written. */
    String commit(R result);

    /** Prints a result whose request is not merged: no GitLab step runs. */
    void print(R result, MergeRequestSummary mergeRequest);

    /**
     * Runs the GitLab steps on a landed result and prints both; the exit code.
     *
     * @param mergeRequest null when nothing was written
     */
    int publishAndReport(R result, MergeRequestSummary mergeRequest);

    /** What makes two results the same change: the tags they set. */
    Set<?> tagChanges(R result);
  }

  /**
   * Checks the usernames, delivers the change to the review branch and opens the request, or
   * resumes the open request of the same group and environment that an earlier run opened with the
   * same change (see {@link EarlierMergeRequests}); supersedes those with a different change; with
   * {@code --wait} follows the request (a resumed one too) and, once merged, resumes from the
   * commit it landed as (as the operator does) and runs the GitLab steps: exit 0; closed or past
   * {@code --timeout}: exit 1.
   */
  <R> int run(Steps<R> steps, CommandLine command, Clock clock) {
    checkUsers(command);
    EarlierMergeRequests<R> earlier =
        EarlierMergeRequests.of(
            api, project, branch, targetBranch, this::deliveryFrom, steps::tagChanges);
    R opened = steps.deliver(earlier);
    if (steps.commit(opened) == null) {
      return steps.publishAndReport(opened, null);
    }
    if (earlier.resumedBranch().isPresent()) {
      return new MergeRequestRun(this, earlier.resumedBranch().get())
          .follow(steps, steps.landed(earlier.resumedCommit()), earlier, command, clock);
    }
    return follow(steps, opened, earlier, command, clock);
  }

  private <R> int follow(
      Steps<R> steps, R opened, EarlierMergeRequests<R> earlier, CommandLine command, Clock clock) {
    MergeRequestState mr = opened();
    earlier.supersedeBy(mr, command.getErr());
    if (resumed) {
      command
          .getErr()
          .println(
              TerminalText.cell(
                  "resumed merge request !"
                      + mr.iid()
                      + " "
                      + mr.webUrl()
                      + " from branch "
                      + branch
                      + ": an earlier run pushed the same change; nothing was pushed"));
      command.getErr().flush();
    }
    if (!flags.await) {
      steps.print(opened, summary(mr));
      return ExitCodes.OK;
    }
    WaitReplans<R> replans =
        new WaitReplans<>(steps, api, project, branch, opened, command.getErr());
    Waited waited = await(mr, clock, command.getErr(), replans);
    if (replans.nothingLeft().isPresent()) {
      return steps.publishAndReport(replans.nothingLeft().get(), null);
    }
    if (waited.merged()) {
      return steps.publishAndReport(
          steps.landed(waited.request().landedCommit()), summary(waited.request()));
    }
    steps.print(replans.latest(), summary(waited.request()));
    command.getErr().println(TerminalText.cell(waited.failure()));
    command.getErr().flush();
    return ExitCodes.FAILURE;
  }

  /**
   * Resolves the reviewers and assignees before anything is written.
   *
   * @throws ParameterException when GitLab has no user of one of the usernames (exit 2)
   */
  private void checkUsers(CommandLine command) {
    List<String> usernames = new ArrayList<>(settings.reviewers());
    usernames.addAll(settings.assignees());
    try {
      api.userIds(usernames);
    } catch (GitLabRejectedException e) {
      if (e.refusal() != GitLabRejectedException.Refusal.NOT_FOUND) {
        throw e;
      }
      throw new ParameterException(
          command, "--mr-reviewer/--mr-assignee: " + e.getMessage() + "; nothing was written");
    }
  }

  private Delivery deliveryFrom(String reviewBranch) {
    return new MergeRequestDelivery(api, project, reviewBranch, targetBranch, settings);
  }

  /** The request the delivery opened (or found open from an earlier attempt). */
  private MergeRequestState opened() {
    return api.findBySourceBranch(project, branch)
        .orElseThrow(() -> new IllegalStateException("no merge request from branch " + branch));
  }

  private MergeRequestSummary summary(MergeRequestState mr) {
    return MergeRequestSummary.of(mr, branch, resumed);
  }

  /**
   * Follows the request until it is merged or closed, or {@code --timeout} passes (then closes it
   * and deletes its branch).
   *
   * @param err where the wait is announced
   */
  private Waited await(
      MergeRequestState opened,
      Clock clock,
      PrintWriter err,
      UnaryOperator<MergeRequestState> cannotMerge) {
    String timeout = ConnectionTimeouts.text(flags.timeout());
    err.println(
        TerminalText.cell(
            "waiting up to "
                + timeout
                + " for merge request !"
                + opened.iid()
                + " "
                + opened.webUrl()
                + " to be merged"));
    err.flush();
    MergeRequestState seen =
        new MergeRequestWait(api, project, Sleeper.blocking(), clock)
            .until(opened, clock.instant().plus(flags.timeout()), settings, cannotMerge);
    if (seen.isMerged()) {
      return new Waited(seen, null);
    }
    if (seen.isClosed()) {
      return new Waited(
          seen,
          "merge request !" + seen.iid() + " was closed without being merged; nothing changed");
    }
    api.close(
        project,
        seen.iid(),
        "The --timeout of "
            + timeout
            + " passed before this merge request was merged; promotion-operator closed it and"
            + " deletes its branch.");
    api.deleteBranch(project, branch);
    return new Waited(
        api.get(project, seen.iid()),
        "merge request !"
            + seen.iid()
            + " was not merged within "
            + timeout
            + ": it was closed and branch "
            + branch
            + " deleted; nothing changed");
  }

  /**
   * The request as last seen.
   *
   * @param failure why the command fails, null when the request was merged
   */
  record Waited(MergeRequestState request, String failure) {
    boolean merged() {
      return failure == null;
    }
  }
}
