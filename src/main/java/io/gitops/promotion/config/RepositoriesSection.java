package io.gitops.promotion.config;

import io.gitops.promotion.layout.LayoutSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and checks the {@code repositories} list of the configuration file. */
final class RepositoriesSection {
  private static final Set<String> KEYS =
      Set.of(
          "name",
          "url",
          "branch",
          "workloadsDir",
          "credentialsSecret",
          "gitlab",
          "layout",
          "verification",
          "notifications",
          "mergeRequest");
  private static final Set<String> GITLAB_KEYS = Set.of("url", "projectId", "tokenSecret");

  private RepositoriesSection() {}

  static List<RepositoryConfig> read(ConfigNode root) {
    List<ConfigNode> nodes = root.objects("repositories");
    if (nodes == null || nodes.isEmpty()) {
      boolean reportedAsNotAList = nodes == null && root.has("repositories");
      if (!reportedAsNotAList) {
        root.problem("repositories", "at least one repository is required");
      }
      return List.of();
    }
    List<RepositoryConfig> repositories = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode node : nodes) {
      RepositoryConfig repository = repository(node);
      if (repository.name() != null && !names.add(repository.name())) {
        node.problem("name", "duplicate repository name '" + repository.name() + "'");
      }
      repositories.add(repository);
    }
    return repositories;
  }

  private static RepositoryConfig repository(ConfigNode node) {
    node.allowOnly(KEYS);
    String name = node.requiredString("name");
    if (name != null && !NameRules.isPlain(name)) {
      node.problem("name", "'" + name + "' is not a plain name (letters, digits, '.', '_', '-')");
    }
    String url = node.requiredString("url");
    if (url != null && NameRules.hasEmbeddedSecret(url)) {
      node.problem(
          "url", "must not contain credentials; put them in the Secret named by credentialsSecret");
    }
    String branch = node.string("branch", RepositoryConfig.DEFAULT_BRANCH);
    if (branch != null && !NameRules.isBranch(branch)) {
      node.problem("branch", "'" + branch + "' is not a branch name");
    }
    String workloadsDir = node.string("workloadsDir", RepositoryConfig.DEFAULT_WORKLOADS_DIR);
    if (workloadsDir != null && !NameRules.isRelativeDir(workloadsDir)) {
      node.problem(
          "workloadsDir", "'" + workloadsDir + "' is not a relative directory of plain names");
    }
    String credentialsSecret = secretName(node, "credentialsSecret", false);
    LayoutSettings layout = LayoutSection.read(node);
    return new RepositoryConfig(
        name,
        url,
        branch,
        workloadsDir,
        credentialsSecret,
        gitlab(node.object("gitlab")),
        layout,
        verification(node.object("verification")),
        NotificationsSection.read(node),
        MergeRequestSection.read(node.object("mergeRequest")));
  }

  private static GitLabConfig gitlab(ConfigNode node) {
    if (node == null) {
      return null;
    }
    node.allowOnly(GITLAB_KEYS);
    String url = node.requiredString("url");
    if (url != null && !url.matches("^https?://[^/\\s]+.*")) {
      node.problem("url", "'" + url + "' is not an http(s) URL");
    }
    if (url != null && NameRules.hasEmbeddedSecret(url)) {
      node.problem(
          "url", "must not contain credentials; put the token in the Secret named by tokenSecret");
    }
    String projectId = node.requiredString("projectId");
    return new GitLabConfig(url, projectId, secretName(node, "tokenSecret", true));
  }

  private static String secretName(ConfigNode node, String key, boolean required) {
    String name = required ? node.requiredString(key) : node.string(key);
    if (name != null && !NameRules.isDnsSubdomain(name)) {
      node.problem(key, "'" + name + "' is not a Secret name (lowercase DNS subdomain)");
    }
    return name;
  }

  private static VerificationConfig verification(ConfigNode node) {
    if (node == null) {
      return null;
    }
    node.allowOnly(
        Set.of(
            "namespace",
            "applicationName",
            "selector",
            "timeout",
            "required",
            "rollbackOnFailure"));
    String namespace = node.requiredString("namespace");
    if (namespace != null && !NameRules.isDnsLabel(namespace)) {
      node.problem("namespace", "'" + namespace + "' is not a namespace name");
    }
    String name = node.string("applicationName");
    String selector = node.string("selector");
    if ((name == null) == (selector == null)) {
      node.problem(
          "applicationName",
          "give either applicationName (a template with {group}, {service}, {env}) or"
              + " selector (a label selector with {group}, {env})");
    }
    for (String template : java.util.Arrays.asList(name, selector)) {
      if (template != null && template.replaceAll("\\{(group|service|env)}", "").contains("{")) {
        node.problem(
            template == name ? "applicationName" : "selector",
            "'" + template + "' has an unknown placeholder; known: {group}, {service}, {env}");
      }
    }
    String timeoutText = node.string("timeout");
    java.time.Duration timeout = VerificationConfig.DEFAULT_TIMEOUT;
    if (timeoutText != null) {
      java.util.Optional<RollbackWindow> parsed = RollbackWindow.parse(timeoutText);
      if (parsed.isEmpty() || parsed.get().isUnlimited()) {
        node.problem("timeout", "'" + timeoutText + "' is not a duration such as 15m or 1h");
      } else {
        timeout = parsed.get().duration();
      }
    }
    Boolean required = node.bool("required", false);
    Boolean rollback = node.bool("rollbackOnFailure", false);
    return new VerificationConfig(
        namespace,
        name,
        selector,
        timeout,
        Boolean.TRUE.equals(required),
        Boolean.TRUE.equals(rollback));
  }
}
