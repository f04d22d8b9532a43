package io.gitops.promotion.config;

import java.util.List;
import java.util.Set;

/**
 * Reads {@code webhook: {enabled, port, path, secretFrom: {name, key}, peers}}. Present means
 * enabled; an enabled hook needs its secret token (GitLab's {@code X-Gitlab-Token}), a port of its
 * own and a repository with a GitLab project whose merge requests it can name.
 */
final class WebhookSection {
  private static final String PATH = "^/[A-Za-z0-9._~/-]*$";
  private static final String SECRET_KEY = "^[-._a-zA-Z0-9]+$";

  private WebhookSection() {}

  static WebhookSettings read(ConfigNode root, int httpPort, List<RepositoryConfig> repositories) {
    ConfigNode node = root.object("webhook");
    if (node == null) {
      return WebhookSettings.DISABLED;
    }
    node.allowOnly(Set.of("enabled", "port", "path", "secretFrom", "peers"));
    Boolean enabled = node.bool("enabled", true);
    Integer port = node.integer("port", WebhookSettings.DEFAULT_PORT);
    if (port != null && (port < 1 || port > 65_535)) {
      node.problem("port", port + " is not a port (1-65535)");
    } else if (port != null && port == httpPort) {
      node.problem(
          "port", port + " is httpPort's: the hook needs a port of its own (default 8081)");
    }
    String path = node.string("path", WebhookSettings.DEFAULT_PATH);
    if (path != null && !path.matches(PATH)) {
      node.problem("path", "'" + path + "' is not a URL path such as /hooks/gitlab");
    }
    String peers = node.string("peers");
    if (peers != null && !NameRules.isDnsSubdomain(peers)) {
      node.problem("peers", "'" + peers + "' is not a DNS name (a headless Service's)");
    }
    boolean on = enabled == null || enabled;
    ConfigNode secretFrom = node.object("secretFrom");
    String name = null;
    String key = null;
    if (secretFrom != null) {
      secretFrom.allowOnly(Set.of("name", "key"));
      name = secretFrom.requiredString("name");
      if (name != null && !NameRules.isDnsSubdomain(name)) {
        secretFrom.problem("name", "'" + name + "' is not a Secret name (lowercase DNS subdomain)");
      }
      key = secretFrom.requiredString("key");
      if (key != null && !key.matches(SECRET_KEY)) {
        secretFrom.problem("key", "'" + key + "' is not a Secret key");
      }
    } else if (on) {
      node.problem(
          "secretFrom",
          "required: {name, key} of the Secret holding the hook's secret token"
              + " (GitLab sends it as X-Gitlab-Token)");
    }
    if (on && repositories.stream().noneMatch(r -> r.gitlabProject().isPresent())) {
      node.problem(
          "enabled", "no repository has a gitlab section: no merge request a hook names is ours");
    }
    return new WebhookSettings(
        on,
        port == null ? WebhookSettings.DEFAULT_PORT : port,
        path == null ? WebhookSettings.DEFAULT_PATH : path,
        name,
        key,
        peers);
  }
}
