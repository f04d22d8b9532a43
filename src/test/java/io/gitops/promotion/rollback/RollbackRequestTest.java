package io.gitops.promotion.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.promotion.PromotionRejectedException;
import io.gitops.promotion.promotion.RejectionReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Validation of rollback requests and the rollback window's notation. */
class RollbackRequestTest {
  private final RollbackValidator validator = new RollbackValidator(EnvironmentCatalog.defaults());

  private static RollbackParameters params(String id, String env, boolean force, String reason, Duration window) {
    return new RollbackParameters(id, "tbd-test", env, false, force, reason, "  ", window, " ");
  }

  @Test
  void fillsInTheDefaultsOfAnOrdinaryRollback() {
    RollbackRequest r = validator.validate(params("r-1", "tst", false, "ignored without force", null));
    assertThat(r.target().name()).isEqualTo("TST");
    assertThat(r.window()).isEqualTo(Duration.ofDays(7));
    assertThat(r.requestedBy()).isEqualTo("unknown");
    assertThat(r.reason()).isNull();
    assertThat(r.expectedPromotionId()).isNull();
  }

  @Test
  void aForcedRollbackNeedsAReason() {
    assertThatThrownBy(() -> validator.validate(params("r-1", "TST", true, " ", null)))
        .isInstanceOfSatisfying(PromotionRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.REASON_REQUIRED));
    assertThat(validator.validate(params("r-1", "TST", true, " hotfix broke login ", null)).reason())
        .isEqualTo("hotfix broke login");
  }

  @Test
  void refusesAnUnknownEnvironmentAndAnIdThatCannotBeATrailer() {
    assertThatThrownBy(() -> validator.validate(params("r-1", "QA", false, null, null)))
        .isInstanceOfSatisfying(PromotionRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNKNOWN_ENVIRONMENT))
        .hasMessageContaining("DFT, DEV, TST, STG, PRD");
    assertThatThrownBy(() -> validator.validate(params("r 1\nForced: x", "TST", false, null, null)))
        .isInstanceOfSatisfying(PromotionRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_NAME));
  }

  @Test
  void readsTheWindowInDaysHoursMinutesOrIso() {
    assertThat(RollbackWindow.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(RollbackWindow.parse("36h")).isEqualTo(Duration.ofHours(36));
    assertThat(RollbackWindow.parse("90m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(RollbackWindow.parse("0")).isZero();
    assertThat(RollbackWindow.parse("P2D")).isEqualTo(Duration.ofDays(2));
    assertThat(RollbackWindow.text(Duration.ofDays(7))).isEqualTo("7d");
    assertThat(RollbackWindow.text(Duration.ofHours(36))).isEqualTo("36h");
    for (String bad : new String[] {"", "7", "-1d", "7 days", "PT-5H"}) {
      assertThatThrownBy(() -> RollbackWindow.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
