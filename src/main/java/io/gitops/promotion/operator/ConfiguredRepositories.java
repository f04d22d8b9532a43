package io.gitops.promotion.operator;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops.promotion.config.NotificationConfig;
import io.gitops.promotion.config.OperatorConfig;
import io.gitops.promotion.config.RepositoryConfig;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RepositoryCatalog;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.gitlab.GitLabTarget;
import io.gitops.promotion.layout.Layouts;
import io.gitops.promotion.notify.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The configured repositories, with credentials read from their Secrets in the operator's namespace
 * at each use (so a rotated Secret takes effect without a restart). Secret keys: {@code username} +
 * {@code password}, or {@code token} (optionally with {@code username}), or {@code ssh-privatekey}
 * (+ {@code known_hosts}); a GitLab token Secret: {@code token}.
 */
public final class ConfiguredRepositories implements RepositoryCatalog {
  private final OperatorConfig config;
  private final KubernetesClient client;
  private final String namespace;

  public ConfiguredRepositories(OperatorConfig config, KubernetesClient client, String namespace) {
    this.config = config;
    this.client = client;
    this.namespace = namespace;
  }

  @Override
  public TargetRepository resolve(String name) {
    RepositoryConfig repository = find(name);
    GitCredentials credentials =
        repository.credentials().map(this::credentials).orElse(GitCredentials.none());
    GitLabTarget gitlab =
        repository
            .gitlabProject()
            .map(
                g ->
                    new GitLabTarget(
                        g.url(),
                        g.projectId(),
                        secretValue(g.tokenSecret(), "token").trim(),
                        config.gitlabTimeouts()))
            .orElse(null);
    return new TargetRepository(
        repository.name(),
        new GitRemote(repository.url(), repository.branch(), credentials, config.git().timeouts()),
        Layouts.of(repository.layout(), repository.workloadsDir()).orElseThrow(),
        gitlab,
        repository.verification(),
        repository.mergeRequest());
  }

  @Override
  public String nameOf(String name) {
    return find(name).name();
  }

  /** The repository's configuration; null names the only configured repository. */
  public RepositoryConfig find(String name) {
    if (name == null || name.isBlank()) {
      if (config.repositories().size() != 1) {
        throw new RequestRejectedException(
            RejectionReason.UNKNOWN_REPOSITORY,
            "spec.repository is required: the operator is configured with " + names());
      }
      return config.repositories().get(0);
    }
    return config
        .repository(name)
        .orElseThrow(
            () ->
                new RequestRejectedException(
                    RejectionReason.UNKNOWN_REPOSITORY,
                    "unknown repository '" + name + "'; configured: " + names()));
  }

  /**
   * The webhooks of every repository, by repository name; a URL from a Secret is read at each
   * delivery.
   */
  public Map<String, List<Webhook>> webhooks() {
    Map<String, List<Webhook>> webhooks = new LinkedHashMap<>();
    for (RepositoryConfig repository : config.repositories()) {
      List<Webhook> list = new ArrayList<>();
      for (int i = 0; i < repository.notifications().size(); i++) {
        NotificationConfig n = repository.notifications().get(i);
        Supplier<String> url =
            n.plainUrl()
                .<Supplier<String>>map(u -> () -> u)
                .orElse(() -> secretValue(n.secretName(), n.secretKey()).trim());
        list.add(
            new Webhook(
                repository.name() + " notifications[" + i + "]", url, n.events(), n.format()));
      }
      webhooks.put(repository.name(), list);
    }
    return webhooks;
  }

  /** The value of one key of a Secret in the operator's namespace. */
  public String secretValue(String secretName, String key) {
    Map<String, String> data = secretData(secretName);
    String value = data.get(key);
    if (value == null || value.isBlank()) {
      throw new RequestRejectedException(
          RejectionReason.CREDENTIALS_NOT_FOUND,
          "Secret " + namespace + "/" + secretName + " has no key '" + key + "'");
    }
    return value;
  }

  private GitCredentials credentials(String secretName) {
    Map<String, String> data = secretData(secretName);
    if (data.containsKey("ssh-privatekey")) {
      return new GitCredentials.SshKey(data.get("ssh-privatekey"), data.get("known_hosts"));
    }
    if (data.containsKey("token")) {
      return new GitCredentials.UsernamePassword(
          data.getOrDefault("username", "oauth2"), data.get("token"));
    }
    if (data.containsKey("username") && data.containsKey("password")) {
      return new GitCredentials.UsernamePassword(data.get("username"), data.get("password"));
    }
    throw new RequestRejectedException(
        RejectionReason.CREDENTIALS_NOT_FOUND,
        "Secret "
            + namespace
            + "/"
            + secretName
            + " has none of: username+password, token, ssh-privatekey");
  }

  private Map<String, String> secretData(String secretName) {
    Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
    if (secret == null) {
      throw new RequestRejectedException(
          RejectionReason.CREDENTIALS_NOT_FOUND,
          "Secret " + namespace + "/" + secretName + " not found");
    }
    Map<String, String> data = new java.util.HashMap<>();
    if (secret.getStringData() != null) {
      data.putAll(secret.getStringData());
    }
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    return data;
  }

  private String names() {
    return config.repositories().stream()
        .map(RepositoryConfig::name)
        .collect(Collectors.joining(", "));
  }
}
