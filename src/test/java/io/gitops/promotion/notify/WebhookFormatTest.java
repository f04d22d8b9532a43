package io.gitops.promotion.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Notice SUCCEEDED =
      new Notice(
          NotificationEvent.SUCCEEDED,
          "Promotion",
          "tbd-test-dev-to-tst",
          "team-a",
          "argocd",
          "tbd-test",
          "DEV",
          "TST",
          "Promoted",
          "promoted 2 application(s) in commit 76e5fb9",
          "Promote [DEV] v1.5.0 -> [TST] v1.3.0",
          "1.5.0",
          "76e5fb91c0ffee00112233445566778899aabbcc",
          Instant.parse("2026-12-04T06:00:00Z"));

  @Test
  void jsonCarriesEveryFieldOfTheNoticeAndLeavesOutWhatItHasNot() throws Exception {
    var body = JSON.readTree(WebhookFormat.JSON.body(SUCCEEDED));

    assertThat(body.get("event").asText()).isEqualTo("Succeeded");
    assertThat(body.get("kind").asText()).isEqualTo("Promotion");
    assertThat(body.get("name").asText()).isEqualTo("tbd-test-dev-to-tst");
    assertThat(body.get("namespace").asText()).isEqualTo("team-a");
    assertThat(body.get("repository").asText()).isEqualTo("argocd");
    assertThat(body.get("workloadGroup").asText()).isEqualTo("tbd-test");
    assertThat(body.get("sourceEnv").asText()).isEqualTo("DEV");
    assertThat(body.get("targetEnv").asText()).isEqualTo("TST");
    assertThat(body.get("version").asText()).isEqualTo("1.5.0");
    assertThat(body.get("commit").asText()).startsWith("76e5fb91");
    assertThat(body.get("time").asText()).isEqualTo("2026-12-04T06:00:00Z");

    var rollback =
        JSON.readTree(
            WebhookFormat.JSON.body(
                new Notice(
                    NotificationEvent.ROLLED_BACK,
                    "PromotionRollback",
                    "undo",
                    "team-a",
                    "argocd",
                    "tbd-test",
                    null,
                    "TST",
                    "RolledBack",
                    "restored",
                    null,
                    null,
                    null,
                    null)));
    assertThat(rollback.get("event").asText()).isEqualTo("RolledBack");
    assertThat(rollback.has("sourceEnv")).isFalse();
    assertThat(rollback.has("commit")).isFalse();
  }

  @Test
  void slackIsOneTextWithMarkupCharactersEscaped() throws Exception {
    var body = JSON.readTree(WebhookFormat.SLACK.body(SUCCEEDED));

    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("text").asText())
        .isEqualTo(
            ":white_check_mark: *Succeeded* Promote [DEV] v1.5.0 -&gt; [TST] v1.3.0\n"
                + "Promotion team-a/tbd-test-dev-to-tst in argocd, commit `76e5fb91`\npromoted 2 application(s) in commit 76e5fb9");
  }

  @Test
  void slackNamesAnUntitledRunByItsGroupAndEnvironments() throws Exception {
    Notice failed =
        new Notice(
            NotificationEvent.ROLLBACK_FAILED,
            "PromotionRollback",
            "undo",
            "team-a",
            null,
            "tbd-test",
            null,
            "TST",
            "Conflict",
            "tag <drifted> & more",
            null,
            null,
            null,
            null);

    assertThat(JSON.readTree(WebhookFormat.SLACK.body(failed)).get("text").asText())
        .isEqualTo(
            ":x: *RollbackFailed* tbd-test TST\nPromotionRollback team-a/undo\ntag &lt;drifted&gt; &amp; more");
  }

  @Test
  void phasesMapToTheEventsTheConfigurationNames() {
    assertThat(NotificationEvent.ofPhase("Previewed", false)).contains(NotificationEvent.PREVIEWED);
    assertThat(NotificationEvent.ofPhase(NotificationEvent.AWAITING_MERGE_PHASE, false))
        .contains(NotificationEvent.AWAITING_MERGE);
    assertThat(NotificationEvent.ofPhase("Succeeded", false)).contains(NotificationEvent.SUCCEEDED);
    assertThat(NotificationEvent.ofPhase("Running", false)).isEmpty();
    assertThat(NotificationEvent.ofPhase("Pending", true)).isEmpty();
    assertThat(NotificationEvent.ofPhase("RolledBack", false)).isEmpty();
    assertThat(NotificationEvent.ofPhase("Succeeded", true))
        .contains(NotificationEvent.ROLLED_BACK);
    assertThat(NotificationEvent.ofPhase("Failed", true))
        .contains(NotificationEvent.ROLLBACK_FAILED);
    assertThat(NotificationEvent.ofPhase("Previewed", true))
        .contains(NotificationEvent.ROLLBACK_PREVIEWED);
    assertThat(NotificationEvent.ofPhase(NotificationEvent.AWAITING_MERGE_PHASE, true))
        .contains(NotificationEvent.ROLLBACK_AWAITING_MERGE);
    assertThat(NotificationEvent.named("AwaitingMerge")).contains(NotificationEvent.AWAITING_MERGE);
  }
}
