package io.gitops.promotion.config;

import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.logging.LogFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Loads the operator configuration from one YAML file (mounted from a ConfigMap) and validates all
 * of it before anything starts: every problem is collected and reported together in one {@link
 * ConfigException}. Unknown keys are problems too, so a typo never silently means a default. Reads
 * no environment variables.
 */
public final class ConfigLoader {
  private static final Set<String> KEYS =
      Set.of(
          "repositories",
          "environments",
          "promotionPath",
          "releaseFrom",
          "rollbackWindow",
          "versionServices",
          "committer",
          "git",
          "gitlab",
          "httpPort",
          "watchNamespaces",
          "leaderElection",
          "freezeWindows",
          "minSoak",
          "logging",
          "repositoryLeases",
          "webhook");

  public OperatorConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of("cannot read the file: " + e));
    }
    return parse(text, file.toString());
  }

  /** Parses configuration text; {@code source} names it in messages. */
  public OperatorConfig parse(String yaml, String source) {
    Object document;
    try {
      document = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new ConfigException(source, List.of("not valid YAML: " + e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    ConfigNode root = ConfigNode.root(document, problems);
    root.allowOnly(KEYS);
    List<RepositoryConfig> repositories = RepositoriesSection.read(root);
    EnvironmentCatalog environments = EnvironmentsSection.catalog(root);
    List<Environment> releaseFrom = EnvironmentsSection.releaseFrom(root, environments);
    RollbackWindow rollbackWindow = rollbackWindow(root);
    Map<String, String> versionServices = versionServices(root);
    Committer committer = SettingsSection.committer(root.object("committer"));
    GitSettings git = SettingsSection.git(root.object("git"));
    ConnectionTimeouts gitlabTimeouts = SettingsSection.gitlab(root.object("gitlab"));
    Integer httpPort = root.integer("httpPort", OperatorConfig.DEFAULT_HTTP_PORT);
    if (httpPort != null && (httpPort < 1 || httpPort > 65_535)) {
      root.problem("httpPort", httpPort + " is not a port (1-65535)");
    }
    List<String> namespaces = watchNamespaces(root);
    RepositoryLeaseSettings repositoryLeases =
        SettingsSection.repositoryLeases(root.object("repositoryLeases"));
    LeaderElection leaderElection = leaderElection(root, repositoryLeases, repositories);
    Gates gates = GatesSection.read(root, environments);
    LayoutSection.checkEnvironments(root, repositories, environments);
    LogFormat logFormat = SettingsSection.logFormat(root.object("logging"));
    requireGitLabForGatedEnvironments(root, repositories, environments);
    WebhookSettings webhook =
        WebhookSection.read(
            root, httpPort == null ? OperatorConfig.DEFAULT_HTTP_PORT : httpPort, repositories);
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems);
    }
    return new OperatorConfig(
        repositories,
        environments,
        releaseFrom,
        rollbackWindow,
        versionServices,
        committer,
        git,
        httpPort,
        namespaces,
        leaderElection,
        gates,
        gitlabTimeouts,
        logFormat,
        repositoryLeases,
        webhook);
  }

  /** One Lease for all, or one per repository: never both; each repository's Lease name its own. */
  private static LeaderElection leaderElection(
      ConfigNode root,
      RepositoryLeaseSettings repositoryLeases,
      List<RepositoryConfig> repositories) {
    ConfigNode node = root.object("leaderElection");
    LeaderElection election = SettingsSection.leaderElection(node);
    if (!repositoryLeases.enabled()) {
      return election;
    }
    if (node != null && node.has("enabled") && election.enabled()) {
      root.problem(
          "leaderElection.enabled",
          "must be false when repositoryLeases is enabled: every replica works, "
              + "each on the repositories whose Lease it holds");
    }
    Map<String, String> leaseNames = new LinkedHashMap<>();
    for (RepositoryConfig repository : repositories) {
      if (repository.name() == null) {
        continue;
      }
      String lease = RepositoryLeaseSettings.leaseName(repository.name());
      String other = leaseNames.putIfAbsent(lease, repository.name());
      if (!NameRules.isDnsSubdomain(lease) || lease.length() > 63) {
        root.problem(
            "repositories",
            "repository '" + repository.name() + "' gives no valid Lease name ('" + lease + "')");
      } else if (other != null) {
        root.problem(
            "repositories",
            "repositories '"
                + other
                + "' and '"
                + repository.name()
                + "' would share the Lease "
                + lease);
      }
    }
    return new LeaderElection(false, election.leaseName(), election.leaseNamespace());
  }

  /** A merge request needs GitLab: every repository must have it when any environment is gated. */
  private static void requireGitLabForGatedEnvironments(
      ConfigNode root, List<RepositoryConfig> repositories, EnvironmentCatalog environments) {
    List<String> gated =
        environments.all().stream()
            .filter(Environment::gatedByMergeRequest)
            .map(Environment::name)
            .toList();
    if (gated.isEmpty()) {
      return;
    }
    for (RepositoryConfig repository : repositories) {
      if (repository.name() != null && repository.gitlabProject().isEmpty()) {
        root.problem(
            "repositories",
            "repository '"
                + repository.name()
                + "' has no gitlab section, but "
                + String.join(", ", gated)
                + " "
                + (gated.size() == 1 ? "is" : "are")
                + " gated by mergeRequest, which needs the repository's GitLab project");
      }
    }
  }

  private static RollbackWindow rollbackWindow(ConfigNode root) {
    String text = root.string("rollbackWindow");
    if (text == null) {
      return RollbackWindow.DEFAULT;
    }
    return RollbackWindow.parse(text)
        .orElseGet(
            () -> {
              root.problem(
                  "rollbackWindow",
                  "'"
                      + text
                      + "' is not a duration; write e.g. 7d, 12h, 30m, P7D, or 0 for no limit");
              return RollbackWindow.DEFAULT;
            });
  }

  private static Map<String, String> versionServices(ConfigNode root) {
    Map<String, String> map = root.stringMap("versionServices");
    if (map == null) {
      return Map.of();
    }
    Map<String, String> checked = new LinkedHashMap<>();
    map.forEach(
        (group, service) -> {
          if (!NameRules.isPlain(group)) {
            root.problem(
                "versionServices." + group, "'" + group + "' is not a plain workload group name");
          } else if (!NameRules.isPlain(service)) {
            root.problem(
                "versionServices." + group, "'" + service + "' is not a plain service name");
          } else {
            checked.put(group, service);
          }
        });
    return checked;
  }

  private static List<String> watchNamespaces(ConfigNode root) {
    List<String> namespaces = root.strings("watchNamespaces");
    if (namespaces == null) {
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < namespaces.size(); i++) {
      String namespace = namespaces.get(i);
      if (!NameRules.isDnsLabel(namespace)) {
        root.problem("watchNamespaces[" + i + "]", "'" + namespace + "' is not a namespace name");
      } else if (!seen.add(namespace)) {
        root.problem("watchNamespaces[" + i + "]", "namespace '" + namespace + "' is listed twice");
      }
    }
    return namespaces;
  }
}
