package io.gitops.promotion.notify;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a webhook can be told about, named as in the configuration's {@code events}: a Promotion's
 * phase (Previewed, AwaitingMerge, Verifying, Succeeded, Failed), or a PromotionRollback's
 * (RollbackPreviewed, RollbackAwaitingMerge, RolledBack, RollbackFailed).
 */
public enum NotificationEvent {
  PREVIEWED("Previewed"),
  AWAITING_MERGE("AwaitingMerge"),
  VERIFYING("Verifying"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  ROLLBACK_PREVIEWED("RollbackPreviewed"),
  ROLLBACK_AWAITING_MERGE("RollbackAwaitingMerge"),
  ROLLED_BACK("RolledBack"),
  ROLLBACK_FAILED("RollbackFailed");

  /**
   * The phase name a merge request waiting for its merge is in; matched by name, like every phase.
   */
  public static final String AWAITING_MERGE_PHASE = "AwaitingMerge";

  private final String value;

  NotificationEvent(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** The event a configuration names ({@code Succeeded}, {@code RolledBack} ...). */
  public static Optional<NotificationEvent> named(String name) {
    return Arrays.stream(values()).filter(e -> e.value.equals(name)).findFirst();
  }

  /**
   * The event of a run entering {@code phase}; none for phases nobody is told about (Pending,
   * Running).
   */
  public static Optional<NotificationEvent> ofPhase(String phase, boolean rollback) {
    if (phase == null) {
      return Optional.empty();
    }
    if (!rollback) {
      return named(phase).filter(e -> e.ordinal() <= FAILED.ordinal());
    }
    return switch (phase) {
      case "Previewed" -> Optional.of(ROLLBACK_PREVIEWED);
      case AWAITING_MERGE_PHASE -> Optional.of(ROLLBACK_AWAITING_MERGE);
      case "Succeeded" -> Optional.of(ROLLED_BACK);
      case "Failed" -> Optional.of(ROLLBACK_FAILED);
      default -> Optional.empty();
    };
  }
}
