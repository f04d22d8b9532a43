package io.gitops.promotion.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.state.PromotionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollbackMergeRequestTextTest {
  private static final PromotionRecord P1 =
      new PromotionRecord(
          "p-1",
          "1.5.0",
          "TST",
          "STG",
          Instant.parse("2026-11-01T10:00:00Z"),
          "alice",
          "v1.5.0",
          null);

  private static RollbackPlan plan(boolean force) {
    RollbackRequest request =
        new RollbackValidator(EnvironmentCatalog.defaults())
            .validate(
                new RollbackParameters(
                    "r-7",
                    "tbd-test",
                    "STG",
                    false,
                    force,
                    force ? "drift is intended" : null,
                    "bob",
                    null,
                    null));
    return new RollbackPlan(
        request,
        P1,
        List.of(new Restoration("backend", "tbd-test|backend", "1.4.0", "1.2.0")),
        List.of(
            new Conflict("frontend", "tbd-test", "1.5.0", "1.5.1", "1.3.0"),
            new Conflict("legacy", "old-app", "0.2.0", null, "0.1.0")),
        List.of(),
        Map.of());
  }

  @Test
  void tablesTheRestoredTagsNamesWhatItLeftAloneWhoAskedAndWhereItCameFrom() {
    assertThat(RollbackMergeRequestText.description(plan(false), "PromotionRollback ns/undo"))
        .isEqualTo(
            """
            Rolls back promotion `p-1` of workload group `tbd-test` in STG: restores the tags it \
            replaced.

            | Service | Application | From | To |
            |---|---|---|---|
            | backend | tbd-test\\|backend | `1.4.0` | `1.2.0` |

            **Left alone**, changed since the promotion:

            - frontend/tbd-test: at `1.5.1`
            - legacy/old-app: gone

            Requested by: bob

            Opened by promotion-operator for PromotionRollback ns/undo.

            Rollback-Id: r-7
            """);
  }

  @Test
  void aForcedRollbackSaysWhyAndAnUnknownOriginIsLeftOut() {
    assertThat(RollbackMergeRequestText.description(plan(true), null))
        .contains("\n**Forced**: drift is intended\n")
        .doesNotContain("Opened by");
  }
}
