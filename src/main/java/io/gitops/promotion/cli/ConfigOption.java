package io.gitops.promotion.cli;

import io.gitops.promotion.config.ConfigLoader;
import io.gitops.promotion.config.ConnectionTimeouts;
import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.config.RepositoryConfig;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.layout.Layout;
import io.gitops.promotion.layout.Layouts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config}: the operator's configuration file, so that a command run in CI or on a laptop
 * knows the same environments, promotion path, freeze windows, soak times and connection time
 * limits as the operator, and with {@code --repository} the same repository layout. Without it: the
 * specification's environments, no gates, the default time limits and the overlays layout.
 */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "<file>",
      description =
          "Operator configuration file: environments, promotion path, freeze windows, soak times, layouts.")
  Path file;

  @Option(
      names = "--repository",
      paramLabel = "<name>",
      description =
          "Repository of the --config file whose layout (kustomize, argocdApplication, helmValues, ...) to use.")
  String repository;

  private Settings settings;

  Settings settings() {
    if (settings == null) {
      settings =
          file == null
              ? new Settings(
                  EnvironmentCatalog.defaults(),
                  Gates.none(),
                  ConnectionTimeouts.DEFAULT,
                  ConnectionTimeouts.DEFAULT,
                  List.of())
              : from(file);
    }
    return settings;
  }

  /** The layout of the repository named by {@code --repository}; empty without it. */
  Optional<Layout> layout() {
    if (repository == null) {
      return Optional.empty();
    }
    if (file == null) {
      throw new RequestRejectedException(
          RejectionReason.UNKNOWN_REPOSITORY,
          "--repository '" + repository + "' needs --config, the file that configures it");
    }
    RepositoryConfig config =
        settings().repositories().stream()
            .filter(r -> r.name().equals(repository))
            .findFirst()
            .orElseThrow(
                () ->
                    new RequestRejectedException(
                        RejectionReason.UNKNOWN_REPOSITORY,
                        "--repository '"
                            + repository
                            + "' is not in "
                            + file
                            + "; it has "
                            + String.join(
                                ", ",
                                settings().repositories().stream()
                                    .map(RepositoryConfig::name)
                                    .toList())));
    return Layouts.of(config.layout(), config.workloadsDir());
  }

  private static Settings from(Path file) {
    var config = new ConfigLoader().load(file);
    return new Settings(
        config.environments(),
        config.gates(),
        config.git().timeouts(),
        config.gitlabTimeouts(),
        config.repositories());
  }

  /** What the commands take from the configuration. */
  record Settings(
      EnvironmentCatalog environments,
      Gates gates,
      ConnectionTimeouts gitTimeouts,
      ConnectionTimeouts gitlabTimeouts,
      List<RepositoryConfig> repositories) {}
}
