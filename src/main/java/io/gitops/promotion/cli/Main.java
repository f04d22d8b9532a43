package io.gitops.promotion.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code promotion-operator} command: {@code promote}, {@code rollback} and {@code operator}.
 */
@Command(
    name = "promotion-operator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Promotes container image tags between environment overlays of a GitOps repository.",
    subcommands = {PromoteCommand.class, RollbackCommand.class, OperatorCommand.class})
public final class Main implements Runnable {
  private final Map<String, String> environment;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Main(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static void main(String[] args) {
    CommonPoolParallelism.ensureMinimum();
    System.exit(commandLine(System.getenv()).execute(args));
  }

  /**
   * The command line with the project's exit codes: 2 for a rejected request, 1 for a failure.
   *
   * @param environment where credentials are read from (the process environment in production)
   */
  public static CommandLine commandLine(Map<String, String> environment) {
    CommandLine commandLine =
        new CommandLine(new Main(environment))
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExitCodeExceptionMapper(ExitCodes::of)
            .setExecutionExceptionHandler(new FailureReporter())
            .setParameterExceptionHandler(new UsageErrorReporter());
    for (CommandLine subcommand : commandLine.getSubcommands().values()) {
      if (subcommand.getCommandSpec().findOption(EmptyDryRunGuard.OPTION) != null) {
        subcommand.getCommandSpec().preprocessor(new EmptyDryRunGuard());
      }
    }
    return commandLine;
  }

  Map<String, String> environment() {
    return environment;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
