package io.gitops.promotion.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.state.PromotionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollbackCommitMessageTest {
  private static final PromotionRecord P1 =
      new PromotionRecord(
          "p-1",
          "1.5.0",
          "DEV",
          "TST",
          Instant.parse("2026-11-01T10:00:00Z"),
          "alice",
          "v1.5.0",
          null);

  private static RollbackPlan plan(boolean dryRun, boolean force) {
    return plan(dryRun, force, false);
  }

  private static RollbackPlan plan(boolean dryRun, boolean force, boolean emergency) {
    RollbackRequest request =
        new RollbackValidator(EnvironmentCatalog.defaults())
            .validate(
                new RollbackParameters(
                    "r-7",
                    "tbd-test",
                    "TST",
                    dryRun,
                    force,
                    force || emergency ? "login broken\nsince 1.5.0" : null,
                    "bob",
                    null,
                    null,
                    emergency));
    return new RollbackPlan(
        request,
        P1,
        List.of(new Restoration("backend", "tbd-test-backend", "1.4.0", "1.2.0")),
        List.of(
            new Conflict("frontend", "tbd-test", "1.5.0", "1.5.1", "1.3.0"),
            new Conflict("legacy", "old-app", "0.2.0", null, "0.1.0")),
        List.of(),
        Map.of());
  }

  @Test
  void namesTheRollbackListsWhatItDidAndEndsWithTrailers() {
    assertThat(RollbackCommitMessage.of(plan(false, false)))
        .isEqualTo(
            """
        Roll back tbd-test [TST] v1.5.0 (promotion p-1)

        - backend/tbd-test-backend: 1.4.0 -> 1.2.0

        Left alone, changed since the promotion:
        - frontend/tbd-test: at 1.5.1, promoted 1.5.0, before 1.3.0
        - legacy/old-app: gone, promoted 0.2.0, before 0.1.0

        Rollback-Of: p-1
        Rollback-Id: r-7
        Requested-By: bob
        """);
  }

  @Test
  void aForcedRollbackSaysSoInTheSubjectAndCarriesTheReasonOnOneLine() {
    String message = RollbackCommitMessage.of(plan(false, true));
    assertThat(message)
        .startsWith("Roll back tbd-test [TST] v1.5.0 (promotion p-1) (FORCED)\n")
        .endsWith("Requested-By: bob\nForced: login broken since 1.5.0\n");
    assertThat(RollbackCommitMessage.title(plan(true, false)))
        .isEqualTo("Preview roll back tbd-test [TST] v1.5.0 (promotion p-1)");
  }

  @Test
  void anEmergencyRollbackSaysSoInTheSubjectAndCarriesItsReasonInTheForcedTrailer() {
    assertThat(RollbackCommitMessage.of(plan(false, false, true)))
        .startsWith("Roll back tbd-test [TST] v1.5.0 (promotion p-1) (EMERGENCY)\n")
        .endsWith("Requested-By: bob\nForced: login broken since 1.5.0\n");
  }
}
