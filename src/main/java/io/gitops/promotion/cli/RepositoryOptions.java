package io.gitops.promotion.cli;

import io.gitops.promotion.config.ConnectionTimeouts;
import io.gitops.promotion.config.NameRules;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.layout.Layout;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.run.PushRetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the GitOps repository is and how to reach it. Credentials come from the environment only
 * (GIT_USERNAME + GIT_PASSWORD, or GIT_TOKEN, or GIT_SSH_KEY_FILE + GIT_KNOWN_HOSTS_FILE), never
 * from flags, so they stay out of shell history and process lists.
 */
final class RepositoryOptions {
  @Option(
      names = "--repo",
      required = true,
      paramLabel = "<url|path>",
      description =
          "GitOps repository: a Git URL (https://, ssh://, file://) or a local path to a bare repository.")
  String repo;

  @Option(
      names = "--branch",
      defaultValue = "main",
      description = "Branch to promote on (default: ${DEFAULT-VALUE}).")
  String branch;

  @Option(
      names = "--workloads-dir",
      defaultValue = "workloads",
      description =
          "Directory of the workload groups in the repository (default: ${DEFAULT-VALUE}).")
  String workloadsDir;

  @Option(
      names = "--workspace",
      paramLabel = "<dir>",
      description =
          "Keep the clone in this directory and reuse it next time (default: a temporary clone).")
  Path workspace;

  @Option(
      names = "--push-budget",
      defaultValue = "60",
      paramLabel = "<seconds>",
      description =
          "How long to keep re-planning when other writers move the branch (default: ${DEFAULT-VALUE} s).")
  int pushBudgetSeconds;

  PushRetry pushRetry() {
    return PushRetry.within(Duration.ofSeconds(Math.max(1, pushBudgetSeconds)));
  }

  Layout layout() {
    if (!NameRules.isRelativeDir(workloadsDir)) {
      throw new RequestRejectedException(
          RejectionReason.INVALID_NAME,
          "--workloads-dir '"
              + workloadsDir
              + "' is not a relative directory of plain names inside the repository");
    }
    return new OverlaysLayout(workloadsDir);
  }

  GitRemote remote(Map<String, String> env, ConnectionTimeouts timeouts) {
    return new GitRemote(url(), branch, credentials(env), timeouts);
  }

  private String url() {
    if (repo.contains("://") || repo.matches("^[^/]+@[^:]+:.*")) {
      return repo;
    }
    return Path.of(repo).toAbsolutePath().normalize().toUri().toString();
  }

  private static GitCredentials credentials(Map<String, String> env) {
    if (present(env, "GIT_SSH_KEY_FILE")) {
      return new GitCredentials.SshKey(
          readFile(env.get("GIT_SSH_KEY_FILE")),
          present(env, "GIT_KNOWN_HOSTS_FILE") ? readFile(env.get("GIT_KNOWN_HOSTS_FILE")) : null);
    }
    if (present(env, "GIT_TOKEN")) {
      return new GitCredentials.UsernamePassword(
          present(env, "GIT_USERNAME") ? env.get("GIT_USERNAME") : "oauth2", env.get("GIT_TOKEN"));
    }
    if (present(env, "GIT_USERNAME")) {
      return new GitCredentials.UsernamePassword(
          env.get("GIT_USERNAME"), env.getOrDefault("GIT_PASSWORD", ""));
    }
    return GitCredentials.none();
  }

  private static boolean present(Map<String, String> env, String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }

  private static String readFile(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + path, e);
    }
  }
}
