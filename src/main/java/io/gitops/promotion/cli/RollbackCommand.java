package io.gitops.promotion.cli;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.git.GitWorkspace;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
      names = "--window",
      defaultValue = "7d",
      converter = WindowConverter.class,
      description =
          "Older promotions need --force: 7d, 36h, 90m, 90s, P7D or 0 for no limit (default: ${DEFAULT-VALUE}).")
  RollbackWindow window;

  @Mixin ChangeOptions options;

  @Override
  public Integer call() {
    return new CommandRun(options, main.environment(), spec.commandLine()).run(this::rollback);
  }

  private CommandRollback rollback(EnvironmentCatalog environments) {
    if (force.emergency && options.mergeRequest.enabled) {
      throw new ParameterException(
          spec.commandLine(),
          "--emergency pushes directly, bypassing the merge request: it cannot go with"
              + " --merge-request");
    }
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
                    options.requestedBy,
                    window,
                    promotionId,
                    force.emergency));
    return new CommandRollback(
        request,
        new RollbackEngine(
            options.layout(),
            PromoteCommand.COMMITTER,
            Clock.systemUTC(),
            RollbackListener.NONE,
            options.repository.pushRetry(),
            options.gates()));
  }

  /**
   * A rollback as the command runs it: with the whole history (an overlay gets back its bytes from
   * before the promotion), from a branch {@code rollback/<env>/<group>/<short id>} through a merge
   * request, and with deployments but no release.
   */
  private record CommandRollback(RollbackRequest request, RollbackEngine engine)
      implements CommandChange<RollbackResult> {
    @Override
    public int depth() {
      return Workspaces.WHOLE_HISTORY;
    }

    @Override
    public List<String> releaseFrom() {
      return List.of();
    }

    @Override
    public boolean dryRun() {
      return request.dryRun();
    }

    @Override
    public String reviewBranch() {
      return MergeRequestDelivery.branchName(
          "rollback", request.target().name(), request.group(), request.rollbackId());
    }

    @Override
    public RollbackResult run(GitWorkspace workspace) {
      return engine.run(request, workspace, null);
    }

    @Override
    public RollbackResult deliver(
        GitWorkspace workspace, Delivery delivery, GitLabPublishing publishing) {
      return engine.deliver(request, workspace, delivery);
    }

    @Override
    public RollbackResult landed(GitWorkspace workspace, String commit) {
      return engine.landed(request, workspace, commit);
    }

    @Override
    public PublishResult publish(
        GitLabPublishing publishing, RollbackResult result, Instant startedAt) {
      return publishing.publish(request, result, startedAt);
    }

    @Override
    public Set<?> tagChanges(RollbackResult result) {
      return Set.copyOf(result.restored());
    }

    @Override
    public ReportedChange reported(RollbackResult result) {
      return ReportedChange.of(result);
    }
  }

  /** {@code --force} and {@code --emergency}, and the {@code --reason} each requires. */
  static final class ForceOptions {
    @Option(
        names = "--force",
        description =
            "Restore tags changed since the promotion too, and promotions older than the window.")
    boolean force;

    @Option(
        names = "--emergency",
        description =
            "Push directly even into an environment gated by merge request (not with"
                + " --merge-request); the reason goes into the Forced: trailer, the subject ends"
                + " (EMERGENCY).")
    boolean emergency;

    @Option(
        names = "--reason",
        description =
            "Why the rollback is forced or an emergency (required with --force and --emergency).")
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
