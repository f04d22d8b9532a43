package io.gitops.promotion.config;

import static io.gitops.promotion.config.ConfigProblemsTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.logging.LogFormat;
import io.gitops.promotion.notify.NotificationEvent;
import io.gitops.promotion.notify.WebhookFormat;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** A repository's {@code notifications} and the operator's {@code logging} block. */
class NotificationsAndLoggingConfigTest {
  @Test
  void readsWebhooksWithAPlainUrlOrOneFromASecret() {
    OperatorConfig config =
        new ConfigLoader()
            .parse(
                """
        repositories:
          - name: argocd
            url: https://git.example.com/argocd.git
            notifications:
              - url: https://hooks.example.com/promotions
                events: [Succeeded, Failed, RolledBack]
              - urlFrom: {secretName: slack-webhook, key: url}
                format: slack
        logging:
          format: json
        """,
                "operator.yaml");

    var notifications = config.repository("argocd").orElseThrow().notifications();
    assertThat(notifications)
        .containsExactly(
            new NotificationConfig(
                "https://hooks.example.com/promotions",
                null,
                null,
                EnumSet.of(
                    NotificationEvent.SUCCEEDED,
                    NotificationEvent.FAILED,
                    NotificationEvent.ROLLED_BACK),
                WebhookFormat.JSON),
            new NotificationConfig(
                null,
                "slack-webhook",
                "url",
                EnumSet.allOf(NotificationEvent.class),
                WebhookFormat.SLACK));
    assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
  }

  @Test
  void withoutThemNoWebhookIsCalledAndLogsAreText() {
    OperatorConfig config = new ConfigLoader().parse(ConfigProblemsTest.REPO, "operator.yaml");

    assertThat(config.repositories().get(0).notifications()).isEmpty();
    assertThat(config.logFormat()).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void namesEveryWrongWebhookAndLogFormat() {
    assertThat(
            problems(
                """
        repositories:
          - name: argocd
            url: https://git.example.com/argocd.git
            notifications:
              - {url: "https://user:secret@hooks.example.com/x"}
              - {url: ftp://hooks.example.com/x, format: xml}
              - {events: [Succeeded, Merged]}
              - {url: https://hooks.example.com/x, urlFrom: {secretName: Bad_Name}, events: []}
        logging: {format: yaml, level: debug}
        """))
        .containsExactlyInAnyOrder(
            "repositories[0].notifications[0].url: must not contain credentials; put the URL in a Secret and use urlFrom",
            "repositories[0].notifications[1].url: 'ftp://hooks.example.com/x' is not an http(s) URL",
            "repositories[0].notifications[1].format: 'xml' is not a format; known: json, slack",
            "repositories[0].notifications[2].url: give either url or urlFrom: {secretName, key}",
            "repositories[0].notifications[2].events: 'Merged' is not an event; known: Previewed, AwaitingMerge, Verifying,"
                + " Succeeded, Failed, RollbackPreviewed, RollbackAwaitingMerge, RolledBack,"
                + " RollbackFailed",
            "repositories[0].notifications[3].url: give either url or urlFrom: {secretName, key}",
            "repositories[0].notifications[3].urlFrom.secretName: 'Bad_Name' is not a Secret name (lowercase DNS subdomain)",
            "repositories[0].notifications[3].urlFrom.key: is required",
            "repositories[0].notifications[3].events: list at least one event, or leave events out for all of them",
            "logging.format: 'yaml' is not a log format; known: text, json",
            "logging.level: unknown key 'level'; known keys: format");
  }
}
