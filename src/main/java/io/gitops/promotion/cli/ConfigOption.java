package io.gitops.promotion.cli;

import io.gitops.promotion.config.ConfigLoader;
import io.gitops.promotion.config.ConnectionTimeouts;
import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.gate.Gates;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config}: the operator's configuration file, so that a command run in CI or on a laptop
 * knows the same environments, promotion path, freeze windows, soak times and connection time limits
 * as the operator.
 * Without it: the specification's environments and no gates.
 */
final class ConfigOption {
  @Option(names = "--config", paramLabel = "<file>",
      description = "Operator configuration file: environments, promotion path, freeze windows, soak times.")
  Path file;

  private Settings settings;

  Settings settings() {
    if (settings == null) {
      settings = file == null
          ? new Settings(EnvironmentCatalog.defaults(), Gates.none(), ConnectionTimeouts.DEFAULT, ConnectionTimeouts.DEFAULT)
          : from(file);
    }
    return settings;
  }

  private static Settings from(Path file) {
    var config = new ConfigLoader().load(file);
    return new Settings(config.environments(), config.gates(), config.git().timeouts(), config.gitlabTimeouts());
  }

  /** What the commands take from the configuration. */
  record Settings(EnvironmentCatalog environments, Gates gates, ConnectionTimeouts gitTimeouts,
      ConnectionTimeouts gitlabTimeouts) {}
}
