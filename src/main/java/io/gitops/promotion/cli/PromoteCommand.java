package io.gitops.promotion.cli;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.promotion.PromotionEngine;
import io.gitops.promotion.promotion.PromotionListener;
import io.gitops.promotion.promotion.PromotionParameters;
import io.gitops.promotion.promotion.PromotionRequest;
import io.gitops.promotion.promotion.PromotionResult;
import io.gitops.promotion.promotion.RequestValidator;
import java.time.Clock;
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
@Command(name = "promote", mixinStandardHelpOptions = true,
    description = "Promote the image tags of every service of a workload group from one environment to another, in one commit.")
final class PromoteCommand implements Callable<Integer> {
  static final PersonIdent COMMITTER = new PersonIdent("promotion-operator", "promotion-operator@users.noreply.local");

  @ParentCommand
  Main main;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  RepositoryOptions repository;

  @Option(names = "--group", required = true, description = "Workload group to promote.")
  String group;

  @Option(names = "--from", required = true, description = "Source environment (e.g. DEV).")
  String from;

  @Option(names = "--to", required = true, description = "Target environment (e.g. TST).")
  String to;

  @Option(names = "--version-service", description = "Lead service whose source tag is the release version.")
  String versionService;

  @Option(names = "--dry-run", arity = "1", defaultValue = "true",
      description = "Preview only (default: ${DEFAULT-VALUE}); --dry-run=false promotes.")
  boolean dryRun;

  @ArgGroup(exclusive = false)
  ForceOptions force = new ForceOptions();

  @Option(names = "--requested-by", defaultValue = "${sys:user.name}", description = "Who asks (default: ${DEFAULT-VALUE}).")
  String requestedBy;

  @Option(names = "--output", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Override
  public Integer call() {
    PromotionRequest request = new RequestValidator(EnvironmentCatalog.defaults()).validate(new PromotionParameters(
        UUID.randomUUID().toString(), group, from, to, versionService, dryRun, force.force, force.reason, requestedBy));
    PromotionEngine engine = new PromotionEngine(repository.layout(), COMMITTER, Clock.systemUTC(), PromotionListener.NONE, 5);
    PromotionResult result;
    try (Workspaces workspaces = Workspaces.open(repository.remote(main.environment()), repository.workspace)) {
      result = engine.run(request, workspaces.workspace(), PromotionEngine.RunOptions.firstAttempt());
    }
    output.promotionReport().print(result, spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** {@code --force} and its required {@code --reason}. */
  static final class ForceOptions {
    @Option(names = "--force", description = "Allow a promotion off the linear path (never to the same environment).")
    boolean force;

    @Option(names = "--reason", description = "Why the promotion is forced (required with --force).")
    String reason;
  }
}
