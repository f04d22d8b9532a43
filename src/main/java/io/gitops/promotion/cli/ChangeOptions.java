package io.gitops.promotion.cli;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.layout.Layout;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code promote} and {@code rollback} share: the repository and its workspace, who
 * asks, the output format, GitLab and its merge request, {@code --config}, connection limits and
 * the log format. Each command adds its own (what to change, {@code --dry-run}, {@code --force}).
 */
final class ChangeOptions {
  @Mixin RepositoryOptions repository;

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

  EnvironmentCatalog environments() {
    return config.settings().environments();
  }

  Gates gates() {
    return config.settings().gates();
  }

  /** The layout of {@code --config}'s {@code --repository}, else overlays in the workloads dir. */
  Layout layout() {
    return config.layout().orElseGet(repository::layout);
  }

  GitRemote remote(Map<String, String> environment) {
    return repository.remote(environment, timeouts.git(config.settings().gitTimeouts()));
  }
}
