package io.gitops.promotion.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import java.util.List;
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
  void anEmergencyNeedsAReasonAndKeepsItWithoutForce() {
    RollbackParameters withoutReason =
        new RollbackParameters("r-1", "tbd-test", "STG", false, false, " ", "", null, null, true);
    assertThatThrownBy(() -> validator.validate(withoutReason))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.REASON_REQUIRED))
        .hasMessageContaining("emergency");
    RollbackRequest emergency =
        validator.validate(
            new RollbackParameters(
                "r-1", "tbd-test", "STG", false, false, " checkout down ", "", null, null, true));
    assertThat(emergency.emergency()).isTrue();
    assertThat(emergency.force()).isFalse();
    assertThat(emergency.reason()).isEqualTo("checkout down");
  }

  @Test
  void onlyAnExecutionIntoAGatedEnvironmentThatIsNoEmergencyGoesThroughAMergeRequest() {
    List<Environment> all =
        EnvironmentCatalog.defaults().all().stream()
            .map(
                e ->
                    e.name().equals("STG")
                        ? new Environment(
                            e.name(), e.dir(), e.tier(), Environment.MERGE_REQUEST, null)
                        : e)
            .toList();
    RollbackValidator gated =
        new RollbackValidator(new EnvironmentCatalog(all, all.subList(1, all.size())));
    assertThat(through(gated, "STG", false, false)).isTrue();
    assertThat(through(gated, "STG", true, false)).as("a preview").isFalse();
    assertThat(through(gated, "STG", false, true)).as("an emergency").isFalse();
    assertThat(through(gated, "TST", false, false)).as("not gated").isFalse();
    assertThat(gated.validate(params("AB-12", "STG", false, null, null)).reviewBranch())
        .isEqualTo("rollback/stg/tbd-test/ab12");
  }

  private static boolean through(
      RollbackValidator validator, String env, boolean dryRun, boolean emergency) {
    return validator
        .validate(
            new RollbackParameters(
                "r-1", "tbd-test", env, dryRun, false, "why", "", null, null, emergency))
        .throughMergeRequest();
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
