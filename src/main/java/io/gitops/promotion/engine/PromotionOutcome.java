package io.gitops.promotion.engine;

/** How a promotion run ended when it was not rejected. */
public enum PromotionOutcome {
  /**
   * One commit with the tag changes and the state file was pushed (or found pushed by an earlier
   * attempt).
   */
  PROMOTED("Promoted"),
  /** A dry run: the plan and diff were computed, nothing was written. */
  PREVIEWED("Previewed"),
  /** Every target tag already equals its source tag: no commit. */
  NOTHING_TO_PROMOTE("NothingToPromote");

  private final String label;

  PromotionOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
