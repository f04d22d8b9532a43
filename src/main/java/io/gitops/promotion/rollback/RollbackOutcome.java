package io.gitops.promotion.rollback;

/**
 * How a rollback ended when it was not rejected. {@link #label()} is what reports and status show.
 */
public enum RollbackOutcome {
  /** Every application of the promotion is back at its pre-promotion tag. */
  RESTORED("Restored"),
  /**
   * Some applications are left alone because they changed since the promotion (listed as
   * conflicts); the others were restored, or already were.
   */
  PARTIALLY_RESTORED("PartiallyRestored"),
  /** Every tag already equals its pre-promotion value: no commit. */
  NOTHING_TO_ROLL_BACK("NothingToRollBack"),
  /** A dry run: restorations, conflicts and diff are computed, nothing is written. */
  PREVIEWED("Previewed");

  private final String label;

  RollbackOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
