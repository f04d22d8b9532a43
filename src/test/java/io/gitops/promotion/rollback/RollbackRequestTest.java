package io.gitops.promotion.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import org.junit.jupiter.api.Test;

/** Validation of rollback requests. */
class RollbackRequestTest {
  private final RollbackValidator validator = new RollbackValidator(EnvironmentCatalog.defaults());

  private static RollbackParameters params(
      String id, String env, boolean force, String reason, RollbackWindow window) {
    return new RollbackParameters(id, "tbd-test", env, false, force, reason, "  ", window, " ");
  }

  @Test
  void fillsInTheDefaultsOfAnOrdinaryRollback() {
    RollbackRequest r =
        validator.validate(params("r-1", "tst", false, "ignored without force", null));
    assertThat(r.target().name()).isEqualTo("TST");
    assertThat(r.window()).isEqualTo(RollbackWindow.DEFAULT);
    assertThat(r.requestedBy()).isEqualTo("unknown");
    assertThat(r.reason()).isNull();
    assertThat(r.expectedPromotionId()).isNull();
  }

  @Test
  void aForcedRollbackNeedsAReason() {
    assertThatThrownBy(() -> validator.validate(params("r-1", "TST", true, " ", null)))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.REASON_REQUIRED));
    assertThat(
            validator.validate(params("r-1", "TST", true, " hotfix broke login ", null)).reason())
        .isEqualTo("hotfix broke login");
  }

  @Test
  void refusesAnUnknownEnvironmentAndAnIdThatCannotBeATrailer() {
    assertThatThrownBy(() -> validator.validate(params("r-1", "QA", false, null, null)))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNKNOWN_ENVIRONMENT))
        .hasMessageContaining("DFT, DEV, TST, STG, PRD");
    assertThatThrownBy(() -> validator.validate(params("r 1\nForced: x", "TST", false, null, null)))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_NAME));
  }

  @Test
  void keepsTheWindowItIsGiven() {
    assertThat(
            validator
                .validate(params("r-1", "TST", false, null, RollbackWindow.UNLIMITED))
                .window()
                .isUnlimited())
        .isTrue();
  }
}
