package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a finished {@link PromotionRollback} did, as the {@code rollback} command reports it.
 * Serialised by {@link #value()}.
 */
public enum RollbackStatusResult {
  /** Every application of the promotion is back at its pre-promotion tag. */
  RESTORED("Restored"),
  /**
   * Some applications were restored; the others drifted since the promotion and are listed as
   * conflicts.
   */
  PARTIALLY_RESTORED("PartiallyRestored"),
  /** Every tag already equals the pre-promotion tag: no commit. */
  NOTHING_TO_ROLL_BACK("NothingToRollBack"),
  /** A dry run: what would be restored is shown, nothing is written. */
  PREVIEWED("Previewed");

  private final String value;

  RollbackStatusResult(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }
}
