package io.gitops.promotion.config;

import static io.gitops.promotion.config.ConfigProblemsTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code webhook}: the GitLab webhook endpoint that shortens the wait for merge requests. */
class WebhookConfigTest {
  private static final String GITLAB_REPO =
      """
      repositories:
        - name: argocd
          url: https://git.example.com/argocd.git
          gitlab: {url: https://gitlab.example.com, projectId: "1234", tokenSecret: gitlab-token}
      """;

  @Test
  void offWhenNotConfigured() {
    OperatorConfig config = new ConfigLoader().parse(GITLAB_REPO, "operator.yaml");

    assertThat(config.webhook()).isEqualTo(WebhookSettings.DISABLED);
    assertThat(config.webhook().enabled()).isFalse();
  }

  @Test
  void onWhenConfiguredWithItsSecretAndTheDefaultPortAndPath() {
    OperatorConfig config =
        new ConfigLoader()
            .parse(
                GITLAB_REPO + "webhook: {secretFrom: {name: gitlab-webhook, key: token}}\n",
                "operator.yaml");

    assertThat(config.webhook())
        .isEqualTo(
            new WebhookSettings(true, 8081, "/hooks/gitlab", "gitlab-webhook", "token", null));
  }

  @Test
  void readsPortAndPath() {
    OperatorConfig config =
        new ConfigLoader()
            .parse(
                GITLAB_REPO
                    + """
        webhook:
          enabled: true
          port: 9443
          path: /gitlab/events
          secretFrom: {name: hooks, key: gitlab.token}
          peers: promotion-operator-webhook-peers.promotion-system.svc
        """,
                "operator.yaml");

    assertThat(config.webhook())
        .isEqualTo(
            new WebhookSettings(
                true,
                9443,
                "/gitlab/events",
                "hooks",
                "gitlab.token",
                "promotion-operator-webhook-peers.promotion-system.svc"));
  }

  @Test
  void disabledNeedsNoSecret() {
    OperatorConfig config =
        new ConfigLoader().parse(GITLAB_REPO + "webhook: {enabled: false}\n", "operator.yaml");

    assertThat(config.webhook().enabled()).isFalse();
  }

  @Test
  void refusesAHookWithoutSecretOnTheMetricsPortOrWithABadPath() {
    assertThat(problems(GITLAB_REPO + "webhook: {port: 8080, path: hooks}\n"))
        .containsExactlyInAnyOrder(
            "webhook.port: 8080 is httpPort's: the hook needs a port of its own (default 8081)",
            "webhook.path: 'hooks' is not a URL path such as /hooks/gitlab",
            "webhook.secretFrom: required: {name, key} of the Secret holding the hook's secret"
                + " token (GitLab sends it as X-Gitlab-Token)");
    assertThat(
            problems(
                GITLAB_REPO
                    + "httpPort: 9000\n"
                    + "webhook: {port: 9000, secretFrom: {name: Hooks, key: 'a b'}, colour: x, peers: A_B}\n"))
        .containsExactlyInAnyOrder(
            "webhook.colour: unknown key 'colour'; known keys: enabled, path, peers, port, secretFrom",
            "webhook.port: 9000 is httpPort's: the hook needs a port of its own (default 8081)",
            "webhook.secretFrom.name: 'Hooks' is not a Secret name (lowercase DNS subdomain)",
            "webhook.secretFrom.key: 'a b' is not a Secret key",
            "webhook.peers: 'A_B' is not a DNS name (a headless Service's)");
    assertThat(problems(GITLAB_REPO + "webhook: {port: 70000, secretFrom: {name: hooks}}\n"))
        .containsExactlyInAnyOrder(
            "webhook.port: 70000 is not a port (1-65535)", "webhook.secretFrom.key: is required");
  }

  @Test
  void refusesAHookWhenNoRepositoryHasAGitLabProject() {
    assertThat(
            problems(
                ConfigProblemsTest.REPO
                    + "webhook: {secretFrom: {name: gitlab-webhook, key: token}}\n"))
        .containsExactly(
            "webhook.enabled: no repository has a gitlab section: no merge request a hook names is"
                + " ours");
  }
}
