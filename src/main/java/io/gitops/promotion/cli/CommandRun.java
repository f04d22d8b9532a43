package io.gitops.promotion.cli;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.logging.LogFormat;
import io.gitops.promotion.publish.PublishFailedException;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.run.Delivery;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * What {@code promote} and {@code rollback} do the same way once each has built its change: check
 * the flags, open GitLab and the workspace, run the change (directly, or through a merge request
 * with {@code --merge-request}), run the GitLab steps on what landed, print the report and pick the
 * exit code.
 */
final class CommandRun {
  private final ChangeOptions options;
  private final Map<String, String> environment;
  private final CommandLine command;

  /**
   * @param environment where credentials are read from
   */
  CommandRun(ChangeOptions options, Map<String, String> environment, CommandLine command) {
    this.options = options;
    this.environment = environment;
    this.command = command;
  }

  /**
   * @param prepare validates the command's request against the environments and makes its change
   * @return the exit code
   */
  <R> int run(Function<EnvironmentCatalog, CommandChange<R>> prepare) {
    options.logFormat.apply(LogFormat.TEXT);
    options.mergeRequest.check(command, options.gitlab.options);
    EnvironmentCatalog environments = options.environments();
    CommandChange<R> change = prepare.apply(environments);
    try (GitLabPublishing publishing =
        GitLabPublishing.open(
            options.gitlab.options,
            change.releaseFrom(),
            options.repository.branch,
            options.timeouts.gitlab(options.config.settings().gitlabTimeouts()),
            environment,
            environments,
            command)) {
      Instant startedAt = Instant.now();
      R result;
      try (Workspaces workspaces =
          Workspaces.open(
              options.remote(environment), options.repository.workspace, change.depth())) {
        if (options.mergeRequest.enabled && !change.dryRun()) {
          return throughMergeRequest(change, workspaces.workspace(), publishing, startedAt);
        }
        result = change.run(workspaces.workspace());
      }
      return publishAndReport(change, result, publishing, startedAt, null);
    }
  }

  /**
   * {@code --merge-request}: the commit goes to a review branch and a merge request is opened; with
   * {@code --wait} the request is followed until it is merged, and the run resumes from the commit
   * it landed as (as the operator does), closed, or past {@code --timeout} (then it is closed and
   * its branch deleted, as the operator's time limit does).
   */
  private <R> int throughMergeRequest(
      CommandChange<R> change,
      GitWorkspace workspace,
      GitLabPublishing publishing,
      Instant startedAt) {
    MergeRequestRun run =
        new MergeRequestRun(
            options.mergeRequest, publishing, change.reviewBranch(), options.repository.branch);
    return run.run(
        new MergeRequestRun.Steps<R>() {
          @Override
          public R deliver(Delivery delivery) {
            return change.deliver(workspace, delivery, publishing);
          }

          @Override
          public R landed(String commit) {
            return change.landed(workspace, commit);
          }

          @Override
          public String commit(R result) {
            return change.reported(result).commit();
          }

          @Override
          public void print(R result, MergeRequestSummary mergeRequest) {
            options
                .output
                .report()
                .print(
                    change.reported(result),
                    PublishResult.notConfigured(),
                    mergeRequest,
                    command.getOut());
          }

          @Override
          public Set<?> tagChanges(R result) {
            return change.tagChanges(result);
          }

          @Override
          public int publishAndReport(R result, MergeRequestSummary mergeRequest) {
            return CommandRun.this.publishAndReport(
                change, result, publishing, startedAt, mergeRequest);
          }
        },
        command,
        Clock.systemUTC());
  }

  /** Runs the GitLab steps on a landed result and prints both. */
  private <R> int publishAndReport(
      CommandChange<R> change,
      R result,
      GitLabPublishing publishing,
      Instant startedAt,
      MergeRequestSummary mergeRequest) {
    ChangeReport report = options.output.report();
    ReportedChange reported = change.reported(result);
    try {
      report.print(
          reported, change.publish(publishing, result, startedAt), mergeRequest, command.getOut());
      return ExitCodes.OK;
    } catch (PublishFailedException e) {
      report.print(reported, e.partialResult(), mergeRequest, command.getOut());
      command
          .getErr()
          .println(
              "failed after the push: commit "
                  + reported.commit()
                  + " is pushed to "
                  + options.repository.branch
                  + " and stays; "
                  + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }
}
