package io.gitops.promotion.cli;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.PromotionEngine;
import io.gitops.promotion.engine.PromotionListener;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.PromotionRequest;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.run.Delivery;
import io.gitops.promotion.run.MergeRequestDelivery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
      names = "--release-from",
      split = ",",
      paramLabel = "<env>",
      description = "Environments whose promotions get a GitLab tag and release (default: DEV).")
  List<String> releaseFrom;

  @Mixin ChangeOptions options;

  @Override
  public Integer call() {
    return new CommandRun(options, main.environment(), spec.commandLine()).run(this::promotion);
  }

  private CommandPromotion promotion(EnvironmentCatalog environments) {
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
                    options.requestedBy));
    PromotionEngine engine =
        new PromotionEngine(
            options.layout(),
            COMMITTER,
            Clock.systemUTC(),
            PromotionListener.NONE,
            options.repository.pushRetry(),
            options.gates());
    boolean soaking =
        !dryRun && options.gates().soak().forSource(request.source().name()).isPresent();
    return new CommandPromotion(
        request,
        engine,
        soaking ? Workspaces.WHOLE_HISTORY : Workspaces.HEAD_ONLY,
        releaseFrom == null ? List.of() : releaseFrom);
  }

  /**
   * A promotion as the command runs it.
   *
   * @param depth the whole history when soak time is measured, else the head only
   */
  private record CommandPromotion(
      PromotionRequest request, PromotionEngine engine, int depth, List<String> releaseFrom)
      implements CommandChange<PromotionResult> {
    @Override
    public boolean dryRun() {
      return request.dryRun();
    }

    @Override
    public String reviewBranch() {
      return MergeRequestDelivery.branchName(
          request.target().name(), request.group(), request.promotionId());
    }

    @Override
    public PromotionResult run(GitWorkspace workspace) {
      return engine.run(request, workspace, PromotionEngine.RunOptions.firstAttempt());
    }

    @Override
    public PromotionResult deliver(
        GitWorkspace workspace, Delivery delivery, GitLabPublishing publishing) {
      return engine.run(
          engine
              .change(request, PromotionEngine.RunOptions.firstAttempt())
              .withChangelog(publishing::changelog),
          workspace,
          delivery);
    }

    @Override
    public PromotionResult landed(GitWorkspace workspace, String commit) {
      return engine.run(
          request, workspace, PromotionEngine.RunOptions.firstAttempt().landedAs(commit));
    }

    @Override
    public PublishResult publish(
        GitLabPublishing publishing, PromotionResult result, Instant startedAt) {
      return publishing.publish(result, startedAt);
    }

    @Override
    public Set<?> tagChanges(PromotionResult result) {
      return Set.copyOf(result.changes());
    }

    @Override
    public ReportedChange reported(PromotionResult result) {
      return ReportedChange.of(result);
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
