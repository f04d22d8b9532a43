package io.gitops.promotion.rollback;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.state.PromotionRecord;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class RollbackPreconditionsTest {
  private static final Instant PROMOTED = Instant.parse("2026-11-01T10:00:00Z");
  private static final PromotionRecord P1 =
      new PromotionRecord("p-1", "1.5.0", "DEV", "TST", PROMOTED, "alice", "v1.5.0", null);

  private static RollbackRequest request(boolean force, RollbackWindow window, String expected) {
    return new RollbackValidator(EnvironmentCatalog.defaults())
        .validate(
            new RollbackParameters(
                "r-1",
                "tbd-test",
                "TST",
                false,
                force,
                force ? "incident 42" : null,
                "bob",
                window,
                expected));
  }

  private static void assertRejected(Runnable check, RejectionReason reason, String message) {
    assertThatThrownBy(check::run)
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> Assertions.assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(message);
  }

  @Test
  void aPromotionOlderThanTheWindowNeedsForce() {
    Instant eightDaysLater = PROMOTED.plus(Duration.ofDays(8));
    assertRejected(
        () -> RollbackPreconditions.check(request(false, null, null), P1, eightDaysLater),
        RejectionReason.ROLLBACK_WINDOW_EXPIRED,
        "was made at 2026-11-01T10:00:00Z, more than 7d ago");
    assertThatCode(() -> RollbackPreconditions.check(request(true, null, null), P1, eightDaysLater))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                RollbackPreconditions.check(
                    request(false, RollbackWindow.UNLIMITED, null), P1, eightDaysLater))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                RollbackPreconditions.check(
                    request(false, null, null), P1, PROMOTED.plus(Duration.ofDays(7))))
        .doesNotThrowAnyException();
  }

  @Test
  void
      aCreationTimeInTheFutureMakesTheStateFileInvalidInsteadOfKeepingThePromotionInsideTheWindow() {
    assertRejected(
        () ->
            RollbackPreconditions.check(
                request(true, null, null), P1, PROMOTED.minus(Duration.ofDays(1))),
        RejectionReason.INVALID_STATE_FILE,
        "was made at 2026-11-01T10:00:00Z, in the future");
    assertThatCode(
            () ->
                RollbackPreconditions.check(
                    request(false, null, null), P1, PROMOTED.minus(Duration.ofMinutes(5))))
        .as("within the clock skew")
        .doesNotThrowAnyException();
  }

  @Test
  void aPromotionWithoutARecordedTimeNeedsForceUnlessTheWindowIsUnlimited() {
    PromotionRecord undated =
        new PromotionRecord("p-1", null, "DEV", "TST", null, null, null, null);
    assertRejected(
        () -> RollbackPreconditions.check(request(false, null, null), undated, PROMOTED),
        RejectionReason.ROLLBACK_WINDOW_EXPIRED,
        "its age is unknown");
    assertThatCode(
            () ->
                RollbackPreconditions.check(
                    request(false, RollbackWindow.UNLIMITED, null), undated, PROMOTED))
        .doesNotThrowAnyException();
  }

  @Test
  void aPromotionReplacedByANewerOneIsNotRolledBackEvenWhenForced() {
    assertRejected(
        () -> RollbackPreconditions.check(request(true, null, "p-0"), P1, PROMOTED),
        RejectionReason.PROMOTION_SUPERSEDED,
        "promotion p-0 is no longer the latest of tbd-test into TST: promotion p-1");
    assertThatCode(() -> RollbackPreconditions.check(request(false, null, "p-1"), P1, PROMOTED))
        .doesNotThrowAnyException();
  }
}
