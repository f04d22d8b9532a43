package io.gitops.promotion.config;

import io.gitops.promotion.logging.LogFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the small settings blocks of the configuration: {@code committer}, {@code git}, {@code
 * gitlab}, {@code leaderElection}, {@code logging}, {@code repositoryLeases}.
 */
final class SettingsSection {
  private static final int MAX_PUSH_ATTEMPTS = 1000;
  private static final int MAX_BATCH = 500;

  private SettingsSection() {}

  static Committer committer(ConfigNode node) {
    if (node == null) {
      return Committer.DEFAULT;
    }
    node.allowOnly(Set.of("name", "email"));
    String name = node.string("name", Committer.DEFAULT.name());
    String email = node.string("email", Committer.DEFAULT.email());
    if (email != null && !email.matches("^[^\\s<>@]+@[^\\s<>@]+$")) {
      node.problem("email", "'" + email + "' is not an email address");
    }
    return new Committer(name, email);
  }

  static GitSettings git(ConfigNode node) {
    if (node == null) {
      return GitSettings.DEFAULT;
    }
    node.allowOnly(
        Set.of(
            "cacheDir",
            "maxPushAttempts",
            "pushRetryBudget",
            "maxBatch",
            "connectTimeout",
            "readTimeout"));
    String cacheDir = node.string("cacheDir", GitSettings.DEFAULT.cacheDir().toString());
    if (cacheDir != null && !cacheDir.startsWith("/")) {
      node.problem("cacheDir", "'" + cacheDir + "' must be an absolute path");
    }
    Integer attempts = node.integer("maxPushAttempts", GitSettings.DEFAULT.maxPushAttempts());
    if (attempts != null && (attempts < 1 || attempts > MAX_PUSH_ATTEMPTS)) {
      node.problem("maxPushAttempts", attempts + " is out of range 1-" + MAX_PUSH_ATTEMPTS);
    }
    Integer batch = node.integer("maxBatch", GitSettings.DEFAULT.maxBatch());
    if (batch != null && (batch < 1 || batch > MAX_BATCH)) {
      node.problem("maxBatch", batch + " is out of range 1-" + MAX_BATCH);
    }
    String budgetText = node.string("pushRetryBudget");
    Duration budget = GitSettings.DEFAULT.pushRetryBudget();
    if (budgetText != null) {
      Optional<RollbackWindow> parsed = RollbackWindow.parse(budgetText);
      if (parsed.isEmpty() || parsed.get().isUnlimited() || parsed.get().duration().isZero()) {
        node.problem(
            "pushRetryBudget", "'" + budgetText + "' is not a duration such as 60s, 5m or 1h");
      } else {
        budget = parsed.get().duration();
      }
    }
    return new GitSettings(
        cacheDir == null ? GitSettings.DEFAULT.cacheDir() : Path.of(cacheDir),
        attempts == null ? GitSettings.DEFAULT.maxPushAttempts() : attempts,
        budget,
        batch == null ? GitSettings.DEFAULT.maxBatch() : batch,
        timeouts(node));
  }

  /** The {@code gitlab} block: connect and read limits of GitLab API calls. */
  static ConnectionTimeouts gitlab(ConfigNode node) {
    if (node == null) {
      return ConnectionTimeouts.DEFAULT;
    }
    node.allowOnly(Set.of("connectTimeout", "readTimeout"));
    return timeouts(node);
  }

  private static ConnectionTimeouts timeouts(ConfigNode node) {
    return new ConnectionTimeouts(
        duration(node, "connectTimeout", ConnectionTimeouts.DEFAULT.connect()),
        duration(node, "readTimeout", ConnectionTimeouts.DEFAULT.read()));
  }

  private static Duration duration(ConfigNode node, String key, Duration fallback) {
    String text = node.string(key);
    if (text == null) {
      return fallback;
    }
    Optional<Duration> parsed = ConnectionTimeouts.parse(text);
    if (parsed.isEmpty()) {
      node.problem(key, "'" + text + "' is not a positive duration such as 30s or 5m");
      return fallback;
    }
    return parsed.get();
  }

  static LeaderElection leaderElection(ConfigNode node) {
    if (node == null) {
      return LeaderElection.DEFAULT;
    }
    node.allowOnly(Set.of("enabled", "leaseName", "leaseNamespace"));
    Boolean enabled = node.bool("enabled", LeaderElection.DEFAULT.enabled());
    String leaseName = node.string("leaseName", LeaderElection.DEFAULT.leaseName());
    if (leaseName != null && !NameRules.isDnsSubdomain(leaseName)) {
      node.problem(
          "leaseName", "'" + leaseName + "' is not a Lease name (lowercase DNS subdomain)");
    }
    String leaseNamespace = node.string("leaseNamespace");
    if (leaseNamespace != null && !NameRules.isDnsLabel(leaseNamespace)) {
      node.problem("leaseNamespace", "'" + leaseNamespace + "' is not a namespace name");
    }
    return new LeaderElection(enabled == null || enabled, leaseName, leaseNamespace);
  }

  static LogFormat logFormat(ConfigNode node) {
    if (node == null) {
      return LogFormat.TEXT;
    }
    node.allowOnly(Set.of("format"));
    String name = node.string("format", LogFormat.TEXT.value());
    Optional<LogFormat> format = LogFormat.named(name);
    if (name != null && format.isEmpty()) {
      node.problem("format", "'" + name + "' is not a log format; known: text, json");
    }
    return format.orElse(LogFormat.TEXT);
  }

  /**
   * {@code repositoryLeases}: durations in whole seconds, retry period < renew deadline < duration.
   * Enabling it turns the single-Lease leader election off unless that is enabled explicitly, which
   * is a problem: the two exclude each other.
   */
  static RepositoryLeaseSettings repositoryLeases(ConfigNode node) {
    if (node == null) {
      return RepositoryLeaseSettings.DISABLED;
    }
    RepositoryLeaseSettings d = RepositoryLeaseSettings.DISABLED;
    node.allowOnly(Set.of("enabled", "duration", "renewDeadline", "retryPeriod"));
    Boolean enabled = node.bool("enabled", true);
    Duration duration = seconds(node, "duration", d.duration());
    Duration renewDeadline = seconds(node, "renewDeadline", d.renewDeadline());
    Duration retryPeriod = seconds(node, "retryPeriod", d.retryPeriod());
    if (renewDeadline.compareTo(duration) >= 0) {
      node.problem(
          "renewDeadline",
          renewDeadline.toSeconds()
              + "s must be shorter than duration ("
              + duration.toSeconds()
              + "s): a holder stops writing before anyone else may take the repository");
    }
    if (retryPeriod.compareTo(renewDeadline) >= 0) {
      node.problem(
          "retryPeriod",
          retryPeriod.toSeconds()
              + "s must be shorter than renewDeadline ("
              + renewDeadline.toSeconds()
              + "s)");
    }
    return new RepositoryLeaseSettings(
        enabled == null || enabled, duration, renewDeadline, retryPeriod);
  }

  private static Duration seconds(ConfigNode node, String key, Duration fallback) {
    String text = node.string(key);
    if (text == null) {
      return fallback;
    }
    Optional<RollbackWindow> parsed = RollbackWindow.parse(text);
    if (parsed.isEmpty()
        || parsed.get().isUnlimited()
        || parsed.get().duration().toSeconds() < 1
        || parsed.get().duration().toMillis() % 1000 != 0) {
      node.problem(key, "'" + text + "' is not a whole number of seconds such as 15s or 1m");
      return fallback;
    }
    return parsed.get().duration();
  }
}
