package io.gitops.promotion.config;

import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.logging.LogFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's configuration: loaded once at start by {@link ConfigLoader}, validated as a whole,
 * immutable afterwards. Nothing else in the operator reads files or environment variables for
 * settings.
 *
 * @param repositories at least one, names unique
 * @param environments the known environments and the linear promotion path
 * @param releaseFrom source environments whose promotions create a GitLab tag and release
 * @param versionServices workload group -> lead service whose tag is the release version
 * @param httpPort port of /metrics, /healthz and /readyz
 * @param watchNamespaces namespaces whose resources are reconciled; empty means all
 * @param gates freeze windows and soak time that hold promotions and rollbacks until they may run
 * @param gitlabTimeouts connect and read limits of GitLab API calls
 * @param logFormat the shape of the operator's log lines ({@code logging.format}); {@code
 *     --log-format} overrides it
 * @param repositoryLeases replicas sharing the repositories through one Lease each (then leader
 *     election is off)
 */
public record OperatorConfig(
    List<RepositoryConfig> repositories,
    EnvironmentCatalog environments,
    List<Environment> releaseFrom,
    RollbackWindow rollbackWindow,
    Map<String, String> versionServices,
    Committer committer,
    GitSettings git,
    int httpPort,
    List<String> watchNamespaces,
    LeaderElection leaderElection,
    Gates gates,
    ConnectionTimeouts gitlabTimeouts,
    LogFormat logFormat,
    RepositoryLeaseSettings repositoryLeases,
    WebhookSettings webhook) {

  public static final int DEFAULT_HTTP_PORT = 8080;

  public OperatorConfig {
    repositories = List.copyOf(repositories);
    releaseFrom = List.copyOf(releaseFrom);
    versionServices = Collections.unmodifiableMap(new LinkedHashMap<>(versionServices));
    watchNamespaces = List.copyOf(watchNamespaces);
  }

  /**
   * The repository a resource names; a resource that names none gets the only repository when
   * exactly one is configured.
   */
  public Optional<RepositoryConfig> repository(String name) {
    if (name == null || name.isBlank()) {
      return repositories.size() == 1 ? Optional.of(repositories.get(0)) : Optional.empty();
    }
    return repositories.stream().filter(r -> r.name().equals(name.trim())).findFirst();
  }

  /** Whether promotions out of this environment create a GitLab release. */
  public boolean releasesFrom(Environment source) {
    return releaseFrom.contains(source);
  }

  /** The configured lead service of a workload group, if any. */
  public Optional<String> versionService(String group) {
    return Optional.ofNullable(versionServices.get(group));
  }

  public boolean watchesAllNamespaces() {
    return watchNamespaces.isEmpty();
  }
}
