package io.gitops.promotion.cli;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.PromotionEngine;
import io.gitops.promotion.engine.PromotionListener;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.PromotionRequest;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.logging.LogFormat;
import io.gitops.promotion.publish.PublishFailedException;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.run.Delivery;
import io.gitops.promotion.run.MergeRequestDelivery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code promote}: copies the image tags of a workload group from one environment to the next. */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description =
        "Promote the image tags of every service of a workload group from one environment to another, in one commit.")
final class PromoteCommand implements Callable<Integer> {
  static final PersonIdent COMMITTER =
      new PersonIdent("promotion-operator", "promotion-operator@users.noreply.local");

  @ParentCommand Main main;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin RepositoryOptions repository;

  @Option(names = "--group", required = true, description = "Workload group to promote.")
  String group;

  @Option(names = "--from", required = true, description = "Source environment (e.g. DEV).")
  String from;

  @Option(names = "--to", required = true, description = "Target environment (e.g. TST).")
  String to;

  @Option(
      names = "--version-service",
      description = "Lead service whose source tag is the release version.")
  String versionService;

  @Option(
      names = "--dry-run",
      arity = "1",
      defaultValue = "true",
      converter = DryRunConverter.class,
      description = "Preview only (default: ${DEFAULT-VALUE}); --dry-run=false promotes.")
  boolean dryRun;

  @ArgGroup(exclusive = false)
  ForceOptions force = new ForceOptions();

  @Option(
      names = "--requested-by",
      defaultValue = "${sys:user.name}",
      description = "Who asks (default: ${DEFAULT-VALUE}).")
  String requestedBy;

  @Option(
      names = "--output",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Mixin GitLabFlags gitlab;

  @Mixin MergeRequestFlags mergeRequest;

  @Mixin ConfigOption config;

  @Mixin TimeoutOptions timeouts;

  @Mixin LogFormatOption logFormat;

  @Option(
      names = "--release-from",
      split = ",",
      paramLabel = "<env>",
      description = "Environments whose promotions get a GitLab tag and release (default: DEV).")
  List<String> releaseFrom;

  @Override
  public Integer call() {
    logFormat.apply(LogFormat.TEXT);
    mergeRequest.check(spec.commandLine(), gitlab.options);
    EnvironmentCatalog environments = config.settings().environments();
    PromotionRequest request =
        new RequestValidator(environments)
            .validate(
                new PromotionParameters(
                    UUID.randomUUID().toString(),
                    group,
                    from,
                    to,
                    versionService,
                    dryRun,
                    force.force,
                    force.reason,
                    requestedBy));
    PromotionEngine engine =
        new PromotionEngine(
            config.layout().orElseGet(repository::layout),
            COMMITTER,
            Clock.systemUTC(),
            PromotionListener.NONE,
            repository.pushRetry(),
            config.settings().gates());
    try (GitLabPublishing publishing =
        GitLabPublishing.open(
            gitlab.options,
            releaseFrom,
            repository.branch,
            timeouts.gitlab(config.settings().gitlabTimeouts()),
            main.environment(),
            environments,
            spec.commandLine())) {
      Instant startedAt = Instant.now();
      PromotionResult result;
      boolean soaking =
          !dryRun
              && config.settings().gates().soak().forSource(request.source().name()).isPresent();
      try (Workspaces workspaces =
          Workspaces.open(
              repository.remote(main.environment(), timeouts.git(config.settings().gitTimeouts())),
              repository.workspace,
              soaking ? Workspaces.WHOLE_HISTORY : Workspaces.HEAD_ONLY)) {
        if (mergeRequest.enabled && !dryRun) {
          return throughMergeRequest(
              engine, request, workspaces.workspace(), publishing, startedAt);
        }
        result =
            engine.run(request, workspaces.workspace(), PromotionEngine.RunOptions.firstAttempt());
      }
      return publishAndReport(result, publishing, startedAt, null);
    }
  }

  /**
   * {@code --merge-request}: the commit goes to a review branch and a merge request is opened; with
   * {@code --wait} the request is followed until it is merged, and the run resumes from the commit
   * it landed as (as the operator does), closed, or past {@code --timeout} (then it is closed and
   * its branch deleted, as the operator's time limit does).
   */
  private int throughMergeRequest(
      PromotionEngine engine,
      PromotionRequest request,
      GitWorkspace workspace,
      GitLabPublishing publishing,
      Instant startedAt) {
    MergeRequestRun run =
        new MergeRequestRun(
            mergeRequest,
            publishing,
            MergeRequestDelivery.branchName(
                request.target().name(), request.group(), request.promotionId()),
            repository.branch);
    return run.run(
        new MergeRequestRun.Steps<PromotionResult>() {
          @Override
          public PromotionResult deliver(Delivery delivery) {
            return engine.run(
                engine
                    .change(request, PromotionEngine.RunOptions.firstAttempt())
                    .withChangelog(publishing::changelog),
                workspace,
                delivery);
          }

          @Override
          public PromotionResult landed(String commit) {
            return engine.run(
                request, workspace, PromotionEngine.RunOptions.firstAttempt().landedAs(commit));
          }

          @Override
          public String commit(PromotionResult result) {
            return result.commit();
          }

          @Override
          public void print(PromotionResult result, MergeRequestSummary mergeRequest) {
            output
                .promotionReport()
                .print(
                    result,
                    PublishResult.notConfigured(),
                    mergeRequest,
                    spec.commandLine().getOut());
          }

          @Override
          public int publishAndReport(PromotionResult result, MergeRequestSummary mergeRequest) {
            return PromoteCommand.this.publishAndReport(
                result, publishing, startedAt, mergeRequest);
          }
        },
        spec.commandLine(),
        Clock.systemUTC());
  }

  /** Runs the GitLab steps on a landed result and prints both. */
  private int publishAndReport(
      PromotionResult result,
      GitLabPublishing publishing,
      Instant startedAt,
      MergeRequestSummary mergeRequest) {
    PromotionReport report = output.promotionReport();
    try {
      report.print(
          result, publishing.publish(result, startedAt), mergeRequest, spec.commandLine().getOut());
      return ExitCodes.OK;
    } catch (PublishFailedException e) {
      report.print(result, e.partialResult(), mergeRequest, spec.commandLine().getOut());
      spec.commandLine()
          .getErr()
          .println(
              "failed after the push: commit "
                  + result.commit()
                  + " is pushed to "
                  + repository.branch
                  + " and stays; "
                  + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }

  /** {@code --force} and its required {@code --reason}. */
  static final class ForceOptions {
    @Option(
        names = "--force",
        description = "Allow a promotion off the linear path (never to the same environment).")
    boolean force;

    @Option(
        names = "--reason",
        description = "Why the promotion is forced (required with --force).")
    String reason;
  }
}
