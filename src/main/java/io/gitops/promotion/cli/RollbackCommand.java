package io.gitops.promotion.cli;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.logging.LogFormat;
import io.gitops.promotion.publish.PublishFailedException;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.rollback.RollbackEngine;
import io.gitops.promotion.rollback.RollbackListener;
import io.gitops.promotion.rollback.RollbackParameters;
import io.gitops.promotion.rollback.RollbackRequest;
import io.gitops.promotion.rollback.RollbackResult;
import io.gitops.promotion.rollback.RollbackValidator;
import io.gitops.promotion.run.Delivery;
import io.gitops.promotion.run.MergeRequestDelivery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code rollback}: restores the tags the latest recorded promotion of a group into an environment
 * replaced.
 */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description =
        "Restore the image tags a promotion replaced (its recorded pre_state), in one commit.")
final class RollbackCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin RepositoryOptions repository;

  @Option(
      names = "--group",
      required = true,
      description = "Workload group whose promotion is rolled back.")
  String group;

  @Option(
      names = "--env",
      required = true,
      description = "Environment the promotion went into (e.g. TST).")
  String env;

  @Option(
      names = "--promotion-id",
      description = "Roll back only if the latest recorded promotion is this one.")
  String promotionId;

  @Option(
      names = "--dry-run",
      arity = "1",
      defaultValue = "false",
      converter = DryRunConverter.class,
      description =
          "Preview only (default: ${DEFAULT-VALUE}: rolls back, as the pipeline's button does).")
  boolean dryRun;

  @ArgGroup(exclusive = false)
  ForceOptions force = new ForceOptions();

  @Option(
      names = "--requested-by",
      defaultValue = "${sys:user.name}",
      description = "Who asks (default: ${DEFAULT-VALUE}).")
  String requestedBy;

  @Option(
      names = "--window",
      defaultValue = "7d",
      converter = WindowConverter.class,
      description =
          "Older promotions need --force: 7d, 36h, 90m, 90s, P7D or 0 for no limit (default: ${DEFAULT-VALUE}).")
  RollbackWindow window;

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

  @Override
  public Integer call() {
    logFormat.apply(LogFormat.TEXT);
    mergeRequest.check(spec.commandLine(), gitlab.options);
    EnvironmentCatalog environments = config.settings().environments();
    RollbackRequest request =
        new RollbackValidator(environments)
            .validate(
                new RollbackParameters(
                    UUID.randomUUID().toString(),
                    group,
                    env,
                    dryRun,
                    force.force,
                    force.reason,
                    requestedBy,
                    window,
                    promotionId));
    RollbackEngine engine =
        new RollbackEngine(
            config.layout().orElseGet(repository::layout),
            PromoteCommand.COMMITTER,
            Clock.systemUTC(),
            RollbackListener.NONE,
            repository.pushRetry(),
            config.settings().gates());
    try (GitLabPublishing publishing =
        GitLabPublishing.open(
            gitlab.options,
            List.of(),
            repository.branch,
            timeouts.gitlab(config.settings().gitlabTimeouts()),
            main.environment(),
            environments,
            spec.commandLine())) {
      Instant startedAt = Instant.now();
      RollbackResult result;
      try (Workspaces workspaces =
          Workspaces.open(
              repository.remote(main.environment(), timeouts.git(config.settings().gitTimeouts())),
              repository.workspace,
              Workspaces.WHOLE_HISTORY)) {
        if (mergeRequest.enabled && !dryRun) {
          return throughMergeRequest(
              engine, request, workspaces.workspace(), publishing, startedAt);
        }
        result = engine.run(request, workspaces.workspace(), null);
      }
      return publishAndReport(request, result, publishing, startedAt, null);
    }
  }

  /**
   * {@code --merge-request}: as {@code promote --merge-request}, from a branch {@code
   * rollback/<env>/<group>/<short id>}.
   */
  private int throughMergeRequest(
      RollbackEngine engine,
      RollbackRequest request,
      GitWorkspace workspace,
      GitLabPublishing publishing,
      Instant startedAt) {
    MergeRequestRun run =
        new MergeRequestRun(
            mergeRequest,
            publishing,
            MergeRequestDelivery.branchName(
                "rollback", request.target().name(), request.group(), request.rollbackId()),
            repository.branch);
    return run.run(
        new MergeRequestRun.Steps<RollbackResult>() {
          @Override
          public RollbackResult deliver(Delivery delivery) {
            return engine.deliver(request, workspace, delivery);
          }

          @Override
          public RollbackResult landed(String commit) {
            return engine.landed(request, workspace, commit);
          }

          @Override
          public String commit(RollbackResult result) {
            return result.commit();
          }

          @Override
          public void print(RollbackResult result, MergeRequestSummary mergeRequest) {
            output
                .rollbackReport()
                .print(
                    result,
                    PublishResult.notConfigured(),
                    mergeRequest,
                    spec.commandLine().getOut());
          }

          @Override
          public int publishAndReport(RollbackResult result, MergeRequestSummary mergeRequest) {
            return RollbackCommand.this.publishAndReport(
                request, result, publishing, startedAt, mergeRequest);
          }
        },
        spec.commandLine(),
        Clock.systemUTC());
  }

  /** Runs the GitLab steps on a landed result and prints both. */
  private int publishAndReport(
      RollbackRequest request,
      RollbackResult result,
      GitLabPublishing publishing,
      Instant startedAt,
      MergeRequestSummary mergeRequest) {
    RollbackReport report = output.rollbackReport();
    try {
      report.print(
          result,
          publishing.publish(request, result, startedAt),
          mergeRequest,
          spec.commandLine().getOut());
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
        description =
            "Restore tags changed since the promotion too, and promotions older than the window.")
    boolean force;

    @Option(names = "--reason", description = "Why the rollback is forced (required with --force).")
    String reason;
  }

  /** Reads {@code --window}. */
  static final class WindowConverter implements ITypeConverter<RollbackWindow> {
    @Override
    public RollbackWindow convert(String value) {
      return RollbackWindow.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'"
                          + value
                          + "' is not a rollback window: use 7d, 36h, 90m, 90s, P7D or 0 (no limit)"));
    }
  }
}
